package org.depthsweep.optim;

/** Plain gradient descent: {@code x <- x - lr * g}. It keeps no state. */
public final class GradientDescent extends ElementwiseRule {
    private final double lr;

    /** @param lr learning rate, finite and > 0 */
    public GradientDescent(double lr) {
        this.lr = requireLearningRate("gd", lr);
    }

    @Override
    void allocate(int[] lengths) {
    }

    @Override
    void update(int index, double[] x, double[] g, long t) {
        Matrix.axpy(-lr, g, 0, x, 0, x.length);
    }
}
