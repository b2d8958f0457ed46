package org.depthsweep.experiment.toy;

import java.util.SplittableRandom;

/**
 * Depth-2 gradient descent on {@code w = s * m} with a scalar s and m in R^2. With the residual {@code r = s * m - y}
 * and {@code g_i = g(r_i)}, every step updates both factors from the same old values:
 * {@code m_i <- m_i - lr * s * g_i} and {@code s <- s - lr * (g_1 * m_1 + g_2 * m_2)}.
 */
final class ScalarKernel extends ToyKernel {
    private double m1;
    private double m2;
    private double s;

    private ScalarKernel(ToyProblem problem, double m1, double m2, double s) {
        super(problem);
        this.m1 = m1;
        this.m2 = m2;
        this.s = s;
    }

    /**
     * Creates the initial state.
     * <ul>
     * <li>{@code zero}: m = 0 and s = 1, so w = 0 but the gradient of m is not 0.</li>
     * <li>{@code small}: m1, m2, then s drawn with standard deviation {@code init_scale}.</li>
     * <li>{@code balanced}: w0 = (w1, w2) drawn with standard deviation {@code init_scale}, then
     * {@code s = sqrt(||w0||)} and {@code m = w0 / s}, so {@code s^2 = ||m||^2} as in the balanced initialization
     * of Arora, Cohen and Hazan, "On the Optimization of Deep Networks: Implicit Acceleration by
     * Overparameterization", ICML 2018. When w0 = 0 both factors are 0, which is a stationary point.</li>
     * </ul>
     */
    static ScalarKernel initial(ToyProblem problem, SplittableRandom random) {
        double std = problem.initScale();
        switch (problem.init()) {
            case ZERO:
                return new ScalarKernel(problem, 0.0, 0.0, 1.0);
            case SMALL: {
                double m1 = gaussian(random, std);
                double m2 = gaussian(random, std);
                double s = gaussian(random, std);
                return new ScalarKernel(problem, m1, m2, s);
            }
            case BALANCED: {
                double w1 = gaussian(random, std);
                double w2 = gaussian(random, std);
                double s = Math.sqrt(Math.hypot(w1, w2));
                if (s == 0) {
                    return new ScalarKernel(problem, 0.0, 0.0, 0.0);
                }
                return new ScalarKernel(problem, w1 / s, w2 / s, s);
            }
            default:
                throw new AssertionError(problem.init());
        }
    }

    @Override
    double residual1() {
        return s * m1 - y1;
    }

    @Override
    double residual2() {
        return s * m2 - y2;
    }

    @Override
    Double scale() {
        return s;
    }

    /** Returns m1, m2 and s of the current state. */
    double[] factors() {
        return new double[] {m1, m2, s};
    }

    @Override
    int advance(int steps, double lowerSq, double upperSq) {
        switch (kind) {
            case P3:
                return advanceP3(steps, lowerSq, upperSq);
            case P4:
                return advanceP4(steps, lowerSq, upperSq);
            case P6:
                return advanceP6(steps, lowerSq, upperSq);
            case P8:
                return advanceP8(steps, lowerSq, upperSq);
            case INTEGER:
                return advanceInteger(steps, lowerSq, upperSq);
            case HALF:
                return advanceHalf(steps, lowerSq, upperSq);
            default:
                return advanceReal(steps, lowerSq, upperSq);
        }
    }

    // The seven loops below differ only in the LpGradient method they call. The residuals r1 and r2 of the new state
    // feed both the band check and the next update, so each step computes them once.

    private int advanceP3(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.p3(r1);
            double g2 = LpGradient.p3(r2);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int advanceP4(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.p4(r1);
            double g2 = LpGradient.p4(r2);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int advanceP6(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.p6(r1);
            double g2 = LpGradient.p6(r2);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int advanceP8(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.p8(r1);
            double g2 = LpGradient.p8(r2);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int advanceInteger(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        int n = integerExponent;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.integer(r1, n);
            double g2 = LpGradient.integer(r2, n);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int advanceHalf(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        int n = integerExponent;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.half(r1, n);
            double g2 = LpGradient.half(r2, n);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int advanceReal(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double exponent = realExponent;
        double a = m1;
        double b = m2;
        double c = s;
        double r1 = c * a - y1;
        double r2 = c * b - y2;
        for (int i = 0; i < steps; i++) {
            double g1 = LpGradient.real(r1, exponent);
            double g2 = LpGradient.real(r2, exponent);
            double gs = g1 * a + g2 * b;
            double rateS = rate * c;
            a -= rateS * g1;
            b -= rateS * g2;
            c -= rate * gs;
            r1 = c * a - y1;
            r2 = c * b - y2;
            double e2 = r1 * r1 + r2 * r2;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, c, i + 1);
            }
        }
        return store(a, b, c, steps);
    }

    private int store(double a, double b, double c, int stepsRun) {
        m1 = a;
        m2 = b;
        s = c;
        return stepsRun;
    }
}
