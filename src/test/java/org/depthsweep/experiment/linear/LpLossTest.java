package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.depthsweep.data.RegressionData;
import org.depthsweep.optim.Matrix;
import org.junit.jupiter.api.Test;

class LpLossTest {
    private static RegressionData randomData(int n, int d, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new RegressionData(Matrix.gaussian(n, d, 1.0, random), Matrix.gaussian(n, k, 1.0, random), null,
                false, "random test data");
    }

    @Test
    void lossMatchesHandValue() {
        // X = [[1, 0], [0, 2]], Y = [[1], [0]], W = [[3, 1]]: residuals 3 - 1 = 2 and 2 - 0 = 2.
        // p = 4: (2^4 + 2^4) / (4 * 2) = 4; p = 3: (8 + 8) / (3 * 2) = 8 / 3.
        RegressionData data = new RegressionData(Matrix.of(new double[][] {{1, 0}, {0, 2}}),
                Matrix.of(new double[][] {{1}, {0}}), null, false, "hand example");
        Matrix w = Matrix.row(3, 1);
        assertEquals(4.0, new LpLoss(data, 4).evaluate(w, null), 1e-15);
        assertEquals(8.0 / 3, new LpLoss(data, 3).evaluate(w, null), 1e-15);
        // gradient for p = 4: (1/2) * (2^3 * (1, 0) + 2^3 * (0, 2)) = (4, 8)
        Matrix grad = Matrix.zeros(1, 2);
        new LpLoss(data, 4).evaluate(w, grad);
        assertEquals(4.0, grad.data[0], 1e-15);
        assertEquals(8.0, grad.data[1], 1e-15);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        RegressionData data = randomData(30, 4, 2, 1);
        Matrix w = Matrix.gaussian(2, 4, 0.5, new SplittableRandom(2));
        for (double p : new double[] {1.5, 2, 2.5, 3, 4, 6, 7}) {
            LpLoss loss = new LpLoss(data, p);
            Matrix grad = Matrix.zeros(2, 4);
            loss.evaluate(w, grad);
            for (int i = 0; i < w.data.length; i++) {
                double h = 1e-6;
                Matrix plus = w.copy();
                plus.data[i] += h;
                Matrix minus = w.copy();
                minus.data[i] -= h;
                double numeric = (loss.evaluate(plus, null) - loss.evaluate(minus, null)) / (2 * h);
                assertEquals(numeric, grad.data[i], 1e-6 * Math.max(1, Math.abs(numeric)), "p " + p + ", entry " + i);
            }
        }
    }

    @Test
    void integerPathsMatchPow() {
        RegressionData data = randomData(20, 3, 1, 3);
        Matrix w = Matrix.gaussian(1, 3, 1.0, new SplittableRandom(4));
        for (double p : new double[] {2, 3, 4, 5, 8}) {
            double expected = 0;
            for (int i = 0; i < 20; i++) {
                double r = Matrix.dot(w.data, 0, data.features().data, i * 3, 3) - data.targets().get(i, 0);
                expected += Math.pow(Math.abs(r), p);
            }
            expected /= p * 20;
            assertEquals(expected, new LpLoss(data, p).evaluate(w, null), 1e-12 * expected, "p " + p);
        }
    }

    @Test
    void shapeMismatchIsRejected() {
        LpLoss loss = new LpLoss(randomData(5, 3, 1, 5), 4);
        assertThrows(IllegalArgumentException.class, () -> loss.evaluate(Matrix.zeros(1, 4), null));
        assertThrows(IllegalArgumentException.class, () -> new LpLoss(randomData(5, 3, 1, 5), Double.NaN));
    }
}
