package org.depthsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.depthsweep.optim.Decompositions;
import org.depthsweep.optim.Matrix;
import org.junit.jupiter.api.Test;

class SyntheticRegressionTest {
    @Test
    void singularValuesHaveRequestedCondition() {
        RegressionData data = new SyntheticRegression(60, 8, 2, 50.0, 0.0, 7).generate();
        double[] s = Decompositions.svd(data.features()).s();
        assertEquals(Math.sqrt(60), s[0], 1e-10);
        assertEquals(50.0, s[0] / s[7], 1e-9);
        assertArrayEquals(new SyntheticRegression(60, 8, 2, 50.0, 0.0, 7).singularValues(), s, 1e-10);
    }

    @Test
    void noiseFreeTargetsFitTruthExactly() {
        RegressionData data = new SyntheticRegression(40, 6, 3, 10.0, 0.0, 1).generate();
        Matrix truth = data.optimumFor(4.0);
        assertNotNull(truth);
        assertSame(truth, data.optimumFor(2.0));
        Matrix predicted = Matrix.zeros(40, 3);
        Matrix.multiplyTransposed(data.features(), truth, predicted);
        assertTrue(predicted.distanceTo(data.targets()) < 1e-12);
        for (int o = 0; o < 3; o++) {
            assertEquals(1.0, Math.sqrt(Matrix.dot(truth.data, o * 6, truth.data, o * 6, 6)), 1e-14);
        }
    }

    @Test
    void noisyDataKnowsLeastSquaresOnly() {
        RegressionData data = new SyntheticRegression(50, 5, 1, 20.0, 0.3, 2).generate();
        assertNull(data.optimumFor(4.0));
        Matrix optimum = data.optimumFor(2.0);
        assertNotNull(optimum);
        // At the least-squares solution the gradient X^T (X W^T - Y) vanishes.
        Matrix residual = Matrix.zeros(50, 1);
        Matrix.multiplyTransposed(data.features(), optimum, residual);
        Matrix gradient = Matrix.zeros(5, 1);
        Matrix.transposeMultiply(data.features(), residual.minus(data.targets()), gradient);
        assertTrue(gradient.frobeniusNorm() < 1e-10, "gradient norm " + gradient.frobeniusNorm());
        assertTrue(optimum.distanceTo(LeastSquares.solve(data.features(), data.targets())) < 1e-10);
    }

    @Test
    void equalSeedsGiveEqualData() {
        RegressionData first = new SyntheticRegression(30, 4, 1, 5.0, 0.1, 9).generate();
        RegressionData second = new SyntheticRegression(30, 4, 1, 5.0, 0.1, 9).generate();
        RegressionData other = new SyntheticRegression(30, 4, 1, 5.0, 0.1, 10).generate();
        assertArrayEquals(first.features().data, second.features().data, 0.0);
        assertArrayEquals(first.targets().data, second.targets().data, 0.0);
        assertTrue(first.features().distanceTo(other.features()) > 0.1);
    }

    @Test
    void invalidSettingsAreRejected() {
        InvalidDataException fewSamples = assertThrows(InvalidDataException.class,
                () -> new SyntheticRegression(3, 4, 1, 5.0, 0.0, 0));
        assertTrue(fewSamples.getMessage().contains("3 samples and 4 features"), fewSamples.getMessage());
        assertThrows(InvalidDataException.class, () -> new SyntheticRegression(10, 4, 1, 0.5, 0.0, 0));
        assertThrows(InvalidDataException.class, () -> new SyntheticRegression(10, 4, 1, Double.NaN, 0.0, 0));
        assertThrows(InvalidDataException.class, () -> new SyntheticRegression(10, 4, 1, 2.0, Double.NaN, 0));
        assertThrows(InvalidDataException.class, () -> new SyntheticRegression(10, 4, 0, 2.0, 0.0, 0));
    }

    @Test
    void leastSquaresRejectsRankDeficientX() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {2, 4}, {3, 6}});
        Matrix y = Matrix.of(new double[][] {{1}, {2}, {3}});
        assertNull(LeastSquares.solve(x, y));
    }
}
