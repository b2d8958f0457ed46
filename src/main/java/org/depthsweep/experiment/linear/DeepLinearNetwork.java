package org.depthsweep.experiment.linear;

import org.depthsweep.optim.Matrix;

/**
 * The factors W_1 .. W_N of a depth-N linear network, W_j of shape d_j x d_{j-1} with d_0 the input dimension, d_N
 * the output dimension and every hidden d_j the width, and the products that gradient descent on them needs.
 *
 * <p>Gradients use the end-to-end form, exact for a linear network: with the prefix products
 * {@code A_j = W_N ... W_{j+1}} (A_N = I) and the end-to-end gradient G = grad L(W), the gradient of the factor W_j is
 * {@code A_j^T G (W_{j-1} ... W_1)^T}, built right to left as {@code C_1 = G}, {@code C_{j+1} = C_j W_j^T}. For k
 * outputs this costs {@code 2 k sum_j d_j d_{j-1}} multiply-adds besides the loss, far less than propagating the n
 * samples through every layer ({@code n sum_j d_j d_{j-1}} for the forward pass alone) whenever k is small next to n.
 * Workspaces are allocated once, so a step allocates nothing.
 */
public final class DeepLinearNetwork {
    private final Matrix[] factors;
    /** prefix[j] = A_j = W_N ... W_{j+1}, k x d_j, for j = 0 .. N-1; prefix[0] is the end-to-end matrix. */
    private final Matrix[] prefix;
    /** carry[j - 1] = C_j = G (W_{j-1} ... W_1)^T, k x d_{j-1}, for j = 1 .. N. */
    private final Matrix[] carry;
    private final Matrix[] gradients;
    private final double[][] factorArrays;
    private final double[][] gradientArrays;

    /**
     * Creates a network on the given factors.
     *
     * @param factors W_1 .. W_N, used (not copied) as the network's state
     * @throws IllegalArgumentException if there is no factor or the shapes of neighbouring factors do not fit
     */
    public DeepLinearNetwork(Matrix[] factors) {
        int depth = factors.length;
        if (depth < 1) {
            throw new IllegalArgumentException("a network needs at least one factor");
        }
        for (int j = 1; j < depth; j++) {
            if (factors[j].cols != factors[j - 1].rows) {
                throw new IllegalArgumentException("factor W_" + (j + 1) + " is " + factors[j].rows + " x "
                        + factors[j].cols + " but W_" + j + " has " + factors[j - 1].rows + " rows");
            }
        }
        this.factors = factors.clone();
        int k = factors[depth - 1].rows;
        prefix = new Matrix[depth];
        carry = new Matrix[depth];
        gradients = new Matrix[depth];
        factorArrays = new double[depth][];
        gradientArrays = new double[depth][];
        for (int j = 0; j < depth; j++) {
            prefix[j] = Matrix.zeros(k, factors[j].cols);
            carry[j] = Matrix.zeros(k, factors[j].cols);
            gradients[j] = Matrix.zeros(factors[j].rows, factors[j].cols);
            factorArrays[j] = factors[j].data;
            gradientArrays[j] = gradients[j].data;
        }
    }

    public int depth() {
        return factors.length;
    }

    /** Returns factor W_j for j = 1 .. N; the matrix is the live state. */
    public Matrix factor(int j) {
        return factors[j - 1];
    }

    /** Returns the factor arrays W_1 .. W_N, live, in the order {@link #gradientArrays()} uses. */
    public double[][] factorArrays() {
        return factorArrays;
    }

    /** Returns the arrays of the gradients from the last {@link #backward} call, in factor order. */
    public double[][] gradientArrays() {
        return gradientArrays;
    }

    /**
     * Computes the prefix products and returns the end-to-end matrix {@code W = W_N ... W_1} (k x d). The returned
     * matrix is a workspace, valid until the factors change.
     */
    public Matrix forward() {
        int depth = factors.length;
        int top = depth - 1;
        if (depth == 1) {
            prefix[0].setFrom(factors[0]);
            return prefix[0];
        }
        prefix[top].setFrom(factors[top]);
        for (int j = top; j >= 1; j--) {
            // A_{j-1} = A_j W_j, with factors[j - 1] = W_j
            Matrix.multiply(prefix[j], factors[j - 1], prefix[j - 1]);
        }
        return prefix[0];
    }

    /**
     * Computes every factor's gradient from the end-to-end gradient G, using the prefix products of the last
     * {@link #forward} call, and adds {@code weightDecay * W_j} to each (the gradient of the penalty
     * {@code (weightDecay / 2) sum_j ||W_j||_F^2}).
     */
    public void backward(Matrix endToEndGradient, double weightDecay) {
        int depth = factors.length;
        carry[0].setFrom(endToEndGradient);
        for (int j = 1; j <= depth; j++) {
            Matrix c = carry[j - 1];
            if (j < depth) {
                Matrix.transposeMultiply(prefix[j], c, gradients[j - 1]);
                Matrix.multiplyTransposed(c, factors[j - 1], carry[j]);
            } else {
                gradients[j - 1].setFrom(c);
            }
        }
        if (weightDecay != 0.0) {
            for (int j = 0; j < depth; j++) {
                Matrix.axpy(weightDecay, factorArrays[j], 0, gradientArrays[j], 0, gradientArrays[j].length);
            }
        }
    }

    /**
     * Returns the balancedness deviation {@code max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F} over j = 1 .. N-1, or
     * null at depth 1. It is 0 for a balanced network.
     */
    public Double balancedness() {
        double worst = 0;
        for (int j = 1; j < factors.length; j++) {
            Matrix lower = factors[j - 1];
            Matrix upper = factors[j];
            Matrix upperGram = Matrix.zeros(upper.cols, upper.cols);
            Matrix.transposeMultiply(upper, upper, upperGram);
            Matrix lowerGram = Matrix.zeros(lower.rows, lower.rows);
            Matrix.multiplyTransposed(lower, lower, lowerGram);
            worst = Math.max(worst, upperGram.distanceTo(lowerGram));
        }
        return factors.length == 1 ? null : worst;
    }
}
