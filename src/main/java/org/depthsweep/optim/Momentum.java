package org.depthsweep.optim;

/**
 * Gradient descent with momentum, in the heavy-ball form (Polyak, "Some methods of speeding up the convergence of
 * iteration methods", USSR Computational Mathematics and Mathematical Physics, 1964) or the Nesterov form (Nesterov,
 * "A method for solving the convex programming problem with convergence rate O(1/k^2)", Soviet Mathematics Doklady,
 * 1983). The velocity v starts at zero.
 *
 * <pre>
 *   heavy ball: v &lt;- beta * v + g;  x &lt;- x - lr * v
 *   Nesterov:   v &lt;- beta * v + g;  x &lt;- x - lr * (g + beta * v)
 * </pre>
 *
 * <p>The Nesterov line is the accelerated gradient method written in the look-ahead point, so g is taken at the
 * current x. It is the form of PyTorch's {@code torch.optim.SGD} with {@code nesterov=True} and no dampening. Heavy
 * ball with v scaled by lr is Polyak's {@code x_{t+1} = x_t - lr * g_t + beta * (x_t - x_{t-1})}.
 */
public final class Momentum extends ElementwiseRule {
    private final double lr;
    private final double beta;
    private final boolean nesterov;
    private double[][] velocity;

    /**
     * @param lr       learning rate, finite and > 0
     * @param beta     momentum coefficient in [0, 1)
     * @param nesterov true for the Nesterov form, false for heavy ball
     */
    public Momentum(double lr, double beta, boolean nesterov) {
        this.lr = requireLearningRate("momentum", lr);
        this.beta = requireDecay("momentum", "beta", beta);
        this.nesterov = nesterov;
    }

    @Override
    void allocate(int[] lengths) {
        velocity = new double[lengths.length][];
        for (int i = 0; i < lengths.length; i++) {
            velocity[i] = new double[lengths[i]];
        }
    }

    @Override
    void update(int index, double[] x, double[] g, long t) {
        double[] v = velocity[index];
        for (int i = 0; i < x.length; i++) {
            v[i] = beta * v[i] + g[i];
            x[i] -= lr * (nesterov ? g[i] + beta * v[i] : v[i]);
        }
    }
}
