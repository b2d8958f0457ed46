package org.depthsweep.optim;

/**
 * The end-to-end update rule of a depth-N linear network, applied to the end-to-end matrix W directly (Arora, Cohen,
 * Hazan, "On the Optimization of Deep Networks: Implicit Acceleration by Overparameterization", ICML 2018):
 *
 * <pre>
 *   W &lt;- (1 - lr * lambda * N) * W - lr * P(W)[G],
 *   P(W)[G] = sum_{j=1..N} [W W^T]^((j-1)/N) G [W^T W]^((N-j)/N),
 * </pre>
 *
 * <p>where G = grad L(W) and lambda is the weight decay. To first order in lr this is what gradient descent on the
 * factors W_N ... W_1 does to their product when the factors start balanced (W_{j+1}^T W_{j+1} = W_j W_j^T), whatever
 * the hidden widths; weight decay lambda on every factor gives the factor (1 - lr * lambda * N). With N = 1 the rule is
 * plain gradient descent.
 *
 * <p>Fractional powers use the thin SVD W = U diag(s) V^T with {@code [W W^T]^a = U diag(s^(2a)) U^T} for a > 0 and
 * {@code [.]^0 = I}, so a zero singular value contributes nothing to a positive power. For one output (W a row w, g
 * the gradient row) the rule reduces to the vector form
 * {@code P(w)[g] = ||w||^(2-2/N) * (g + (N-1) * (w w^T / ||w||^2) g)}, whose projection term is zero at w = 0.
 *
 * <p>At W = 0 and N >= 2 the update is zero, so the rule never leaves that point, just as gradient descent from
 * all-zero factors does not. {@link #step} rejects such a start.
 */
public final class EndToEndRule {
    private final int depth;
    private final double lr;
    private final double weightDecay;
    private boolean started;

    /**
     * Creates the rule.
     *
     * @param depth       N >= 1
     * @param lr          learning rate, > 0
     * @param weightDecay lambda >= 0
     * @throws IllegalArgumentException if a value is out of range; the checks are written so that NaN fails
     */
    public EndToEndRule(int depth, double lr, double weightDecay) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("lr must be finite and > 0, got " + lr);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        this.depth = depth;
        this.lr = lr;
        this.weightDecay = weightDecay;
    }

    public int depth() {
        return depth;
    }

    /**
     * Updates W in place from the gradient G = grad L(W). The vector form is used for one output and the SVD form
     * otherwise.
     *
     * @throws IllegalArgumentException on the first call if W = 0 and N >= 2, or if the shapes differ
     */
    public void step(Matrix w, Matrix grad) {
        if (!started) {
            requireMovableStart(w, depth);
            started = true;
        }
        Matrix direction = w.rows == 1 ? Matrix.row(vectorForm(w.data, grad.data, depth)) : matrixForm(w, grad, depth);
        double shrink = 1.0 - lr * weightDecay * depth;
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = shrink * w.data[i] - lr * direction.data[i];
        }
    }

    /**
     * Rejects W = 0 as the start of the rule at depth N >= 2, where no update would ever move it.
     *
     * @throws IllegalArgumentException if N >= 2 and every entry of W is zero
     */
    public static void requireMovableStart(Matrix w, int depth) {
        if (depth >= 2 && w.isZero()) {
            throw new IllegalArgumentException("the end-to-end rule at depth " + depth + " cannot start at W = 0, "
                    + "where its update is zero forever (as gradient descent from all-zero factors is); start from "
                    + "a non-zero W, for example with init_scale > 0");
        }
    }

    /**
     * Returns {@code P(w)[g] = ||w||^(2-2/N) * (g + (N-1) * (w . g / ||w||^2) * w)} for one output, with the
     * projection term taken as zero at w = 0.
     *
     * @throws IllegalArgumentException if the lengths differ or depth < 1
     */
    public static double[] vectorForm(double[] w, double[] g, int depth) {
        if (w.length != g.length) {
            throw new IllegalArgumentException("w and g must have equal lengths, got " + w.length + " and "
                    + g.length);
        }
        requireDepth(depth);
        double[] out = g.clone();
        if (depth == 1) {
            return out;
        }
        double normSq = Matrix.dot(w, 0, w, 0, w.length);
        double scale = Math.pow(normSq, 1.0 - 1.0 / depth);
        double projection = normSq > 0 ? (depth - 1) * Matrix.dot(w, 0, g, 0, w.length) / normSq : 0.0;
        for (int i = 0; i < out.length; i++) {
            out[i] = scale * (g[i] + projection * w[i]);
        }
        return out;
    }

    /**
     * Returns {@code P(W)[G]} for a matrix of any shape from its thin SVD W = U diag(s) V^T, r = min(rows, cols).
     * With {@code G_r = U^T G V}:
     *
     * <pre>
     *   j = 1:         G V diag(s^(2(N-1)/N)) V^T
     *   j = N:         U diag(s^(2(N-1)/N)) U^T G
     *   1 &lt; j &lt; N: U [G_r o M] V^T,  M_ab = sum_{j=2..N-1} s_a^(2(j-1)/N) s_b^(2(N-j)/N)
     * </pre>
     *
     * <p>where o is the entrywise product. The cost is one SVD and O(rows * cols * r) operations.
     *
     * @throws IllegalArgumentException if the shapes differ, depth < 1 or W has a non-finite entry
     */
    public static Matrix matrixForm(Matrix w, Matrix g, int depth) {
        if (w.rows != g.rows || w.cols != g.cols) {
            throw new IllegalArgumentException("W and G must have equal shapes, got " + Matrix.shape(w) + " and "
                    + Matrix.shape(g));
        }
        requireDepth(depth);
        if (depth == 1) {
            return g.copy();
        }
        Decompositions.Svd svd = Decompositions.svd(w);
        Matrix u = svd.u();
        Matrix v = svd.v();
        double[] s = svd.s();
        int r = s.length;
        double outer = 2.0 * (depth - 1) / depth;
        double[] outerPower = new double[r];
        for (int a = 0; a < r; a++) {
            outerPower[a] = Math.pow(s[a], outer);
        }

        // j = 1: G V diag(s^outer) V^T
        Matrix gv = g.times(v);
        Matrix first = scaleColumns(gv, outerPower).times(v.transpose());
        // j = N: U diag(s^outer) U^T G
        Matrix utg = u.transpose().times(g);
        Matrix last = u.times(scaleRows(utg, outerPower));
        Matrix out = first.plus(last);

        if (depth > 2) {
            Matrix core = u.transpose().times(gv);
            for (int a = 0; a < r; a++) {
                for (int b = 0; b < r; b++) {
                    double weight = 0;
                    for (int j = 2; j <= depth - 1; j++) {
                        weight += Math.pow(s[a], 2.0 * (j - 1) / depth) * Math.pow(s[b], 2.0 * (depth - j) / depth);
                    }
                    core.data[a * r + b] *= weight;
                }
            }
            out = out.plus(u.times(core).times(v.transpose()));
        }
        return out;
    }

    private static Matrix scaleColumns(Matrix m, double[] factors) {
        Matrix out = m.copy();
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                out.data[i * m.cols + j] *= factors[j];
            }
        }
        return out;
    }

    private static Matrix scaleRows(Matrix m, double[] factors) {
        Matrix out = m.copy();
        for (int i = 0; i < m.rows; i++) {
            for (int j = 0; j < m.cols; j++) {
                out.data[i * m.cols + j] *= factors[i];
            }
        }
        return out;
    }

    private static void requireDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
    }
}
