package org.depthsweep.optim;

/**
 * Diagonal AdaGrad (Duchi, Hazan, Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
 * Optimization", JMLR 12, 2011). The accumulator s starts at zero.
 *
 * <pre>
 *   s &lt;- s + g^2;  x &lt;- x - lr * g / (sqrt(s) + eps)
 * </pre>
 */
public final class AdaGrad extends ElementwiseRule {
    private final double lr;
    private final double eps;
    private double[][] sumSquares;

    /**
     * @param lr  learning rate, finite and > 0
     * @param eps constant added to the root in the denominator, finite and > 0 (PyTorch's default is 1e-10)
     */
    public AdaGrad(double lr, double eps) {
        this.lr = requireLearningRate("adagrad", lr);
        this.eps = requirePositive("adagrad", "eps", eps);
    }

    @Override
    void allocate(int[] lengths) {
        sumSquares = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            sumSquares[i] = new double[lengths[i]];
        }
    }

    @Override
    void update(int index, double[] x, double[] g, long t) {
        double[] s = sumSquares[index];
        for (int i = 0; i < x.length; i++) {
            s[i] += g[i] * g[i];
            x[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
        }
    }
}
