package org.depthsweep.experiment.linear;

import java.util.Locale;
import java.util.random.RandomGenerator;

import org.depthsweep.optim.Decompositions;
import org.depthsweep.optim.Matrix;

/**
 * Initial factors W_1 .. W_N (W_j of shape d_j x d_{j-1}) of a linear network, and the initial end-to-end matrix of
 * the end-to-end rule. The draws come from the given generator in factor order, so equal seeds give equal starts.
 *
 * <ul>
 *   <li>{@code small}: independent N(0, scale^2) entries in every factor.</li>
 *   <li>{@code balanced}: draws A (k x d) with N(0, scale^2) entries, takes its thin SVD A = U diag(s) V^T with
 *       r = min(k, d), draws Q_j (d_j x r, orthonormal columns) for each hidden layer, and sets
 *       {@code W_j = Q_j diag(s^(1/N)) Q_{j-1}^T} with Q_0 = V and Q_N = U. Then
 *       {@code W_{j+1}^T W_{j+1} = W_j W_j^T = Q_j diag(s^(2/N)) Q_j^T}, the balance condition under which Arora, Cohen
 *       and Hazan (ICML 2018) derive the end-to-end rule, and the product is exactly A. Needs every width >= r.</li>
 *   <li>{@code identity}: the rectangular identity, ones at (i, i); the scale is not used.</li>
 *   <li>{@code orthogonal}: scale times a uniformly drawn matrix with orthonormal columns (rows when wide).</li>
 * </ul>
 */
final class Initialization {
    static final String SMALL = "small";
    static final String BALANCED = "balanced";
    static final String IDENTITY = "identity";
    static final String ORTHOGONAL = "orthogonal";

    private Initialization() {
    }

    /**
     * Draws the factors.
     *
     * @param dims  d_0 .. d_N: input dimension, hidden widths, output dimension
     * @param scale the init scale; ignored by identity
     * @throws IllegalArgumentException for an unknown init, or a balanced init with a width below min(k, d)
     */
    static Matrix[] factors(String init, double scale, int[] dims, RandomGenerator random) {
        int depth = dims.length - 1;
        Matrix[] factors = new Matrix[depth];
        switch (init) {
            case SMALL:
                for (int j = 1; j <= depth; j++) {
                    factors[j - 1] = Matrix.gaussian(dims[j], dims[j - 1], scale, random);
                }
                return factors;
            case BALANCED:
                return balanced(dims, scale, random);
            case IDENTITY:
                for (int j = 1; j <= depth; j++) {
                    factors[j - 1] = Matrix.identity(dims[j], dims[j - 1]);
                }
                return factors;
            case ORTHOGONAL:
                for (int j = 1; j <= depth; j++) {
                    factors[j - 1] = Decompositions.randomOrthonormal(dims[j], dims[j - 1], random).scaled(scale);
                }
                return factors;
            default:
                throw new IllegalArgumentException("unknown init '" + init + "': expected small, balanced, identity "
                        + "or orthogonal");
        }
    }

    /**
     * Returns the start of the end-to-end rule: the product of {@link #factors} drawn with the same arguments, so a
     * network and an end-to-end run of equal settings and seed start from the same W. For balanced it is A itself,
     * which is the product for every width.
     */
    static Matrix endToEnd(String init, double scale, int[] dims, RandomGenerator random) {
        if (BALANCED.equals(init)) {
            return Matrix.gaussian(dims[dims.length - 1], dims[0], scale, random);
        }
        Matrix[] factors = factors(init, scale, dims, random);
        Matrix product = factors[0];
        for (int j = 1; j < factors.length; j++) {
            product = factors[j].times(product);
        }
        return product;
    }

    private static Matrix[] balanced(int[] dims, double scale, RandomGenerator random) {
        int depth = dims.length - 1;
        int inputs = dims[0];
        int outputs = dims[depth];
        Matrix target = Matrix.gaussian(outputs, inputs, scale, random);
        Decompositions.Svd svd = Decompositions.svd(target);
        int rank = svd.s().length;

        for (int j = 1; j < depth; j++) {
            if (dims[j] < rank) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "init balanced needs every width >= "
                        + "min(outputs, features) = %d, got width %d; raise the width or use another init", rank,
                        dims[j]));
            }
        }

        double[] root = new double[rank];
        for (int a = 0; a < rank; a++) {
            root[a] = Math.pow(svd.s()[a], 1.0 / depth);
        }
        Matrix[] bases = new Matrix[depth + 1];
        bases[0] = svd.v();
        bases[depth] = svd.u();
        for (int j = 1; j < depth; j++) {
            bases[j] = Decompositions.randomOrthonormal(dims[j], rank, random);
        }

        Matrix[] factors = new Matrix[depth];
        for (int j = 1; j <= depth; j++) {
            Matrix scaled = bases[j].copy();
            for (int i = 0; i < scaled.rows; i++) {
                for (int a = 0; a < rank; a++) {
                    scaled.data[i * rank + a] *= root[a];
                }
            }
            Matrix factor = Matrix.zeros(dims[j], dims[j - 1]);
            Matrix.multiplyTransposed(scaled, bases[j - 1], factor);
            factors[j - 1] = factor;
        }
        return factors;
    }
}
