package org.depthsweep.optim;

/**
 * AdaDelta (Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, 2012), with a learning rate that
 * scales the step as in PyTorch; Zeiler's method is lr = 1. Both running averages start at zero.
 *
 * <pre>
 *   E[g^2]  &lt;- rho * E[g^2] + (1 - rho) * g^2
 *   dx      =  -sqrt(E[dx^2] + eps) / sqrt(E[g^2] + eps) * g
 *   E[dx^2] &lt;- rho * E[dx^2] + (1 - rho) * dx^2
 *   x       &lt;- x + lr * dx
 * </pre>
 */
public final class AdaDelta extends ElementwiseRule {
    private final double lr;
    private final double rho;
    private final double eps;
    private double[][] meanSquareGrad;
    private double[][] meanSquareDelta;

    /**
     * @param lr  learning rate, finite and > 0
     * @param rho decay of both running averages, in [0, 1); Zeiler used 0.95
     * @param eps constant inside both roots, finite and > 0; Zeiler used 1e-6
     */
    public AdaDelta(double lr, double rho, double eps) {
        this.lr = requireLearningRate("adadelta", lr);
        this.rho = requireDecay("adadelta", "rho", rho);
        this.eps = requirePositive("adadelta", "eps", eps);
    }

    @Override
    void allocate(int[] lengths) {
        meanSquareGrad = new double[lengths.length][];
        meanSquareDelta = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            meanSquareGrad[i] = new double[lengths[i]];
            meanSquareDelta[i] = new double[lengths[i]];
        }
    }

    @Override
    void update(int index, double[] x, double[] g, long t) {
        double[] eg = meanSquareGrad[index];
        double[] edx = meanSquareDelta[index];
        for (int i = 0; i < x.length; i++) {
            eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i];
            double dx = -Math.sqrt(edx[i] + eps) / Math.sqrt(eg[i] + eps) * g[i];
            edx[i] = rho * edx[i] + (1 - rho) * dx * dx;
            x[i] += lr * dx;
        }
    }
}
