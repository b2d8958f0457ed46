package org.depthsweep.experiment.toy;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Depth-N gradient descent on {@code w = W_N ... W_1} with hidden width k: W_1 is k x 2, the inner factors are k x k
 * and W_N is 1 x k. Every factor is updated from the same old values by full-batch gradient descent,
 * {@code W_j <- W_j - lr * (W_N ... W_{j+1})^T g (W_{j-1} ... W_1)^T}, where g is the 1 x 2 row of
 * {@code g(r_i) = |r_i|^(p-2) * r_i}.
 *
 * <p>Each gradient is the outer product of a suffix column {@code u_j = (W_N ... W_{j+1})^T} and a prefix column
 * {@code v_j = (W_{j-1} ... W_1) g^T}, so a step costs O(N k^2): one pass for the prefix products, one for the suffix
 * products and one for the rank-one updates. Factors are row-major double arrays, {@code factors[j]} holding
 * W_{j+1}.
 */
final class ChainKernel extends ToyKernel {
    private final int depth;
    private final int width;
    private final double[][] factors;
    private final int[] rows;
    private final int[] cols;
    /**
     * Prefix products {@code prefix[j] = W_{j+1} ... W_1} of the current state, rows[j] x 2 row-major, for
     * j < depth - 1. The array prefix[0] is factors[0] itself.
     */
    private final double[][] prefix;
    /** Suffix columns {@code suffix[j] = (W_N ... W_{j+2})^T} with rows[j] entries, and suffix[depth - 1] = [1]. */
    private final double[][] suffix;
    /** Prefix columns {@code input[j] = (W_j ... W_1) g^T} with cols[j] entries, and input[0] = g^T. */
    private final double[][] input;
    private double w1;
    private double w2;

    private ChainKernel(ToyProblem problem) {
        super(problem);
        depth = problem.depth();
        width = problem.width();
        factors = new double[depth][];
        rows = new int[depth];
        cols = new int[depth];
        prefix = new double[depth - 1][];
        suffix = new double[depth][];
        input = new double[depth][];
        for (int j = 0; j < depth; j++) {
            rows[j] = j == depth - 1 ? 1 : width;
            cols[j] = j == 0 ? 2 : width;
            factors[j] = new double[rows[j] * cols[j]];
            suffix[j] = new double[rows[j]];
            input[j] = new double[cols[j]];
            if (j > 0 && j < depth - 1) {
                prefix[j] = new double[rows[j] * 2];
            }
        }
        prefix[0] = factors[0];
    }

    /**
     * Creates the initial state.
     * <ul>
     * <li>{@code zero}: W_1 = 0, inner factors the identity and W_N the first row of the identity, so w = 0 but
     * the gradient of W_1 is not 0.</li>
     * <li>{@code small}: every entry drawn with standard deviation {@code init_scale}, W_1 first, then W_2 up to
     * W_N, each in row-major order.</li>
     * <li>{@code balanced}: the rank-one case of the balanced initialization of Arora, Cohen and Hazan, "On the
     * Optimization of Deep Networks: Implicit Acceleration by Overparameterization", ICML 2018. It draws
     * w0 = (w1, w2) with standard deviation {@code init_scale} and sets, with {@code sigma = ||w0||},
     * {@code v = w0 / sigma} and {@code c = sigma^(1/N)}: {@code W_1 = c e1 v^T}, inner {@code W_j = c e1 e1^T} and
     * {@code W_N = c e1^T}. Then {@code W_N ... W_1 = w0} and {@code W_{j+1}^T W_{j+1} = W_j W_j^T} for every j.
     * When w0 = 0 every factor is 0, which is a stationary point.</li>
     * </ul>
     */
    static ChainKernel initial(ToyProblem problem, SplittableRandom random) {
        ChainKernel kernel = new ChainKernel(problem);
        switch (problem.init()) {
            case ZERO:
                kernel.initZero();
                break;
            case SMALL:
                kernel.initSmall(random, problem.initScale());
                break;
            case BALANCED:
                kernel.initBalanced(random, problem.initScale());
                break;
            default:
                throw new AssertionError(problem.init());
        }
        kernel.forward();
        return kernel;
    }

    private void initZero() {
        for (int j = 1; j < depth; j++) {
            for (int i = 0; i < Math.min(rows[j], cols[j]); i++) {
                factors[j][i * cols[j] + i] = 1.0;
            }
        }
    }

    private void initSmall(SplittableRandom random, double std) {
        for (double[] factor : factors) {
            for (int i = 0; i < factor.length; i++) {
                factor[i] = gaussian(random, std);
            }
        }
    }

    private void initBalanced(SplittableRandom random, double std) {
        double w01 = gaussian(random, std);
        double w02 = gaussian(random, std);
        double sigma = Math.hypot(w01, w02);
        if (sigma == 0) {
            return;
        }
        double c = Math.pow(sigma, 1.0 / depth);
        factors[0][0] = c * (w01 / sigma);
        factors[0][1] = c * (w02 / sigma);
        for (int j = 1; j < depth; j++) {
            factors[j][0] = c;
        }
    }

    @Override
    double residual1() {
        return w1 - y1;
    }

    @Override
    double residual2() {
        return w2 - y2;
    }

    @Override
    Double scale() {
        computeSuffix();
        double sum = 0;
        for (double x : suffix[0]) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** Returns copies of W_1 ... W_N, each row-major. */
    double[][] factors() {
        double[][] copy = new double[depth][];
        for (int j = 0; j < depth; j++) {
            copy[j] = factors[j].clone();
        }
        return copy;
    }

    /** Returns the gradient of the loss with respect to W_1 ... W_N at the current state, each row-major. */
    double[][] gradient() {
        computeSuffix();
        computeInput(LpGradient.of(w1 - y1, p), LpGradient.of(w2 - y2, p));
        double[][] gradient = new double[depth][];
        for (int j = 0; j < depth; j++) {
            gradient[j] = new double[rows[j] * cols[j]];
            for (int a = 0; a < rows[j]; a++) {
                for (int b = 0; b < cols[j]; b++) {
                    gradient[j][a * cols[j] + b] = suffix[j][a] * input[j][b];
                }
            }
        }
        return gradient;
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

    // The seven loops below differ only in the LpGradient method they call. step() does the O(N k^2) work.

    private int advanceP3(int steps, double lowerSq, double upperSq) {
        for (int i = 0; i < steps; i++) {
            step(LpGradient.p3(w1 - y1), LpGradient.p3(w2 - y2));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private int advanceP4(int steps, double lowerSq, double upperSq) {
        for (int i = 0; i < steps; i++) {
            step(LpGradient.p4(w1 - y1), LpGradient.p4(w2 - y2));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private int advanceP6(int steps, double lowerSq, double upperSq) {
        for (int i = 0; i < steps; i++) {
            step(LpGradient.p6(w1 - y1), LpGradient.p6(w2 - y2));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private int advanceP8(int steps, double lowerSq, double upperSq) {
        for (int i = 0; i < steps; i++) {
            step(LpGradient.p8(w1 - y1), LpGradient.p8(w2 - y2));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private int advanceInteger(int steps, double lowerSq, double upperSq) {
        int n = integerExponent;
        for (int i = 0; i < steps; i++) {
            step(LpGradient.integer(w1 - y1, n), LpGradient.integer(w2 - y2, n));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private int advanceHalf(int steps, double lowerSq, double upperSq) {
        int n = integerExponent;
        for (int i = 0; i < steps; i++) {
            step(LpGradient.half(w1 - y1, n), LpGradient.half(w2 - y2, n));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private int advanceReal(int steps, double lowerSq, double upperSq) {
        double exponent = realExponent;
        for (int i = 0; i < steps; i++) {
            step(LpGradient.real(w1 - y1, exponent), LpGradient.real(w2 - y2, exponent));
            if (outside(lowerSq, upperSq)) {
                return i + 1;
            }
        }
        return steps;
    }

    private boolean outside(double lowerSq, double upperSq) {
        double r1 = w1 - y1;
        double r2 = w2 - y2;
        double e2 = r1 * r1 + r2 * r2;
        return !(e2 <= upperSq) || e2 <= lowerSq;
    }

    /** Applies one update with the loss gradient row (g1, g2) of the current state, then recomputes w. */
    private void step(double g1, double g2) {
        computeSuffix();
        computeInput(g1, g2);
        for (int j = 0; j < depth; j++) {
            double[] factor = factors[j];
            double[] u = suffix[j];
            double[] v = input[j];
            int n = cols[j];
            for (int a = 0; a < rows[j]; a++) {
                double coefficient = lr * u[a];
                int offset = a * n;
                for (int b = 0; b < n; b++) {
                    factor[offset + b] -= coefficient * v[b];
                }
            }
        }
        forward();
    }

    /** Fills {@link #prefix} and (w1, w2) from the current factors. */
    private void forward() {
        for (int j = 1; j < depth - 1; j++) {
            multiply(factors[j], rows[j], cols[j], prefix[j - 1], prefix[j]);
        }
        double[] last = factors[depth - 1];
        double[] below = prefix[depth - 2];
        double sum1 = 0;
        double sum2 = 0;
        for (int b = 0; b < width; b++) {
            sum1 += last[b] * below[2 * b];
            sum2 += last[b] * below[2 * b + 1];
        }
        w1 = sum1;
        w2 = sum2;
    }

    /** Sets {@code out = factor * right} for a row-major {@code rows x cols} factor and a {@code cols x 2} right. */
    private static void multiply(double[] factor, int rows, int cols, double[] right, double[] out) {
        for (int a = 0; a < rows; a++) {
            double sum1 = 0;
            double sum2 = 0;
            int offset = a * cols;
            for (int b = 0; b < cols; b++) {
                double x = factor[offset + b];
                sum1 += x * right[2 * b];
                sum2 += x * right[2 * b + 1];
            }
            out[2 * a] = sum1;
            out[2 * a + 1] = sum2;
        }
    }

    /** Fills {@link #suffix} from the current factors. */
    private void computeSuffix() {
        suffix[depth - 1][0] = 1.0;
        for (int j = depth - 2; j >= 0; j--) {
            double[] above = factors[j + 1];
            double[] u = suffix[j + 1];
            double[] out = suffix[j];
            int n = cols[j + 1];
            Arrays.fill(out, 0.0);
            for (int a = 0; a < rows[j + 1]; a++) {
                double ua = u[a];
                int offset = a * n;
                for (int b = 0; b < n; b++) {
                    out[b] += ua * above[offset + b];
                }
            }
        }
    }

    /** Fills {@link #input} with {@code (W_j ... W_1) g^T} from the prefix products of the current state. */
    private void computeInput(double g1, double g2) {
        input[0][0] = g1;
        input[0][1] = g2;
        for (int j = 1; j < depth; j++) {
            double[] below = prefix[j - 1];
            double[] out = input[j];
            for (int a = 0; a < out.length; a++) {
                out[a] = below[2 * a] * g1 + below[2 * a + 1] * g2;
            }
        }
    }
}
