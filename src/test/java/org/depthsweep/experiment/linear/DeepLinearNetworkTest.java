package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.depthsweep.data.RegressionData;
import org.depthsweep.optim.Matrix;
import org.junit.jupiter.api.Test;

class DeepLinearNetworkTest {
    private static Matrix product(Matrix[] factors) {
        Matrix w = factors[0];
        for (int j = 1; j < factors.length; j++) {
            w = factors[j].times(w);
        }
        return w;
    }

    private static Matrix[] copies(Matrix[] factors) {
        Matrix[] out = new Matrix[factors.length];
        for (int j = 0; j < factors.length; j++) {
            out[j] = factors[j].copy();
        }
        return out;
    }

    @Test
    void forwardIsProductOfFactors() {
        Matrix[] factors = Initialization.factors(Initialization.SMALL, 1.0, new int[] {4, 3, 5, 2},
                new SplittableRandom(1));
        Matrix expected = product(factors);
        DeepLinearNetwork network = new DeepLinearNetwork(copies(factors));
        assertTrue(network.forward().distanceTo(expected) < 1e-14);
    }

    @Test
    void factorGradientsMatchFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        RegressionData data = new RegressionData(Matrix.gaussian(25, 4, 1.0, random),
                Matrix.gaussian(25, 2, 1.0, random), null, false, "random test data");
        LpLoss loss = new LpLoss(data, 4);
        int[] dims = {4, 3, 5, 2};
        Matrix[] factors = Initialization.factors(Initialization.SMALL, 0.7, dims, random);
        double weightDecay = 0.1;

        DeepLinearNetwork network = new DeepLinearNetwork(copies(factors));
        Matrix endToEnd = network.forward();
        Matrix gradient = Matrix.zeros(2, 4);
        loss.evaluate(endToEnd, gradient);
        network.backward(gradient, weightDecay);

        for (int j = 0; j < factors.length; j++) {
            for (int i = 0; i < factors[j].data.length; i++) {
                double h = 1e-6;
                Matrix[] plus = copies(factors);
                plus[j].data[i] += h;
                Matrix[] minus = copies(factors);
                minus[j].data[i] -= h;
                double numeric = (objective(loss, plus, weightDecay) - objective(loss, minus, weightDecay)) / (2 * h);
                assertEquals(numeric, network.gradientArrays()[j][i], 1e-6 * Math.max(1, Math.abs(numeric)),
                        "factor " + (j + 1) + ", entry " + i);
            }
        }
    }

    private static double objective(LpLoss loss, Matrix[] factors, double weightDecay) {
        double penalty = 0;
        for (Matrix factor : factors) {
            penalty += factor.frobeniusNorm() * factor.frobeniusNorm();
        }
        return loss.evaluate(product(factors), null) + weightDecay / 2 * penalty;
    }

    @Test
    void depthOneGradientIsEndToEndGradient() {
        Matrix w = Matrix.row(1, 2, 3);
        DeepLinearNetwork network = new DeepLinearNetwork(new Matrix[] {w});
        assertArrayEquals(w.data, network.forward().data, 0.0);
        network.backward(Matrix.row(4, 5, 6), 0.0);
        assertArrayEquals(new double[] {4, 5, 6}, network.gradientArrays()[0], 0.0);
        assertNull(network.balancedness());
    }

    @Test
    void balancedInitIsBalancedWithProductA() {
        int[] dims = {6, 8, 8, 3};
        Matrix[] factors = Initialization.factors(Initialization.BALANCED, 0.5, dims, new SplittableRandom(3));
        DeepLinearNetwork network = new DeepLinearNetwork(factors);
        assertTrue(network.balancedness() < 1e-14, "balancedness " + network.balancedness());
        Matrix start = Initialization.endToEnd(Initialization.BALANCED, 0.5, dims, new SplittableRandom(3));
        assertTrue(network.forward().distanceTo(start) < 1e-14);
    }

    @Test
    void balancedInitRejectsNarrowWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initialization.factors(Initialization.BALANCED, 0.5, new int[] {6, 2, 3},
                        new SplittableRandom(4)));
        assertTrue(e.getMessage().contains("width >= min(outputs, features) = 3"), e.getMessage());
    }

    @Test
    void smallInitIsNotBalanced() {
        Matrix[] factors = Initialization.factors(Initialization.SMALL, 1.0, new int[] {3, 4, 1},
                new SplittableRandom(5));
        assertTrue(new DeepLinearNetwork(factors).balancedness() > 0.1);
    }

    @Test
    void identityAndOrthogonalInits() {
        Matrix[] identity = Initialization.factors(Initialization.IDENTITY, 0.0, new int[] {3, 4, 2},
                new SplittableRandom(6));
        assertArrayEquals(Matrix.identity(2, 3).data, product(identity).data, 0.0);
        Matrix[] orthogonal = Initialization.factors(Initialization.ORTHOGONAL, 2.0, new int[] {3, 5, 2},
                new SplittableRandom(7));
        Matrix gram = Matrix.zeros(3, 3);
        Matrix.transposeMultiply(orthogonal[0], orthogonal[0], gram);
        assertTrue(gram.distanceTo(Matrix.identity(3, 3).scaled(4.0)) < 1e-12);
        assertEquals(5, orthogonal[0].rows);
        assertEquals(3, orthogonal[0].cols);
    }

    @Test
    void endToEndStartIsProductOfSameDraws() {
        int[] dims = {4, 6, 6, 1};
        Matrix[] factors = Initialization.factors(Initialization.SMALL, 0.3, dims, new SplittableRandom(8));
        Matrix start = Initialization.endToEnd(Initialization.SMALL, 0.3, dims, new SplittableRandom(8));
        assertTrue(product(factors).distanceTo(start) < 1e-15);
    }
}
