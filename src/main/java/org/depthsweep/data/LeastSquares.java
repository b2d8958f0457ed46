package org.depthsweep.data;

import org.depthsweep.optim.Matrix;
import org.depthsweep.optim.MatrixPowers;

/**
 * The least-squares solution {@code W* = argmin_W ||X W^T - Y||_F = Y^T X (X^T X)^(-1)}, the minimizer of the l_2
 * loss, through the symmetric eigendecomposition of the Gram matrix X^T X.
 *
 * <p>The normal equations square the condition number, so the relative error of W* is about
 * {@code 1e-16 * cond(X)^2}: about 1e-8 for cond(X) = 1e4. Solve a badly conditioned problem another way, or whiten it
 * first.
 */
public final class LeastSquares {
    private LeastSquares() {
    }

    /**
     * Returns W* (k x d) for X (n x d) and Y (n x k), or null when X does not have full column rank, because the
     * minimizer is then not unique (see {@link MatrixPowers} for when an eigenvalue counts as zero).
     *
     * @throws IllegalArgumentException if X and Y have different numbers of rows
     */
    public static Matrix solve(Matrix x, Matrix y) {
        if (x.rows != y.rows) {
            throw new IllegalArgumentException("X and Y need equal row counts, got " + x.rows + " and " + y.rows);
        }
        Matrix gram = Matrix.zeros(x.cols, x.cols);
        Matrix.transposeMultiply(x, x, gram);
        Matrix inverse;
        try {
            inverse = MatrixPowers.symmetricPower(gram, -1.0);
        } catch (IllegalArgumentException singular) {
            return null;
        }
        Matrix yTx = Matrix.zeros(y.cols, x.cols);
        Matrix.transposeMultiply(y, x, yTx);
        return yTx.times(inverse);
    }
}
