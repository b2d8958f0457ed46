package org.depthsweep.experiment.toy;

import java.util.SplittableRandom;

/**
 * Depth-1 gradient descent on the end-to-end weight, {@code w <- w - lr * g(w - y)}. The state is the residual
 * {@code d = w - y}, updated as {@code d <- d - lr * g(d)}, which is the same map and saves a subtraction per step.
 */
final class PlainKernel extends ToyKernel {
    private double d1;
    private double d2;

    private PlainKernel(ToyProblem problem, double w1, double w2) {
        super(problem);
        this.d1 = w1 - problem.y1();
        this.d2 = w2 - problem.y2();
    }

    /**
     * Creates the initial state: w = 0 for {@code zero}, and w1 then w2 drawn with standard deviation
     * {@code init_scale} for {@code small} and {@code balanced} (a single factor is balanced by definition).
     */
    static PlainKernel initial(ToyProblem problem, SplittableRandom random) {
        if (problem.init() == ToyProblem.Init.ZERO) {
            return new PlainKernel(problem, 0.0, 0.0);
        }
        double w1 = gaussian(random, problem.initScale());
        double w2 = gaussian(random, problem.initScale());
        return new PlainKernel(problem, w1, w2);
    }

    @Override
    double residual1() {
        return d1;
    }

    @Override
    double residual2() {
        return d2;
    }

    @Override
    Double scale() {
        return null;
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

    // The seven loops below differ only in the LpGradient method they call. Each one must stay a plain counted loop
    // with the state in locals, so the JIT keeps d1 and d2 in registers and the band check off the update chain.

    private int advanceP3(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.p3(a);
            b -= rate * LpGradient.p3(b);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int advanceP4(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.p4(a);
            b -= rate * LpGradient.p4(b);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int advanceP6(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.p6(a);
            b -= rate * LpGradient.p6(b);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int advanceP8(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.p8(a);
            b -= rate * LpGradient.p8(b);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int advanceInteger(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        int n = integerExponent;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.integer(a, n);
            b -= rate * LpGradient.integer(b, n);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int advanceHalf(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        int n = integerExponent;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.half(a, n);
            b -= rate * LpGradient.half(b, n);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int advanceReal(int steps, double lowerSq, double upperSq) {
        double rate = lr;
        double exponent = realExponent;
        double a = d1;
        double b = d2;
        for (int i = 0; i < steps; i++) {
            a -= rate * LpGradient.real(a, exponent);
            b -= rate * LpGradient.real(b, exponent);
            double e2 = a * a + b * b;
            if (!(e2 <= upperSq) || e2 <= lowerSq) {
                return store(a, b, i + 1);
            }
        }
        return store(a, b, steps);
    }

    private int store(double a, double b, int stepsRun) {
        d1 = a;
        d2 = b;
        return stepsRun;
    }
}
