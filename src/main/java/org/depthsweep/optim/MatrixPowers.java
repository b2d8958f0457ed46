package org.depthsweep.optim;

/**
 * Real powers {@code S^a} of symmetric positive semidefinite matrices through the eigendecomposition
 * {@code S = V diag(lambda) V^T}: {@code S^a = V diag(lambda^a) V^T}.
 *
 * <p>Eigenvalues with {@code lambda <= n * eps * max|lambda|} (n the order, eps = 2^-52) count as zero. The
 * conventions for them are: {@code S^0 = I} for every S, the zero matrix included; {@code 0^a = 0} for a > 0; and a
 * negative power of a matrix with a zero eigenvalue is rejected.
 */
public final class MatrixPowers {
    private static final double EPS = Math.ulp(1.0);

    private MatrixPowers() {
    }

    /**
     * Returns {@code S^exponent}.
     *
     * @param s        a symmetric positive semidefinite matrix; symmetric to within {@code n * eps * max|s_ij|}
     * @param exponent a finite real power
     * @throws IllegalArgumentException if s is not square, not symmetric, has an eigenvalue below
     *                                  {@code -n * eps * max|lambda|}, or is singular while the exponent is negative
     */
    public static Matrix symmetricPower(Matrix s, double exponent) {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("the exponent of a matrix power must be finite, got " + exponent);
        }
        requireSymmetric(s);
        int n = s.rows;
        if (exponent == 0.0) {
            return Matrix.identity(n, n);
        }
        Decompositions.SymmetricEigen eigen = Decompositions.symmetricEigen(s);
        double[] lambda = eigen.values();
        double largest = 0;
        for (double value : lambda) {
            largest = Math.max(largest, Math.abs(value));
        }
        double tolerance = n * EPS * largest;

        double[] powered = new double[n];
        for (int i = 0; i < n; i++) {
            double value = lambda[i];
            if (value < -tolerance) {
                throw new IllegalArgumentException("symmetricPower needs a positive semidefinite matrix, but the "
                        + Matrix.shape(s) + " matrix has the eigenvalue " + value + " (largest |eigenvalue| "
                        + largest + "); pass a Gram or covariance matrix");
            }
            if (value <= tolerance) {
                if (exponent < 0) {
                    throw new IllegalArgumentException("the " + Matrix.shape(s) + " matrix is singular (eigenvalue "
                            + value + ", largest " + largest + "), so its power " + exponent + " does not exist");
                }
                powered[i] = 0.0;
            } else {
                powered[i] = Math.pow(value, exponent);
            }
        }
        return reassemble(eigen.vectors(), powered);
    }

    /** Returns {@code V diag(d) V^T}. */
    static Matrix reassemble(Matrix v, double[] d) {
        int n = v.rows;
        Matrix scaled = v.copy();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d.length; k++) {
                scaled.data[i * v.cols + k] *= d[k];
            }
        }
        Matrix out = Matrix.zeros(n, n);
        Matrix.multiplyTransposed(scaled, v, out);
        return out;
    }

    private static void requireSymmetric(Matrix s) {
        if (s.rows != s.cols) {
            throw new IllegalArgumentException("a matrix power needs a square matrix, got " + Matrix.shape(s));
        }
        double largest = 0;
        for (double value : s.data) {
            largest = Math.max(largest, Math.abs(value));
        }
        double tolerance = s.rows * EPS * largest;
        for (int i = 0; i < s.rows; i++) {
            for (int j = i + 1; j < s.cols; j++) {
                double gap = Math.abs(s.get(i, j) - s.get(j, i));
                if (!(gap <= tolerance)) {
                    throw new IllegalArgumentException("a matrix power needs a symmetric matrix, but entries (" + i
                            + ", " + j + ") and (" + j + ", " + i + ") differ by " + gap + "; symmetrize it first");
                }
            }
        }
    }
}
