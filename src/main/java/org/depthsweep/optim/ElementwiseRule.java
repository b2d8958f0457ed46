package org.depthsweep.optim;

/**
 * Base of the rules that update each parameter entry from its own gradient entry and state: it checks the arrays,
 * allocates the state on the first call and counts the steps.
 */
abstract class ElementwiseRule implements UpdateRule {
    private int[] lengths;
    private long steps;

    /**
     * Checks that lr is finite and > 0, written so that NaN fails.
     *
     * @throws IllegalArgumentException naming the rule and the value
     */
    static double requireLearningRate(String rule, double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(rule + ": lr must be finite and > 0, got " + lr);
        }
        return lr;
    }

    /** Checks {@code 0 <= value < 1}, written so that NaN fails. */
    static double requireDecay(String rule, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(rule + ": " + name + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** Checks that a stabilizing constant is finite and > 0, written so that NaN fails. */
    static double requirePositive(String rule, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(rule + ": " + name + " must be finite and > 0, got " + value);
        }
        return value;
    }

    @Override
    public final void step(double[][] params, double[][] grads) {
        if (params.length != grads.length) {
            throw new IllegalArgumentException("got " + params.length + " parameter arrays and " + grads.length
                    + " gradients; pass one gradient per parameter array");
        }
        for (int i = 0; i < params.length; i++) {
            if (params[i].length != grads[i].length) {
                throw new IllegalArgumentException("parameter array " + i + " has " + params[i].length
                        + " entries but its gradient has " + grads[i].length);
            }
        }
        if (lengths == null) {
            lengths = new int[params.length];
            for (int i = 0; i < params.length; i++) {
                lengths[i] = params[i].length;
            }
            allocate(lengths);
        } else {
            requireSameLayout(params);
        }
        steps++;
        for (int i = 0; i < params.length; i++) {
            update(i, params[i], grads[i], steps);
        }
    }

    @Override
    public final long steps() {
        return steps;
    }

    /** Allocates the state for parameter arrays of these lengths; called once, before the first update. */
    abstract void allocate(int[] lengths);

    /**
     * Updates one parameter array.
     *
     * @param index which parameter array, for its state
     * @param t     the step number, 1 on the first call
     */
    abstract void update(int index, double[] x, double[] g, long t);

    private void requireSameLayout(double[][] params) {
        boolean same = params.length == lengths.length;
        for (int i = 0; same && i < params.length; i++) {
            same = params[i].length == lengths[i];
        }
        if (!same) {
            StringBuilder got = new StringBuilder();
            for (double[] param : params) {
                got.append(got.length() == 0 ? "" : ", ").append(param.length);
            }
            throw new IllegalArgumentException("the parameter arrays have lengths [" + got + "], but the first step "
                    + "had " + java.util.Arrays.toString(lengths) + "; create a new rule for other parameters");
        }
    }
}
