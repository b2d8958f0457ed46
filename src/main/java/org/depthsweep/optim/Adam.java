package org.depthsweep.optim;

/**
 * Adam (Kingma, Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015), Algorithm 1 with bias correction.
 * Both moments start at zero and t counts steps from 1.
 *
 * <pre>
 *   m &lt;- beta1 * m + (1 - beta1) * g
 *   v &lt;- beta2 * v + (1 - beta2) * g^2
 *   x &lt;- x - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
 * </pre>
 */
public final class Adam extends ElementwiseRule {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private double[][] firstMoment;
    private double[][] secondMoment;

    /**
     * @param lr    learning rate, finite and > 0
     * @param beta1 decay of the first moment, in [0, 1); the paper's default is 0.9
     * @param beta2 decay of the second moment, in [0, 1); the paper's default is 0.999
     * @param eps   constant added to the root, finite and > 0; the paper's default is 1e-8
     */
    public Adam(double lr, double beta1, double beta2, double eps) {
        this.lr = requireLearningRate("adam", lr);
        this.beta1 = requireDecay("adam", "beta1", beta1);
        this.beta2 = requireDecay("adam", "beta2", beta2);
        this.eps = requirePositive("adam", "eps", eps);
    }

    @Override
    void allocate(int[] lengths) {
        firstMoment = new double[lengths.length][];
        secondMoment = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            firstMoment[i] = new double[lengths[i]];
            secondMoment[i] = new double[lengths[i]];
        }
    }

    @Override
    void update(int index, double[] x, double[] g, long t) {
        double[] m = firstMoment[index];
        double[] v = secondMoment[index];
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < x.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            x[i] -= lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + eps);
        }
    }
}
