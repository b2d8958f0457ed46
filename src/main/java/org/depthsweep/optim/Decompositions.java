package org.depthsweep.optim;

import java.util.random.RandomGenerator;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrix decompositions in double precision through nd4j's LAPACK bindings (nd4j 1.0.0-M2): the symmetric
 * eigendecomposition (LAPACK dsyev) and the singular value decomposition (LAPACK dgesvd).
 *
 * <p>Empty matrices are handled here without a call into nd4j. Calls are independent, so several threads may use this
 * class at once.
 */
public final class Decompositions {
    private Decompositions() {
    }

    /**
     * Eigendecomposition {@code S = V diag(values) V^T} of a symmetric matrix.
     *
     * @param values  eigenvalues in ascending order
     * @param vectors orthonormal eigenvectors as columns, column i belonging to {@code values[i]}
     */
    public record SymmetricEigen(double[] values, Matrix vectors) {
    }

    /**
     * Thin singular value decomposition {@code A = U diag(s) V^T} of an m x n matrix, with r = min(m, n).
     *
     * @param u m x r, orthonormal columns
     * @param s r singular values in descending order, each >= 0
     * @param v n x r, orthonormal columns
     */
    public record Svd(Matrix u, double[] s, Matrix v) {
    }

    /**
     * Decomposes a symmetric matrix. Only the upper triangle is read, as LAPACK dsyev does.
     *
     * @throws IllegalArgumentException if the matrix is not square or has a non-finite entry
     * @throws ArithmeticException      if LAPACK returns a non-finite eigenvalue
     */
    public static SymmetricEigen symmetricEigen(Matrix s) {
        if (s.rows != s.cols) {
            throw new IllegalArgumentException("a symmetric eigendecomposition needs a square matrix, got "
                    + Matrix.shape(s));
        }
        requireFinite(s, "symmetricEigen");
        int n = s.rows;
        if (n == 0) {
            return new SymmetricEigen(new double[0], Matrix.zeros(0, 0));
        }
        INDArray a = toNd4j(s);
        INDArray eigenvalues = Eigen.symmetricGeneralizedEigenvalues(a, true);
        double[] values = eigenvalues.dup().data().asDouble();
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(values[i])) {
                throw new ArithmeticException("LAPACK dsyev returned the eigenvalue " + values[i] + " for a "
                        + Matrix.shape(s) + " matrix with finite entries");
            }
        }
        return new SymmetricEigen(values, fromNd4j(a));
    }

    /**
     * Computes the thin singular value decomposition.
     *
     * @throws IllegalArgumentException if the matrix has a non-finite entry
     * @throws ArithmeticException      if LAPACK returns a non-finite singular value
     */
    public static Svd svd(Matrix a) {
        requireFinite(a, "svd");
        int m = a.rows;
        int n = a.cols;
        int r = Math.min(m, n);
        if (r == 0) {
            return new Svd(Matrix.zeros(m, 0), new double[0], Matrix.zeros(n, 0));
        }
        INDArray input = toNd4j(a).dup('f');
        INDArray s = Nd4j.create(DataType.DOUBLE, r);
        INDArray u = Nd4j.create(DataType.DOUBLE, new long[] {m, m}, 'f');
        INDArray vt = Nd4j.create(DataType.DOUBLE, new long[] {n, n}, 'f');
        Nd4j.getBlasWrapper().lapack().gesvd(input, s, u, vt);

        double[] singular = s.dup().data().asDouble();
        double[] fullU = rowMajor(u);
        double[] fullVt = rowMajor(vt);
        Matrix thinU = Matrix.zeros(m, r);
        Matrix thinV = Matrix.zeros(n, r);
        for (int k = 0; k < r; k++) {
            if (!Double.isFinite(singular[k])) {
                throw new ArithmeticException("LAPACK dgesvd returned the singular value " + singular[k] + " for a "
                        + Matrix.shape(a) + " matrix with finite entries");
            }
            for (int i = 0; i < m; i++) {
                thinU.data[i * r + k] = fullU[i * m + k];
            }
            for (int j = 0; j < n; j++) {
                thinV.data[j * r + k] = fullVt[k * n + j];
            }
        }
        return new Svd(thinU, singular, thinV);
    }

    /**
     * Returns the orthogonal polar factor Q of a full-rank matrix G: {@code Q = G (G^T G)^(-1/2)} when G is tall
     * or square (orthonormal columns), and {@code (G G^T)^(-1/2) G} when it is wide (orthonormal rows). Q is the
     * orthonormal matrix nearest to G in the Frobenius norm.
     *
     * <p>The factor is computed from the eigendecomposition of the small Gram matrix, whose condition number is that
     * of G squared, and then once more from the result, whose Gram matrix is within rounding of the identity. Two
     * passes give orthonormality to about 1e-15 unless cond(G) exceeds about 1e7.
     *
     * @throws IllegalArgumentException if G is rank deficient: its Gram matrix has an eigenvalue that
     *                                  {@link MatrixPowers} counts as zero
     */
    public static Matrix polarFactor(Matrix g) {
        if (g.rows < g.cols) {
            return polarFactor(g.transpose()).transpose();
        }
        Matrix q = polarPass(g);
        return polarPass(q);
    }

    /**
     * Draws a rows x cols matrix with orthonormal columns (rows when it is wide), uniformly distributed over all
     * such matrices: the polar factor of a matrix with independent standard Gaussian entries, whose distribution is
     * invariant under orthogonal transformations.
     */
    public static Matrix randomOrthonormal(int rows, int cols, RandomGenerator random) {
        if (rows == 0 || cols == 0) {
            return Matrix.zeros(rows, cols);
        }
        return polarFactor(Matrix.gaussian(rows, cols, 1.0, random));
    }

    private static Matrix polarPass(Matrix g) {
        Matrix gram = Matrix.zeros(g.cols, g.cols);
        Matrix.transposeMultiply(g, g, gram);
        Matrix inverseRoot = MatrixPowers.symmetricPower(gram, -0.5);
        return g.times(inverseRoot);
    }

    static INDArray toNd4j(Matrix m) {
        return Nd4j.create(m.data.clone(), new long[] {m.rows, m.cols}, DataType.DOUBLE);
    }

    static Matrix fromNd4j(INDArray array) {
        return new Matrix(array.rows(), array.columns(), rowMajor(array));
    }

    /** Copies the entries of a 2-d array in row-major order, whatever its own order. */
    private static double[] rowMajor(INDArray array) {
        return array.dup('c').data().asDouble();
    }

    private static void requireFinite(Matrix m, String operation) {
        if (!m.isFinite()) {
            throw new IllegalArgumentException(operation + " needs finite entries, but the " + Matrix.shape(m)
                    + " matrix has a NaN or infinite entry");
        }
    }
}
