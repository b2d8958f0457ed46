package org.depthsweep.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Each rule on f(x, y) = (x^2 + y^2) / 2 from x = 1, y = -2, so the gradient is (x, y). The expected values are worked
 * out by hand from each rule's formula, step by step; the second parameter array checks that the state is kept per
 * array.
 */
class UpdateRuleTest {
    private static final double TOLERANCE = 1e-12;

    /** Runs three steps and returns x after each step in [0][t] and y in [1][t]. */
    private static double[][] threeSteps(UpdateRule rule) {
        double[][] params = {{1.0}, {-2.0}};
        double[][] trace = new double[2][3];
        for (int t = 0; t < 3; t++) {
            double[][] grads = {{params[0][0]}, {params[1][0]}};
            rule.step(params, grads);
            trace[0][t] = params[0][0];
            trace[1][t] = params[1][0];
        }
        return trace;
    }

    @Test
    void gradientDescentFirstSteps() {
        // x <- x - 0.1 x = 0.9 x
        double[][] trace = threeSteps(new GradientDescent(0.1));
        assertEquals(0.9, trace[0][0], TOLERANCE);
        assertEquals(0.81, trace[0][1], TOLERANCE);
        assertEquals(0.729, trace[0][2], TOLERANCE);
        assertEquals(-1.458, trace[1][2], TOLERANCE);
    }

    @Test
    void heavyBallFirstSteps() {
        // v1 = 1, x1 = 0.9; v2 = 0.9 + 0.9 = 1.8, x2 = 0.72; v3 = 1.62 + 0.72 = 2.34, x3 = 0.72 - 0.234 = 0.486
        double[][] trace = threeSteps(new Momentum(0.1, 0.9, false));
        assertEquals(0.9, trace[0][0], TOLERANCE);
        assertEquals(0.72, trace[0][1], TOLERANCE);
        assertEquals(0.486, trace[0][2], TOLERANCE);
        assertEquals(-0.972, trace[1][2], TOLERANCE);
    }

    @Test
    void nesterovFirstSteps() {
        // v1 = 1, x1 = 1 - 0.1 (1 + 0.9) = 0.81
        // v2 = 0.9 + 0.81 = 1.71, x2 = 0.81 - 0.1 (0.81 + 1.539) = 0.5751
        // v3 = 1.539 + 0.5751 = 2.1141, x3 = 0.5751 - 0.1 (0.5751 + 1.90269) = 0.327321
        double[][] trace = threeSteps(new Momentum(0.1, 0.9, true));
        assertEquals(0.81, trace[0][0], TOLERANCE);
        assertEquals(0.5751, trace[0][1], TOLERANCE);
        assertEquals(0.327321, trace[0][2], TOLERANCE);
        assertEquals(-0.654642, trace[1][2], TOLERANCE);
    }

    @Test
    void adaGradFirstSteps() {
        // s1 = 1, x1 = 1 - 0.1 * 1 / (1 + eps); s2 = 1 + x1^2, x2 = x1 - 0.1 x1 / (sqrt(s2) + eps)
        // y: s1 = 4, y1 = -2 + 0.1 * 2 / (2 + eps) = -1.9, so both coordinates first move by lr
        double eps = 1e-10;
        double x1 = 1 - 0.1 / (1 + eps);
        double x2 = x1 - 0.1 * x1 / (Math.sqrt(1 + x1 * x1) + eps);
        double x3 = x2 - 0.1 * x2 / (Math.sqrt(1 + x1 * x1 + x2 * x2) + eps);
        double[][] trace = threeSteps(new AdaGrad(0.1, eps));
        assertEquals(x1, trace[0][0], TOLERANCE);
        assertEquals(0.8331035268523, trace[0][1], 1e-12);
        assertEquals(x2, trace[0][1], TOLERANCE);
        assertEquals(x3, trace[0][2], TOLERANCE);
        assertEquals(-1.9, trace[1][0], 1e-9);
    }

    @Test
    void adaDeltaFirstSteps() {
        // E[g^2]1 = 0.05, dx1 = -sqrt(0 + 1e-6) / sqrt(0.05 + 1e-6) * 1, E[dx^2]1 = 0.05 dx1^2
        // E[g^2]2 = 0.95 * 0.05 + 0.05 x1^2, dx2 = -sqrt(E[dx^2]1 + 1e-6) / sqrt(E[g^2]2 + 1e-6) * x1
        double dx1 = -Math.sqrt(1e-6) / Math.sqrt(0.05 + 1e-6);
        double x1 = 1 + dx1;
        double meanSquareDelta1 = 0.05 * dx1 * dx1;
        double meanSquareGrad2 = 0.95 * 0.05 + 0.05 * x1 * x1;
        double x2 = x1 - Math.sqrt(meanSquareDelta1 + 1e-6) / Math.sqrt(meanSquareGrad2 + 1e-6) * x1;
        double[][] trace = threeSteps(new AdaDelta(1.0, 0.95, 1e-6));
        assertEquals(0.99552790876569, trace[0][0], 1e-12);
        assertEquals(x1, trace[0][0], TOLERANCE);
        assertEquals(x2, trace[0][1], TOLERANCE);
        assertEquals(0.98646456488495, trace[0][2], 1e-12);
    }

    @Test
    void adamFirstSteps() {
        // t = 1: m = 0.1, v = 0.001, m^ = 1, v^ = 1, x1 = 1 - 0.1 / (1 + 1e-8)
        // t = 2: m = 0.09 + 0.1 x1, v = 0.000999 + 0.001 x1^2, m^ = m / 0.19, v^ = v / 0.001999
        double x1 = 1 - 0.1 / (1 + 1e-8);
        double m2 = 0.9 * 0.1 + 0.1 * x1;
        double v2 = 0.999 * 0.001 + 0.001 * x1 * x1;
        double x2 = x1 - 0.1 * (m2 / 0.19) / (Math.sqrt(v2 / (1 - 0.999 * 0.999)) + 1e-8);
        double[][] trace = threeSteps(new Adam(0.1, 0.9, 0.999, 1e-8));
        assertEquals(x1, trace[0][0], TOLERANCE);
        assertEquals(x2, trace[0][1], TOLERANCE);
        assertEquals(0.80041222971234, trace[0][1], 1e-12);
        assertEquals(0.70158627450441, trace[0][2], 1e-12);
        assertEquals(-1.9, trace[1][0], 1e-8);
    }

    @Test
    void stepCountsCalls() {
        UpdateRule rule = new GradientDescent(0.1);
        threeSteps(rule);
        assertEquals(3, rule.steps());
    }

    @Test
    void changedLayoutIsRejected() {
        UpdateRule rule = new Adam(0.1, 0.9, 0.999, 1e-8);
        rule.step(new double[][] {{1, 2}}, new double[][] {{1, 2}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.step(new double[][] {{1, 2, 3}}, new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("first step"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rule.step(new double[][] {{1, 2}}, new double[][] {{1}}));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new GradientDescent(0));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, 1.0, false));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(0.1, Double.NaN, true));
        assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new AdaDelta(0.1, -0.1, 1e-6));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 1.0, 1e-8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(0.1, 0.9, 0.999, Double.NaN));
        assertTrue(e.getMessage().contains("adam: eps"), e.getMessage());
    }
}
