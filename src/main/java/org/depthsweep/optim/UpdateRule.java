package org.depthsweep.optim;

/**
 * A first-order update rule on a list of parameter arrays, such as the factors of a linear network. The caller computes
 * the gradients; the rule keeps whatever state it needs (velocities, accumulators, the step count) between calls.
 *
 * <p>Every call must pass the same number of arrays with the same lengths as the first call, and each gradient must
 * belong to the parameter at the same index.
 */
public interface UpdateRule {
    /**
     * Updates every parameter array in place from its gradient.
     *
     * @param params parameter arrays, updated in place
     * @param grads  gradients of the loss, one per parameter array and of equal length; not changed
     * @throws IllegalArgumentException if the arrays do not match each other or the first call
     */
    void step(double[][] params, double[][] grads);

    /** Returns the number of completed calls to {@link #step}. */
    long steps();
}
