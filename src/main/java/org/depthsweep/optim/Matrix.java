package org.depthsweep.optim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A dense real matrix in double precision, stored row-major in a public array so that the update rules and kernels
 * can work on it in place.
 *
 * <p>The products here are plain loops whose inner loop runs along rows of both operands, or is a dot product with
 * four accumulators. The JIT vectorizes a row loop reliably only when neither array is read at an offset
 * ({@link #axpy(double, double[], double[])}), which is why the l_p loss kernel keeps each row of its data in its own
 * array. For the shapes of the linear experiments (a few outputs, widths and features up to a few hundred) these
 * loops beat the same work done as nd4j calls on small arrays. One gradient step of the JMH benchmark in
 * docs/benchmarks.md took more than ten times as long as single-threaded nd4j calls. Decompositions go through nd4j,
 * see {@link Decompositions}.
 */
public final class Matrix {
    /** Number of rows. */
    public final int rows;
    /** Number of columns. */
    public final int cols;
    /** Entries, row-major: entry (i, j) is {@code data[i * cols + j]}. */
    public final double[] data;

    /**
     * Wraps an array without copying it.
     *
     * @param data row-major entries, of length {@code rows * cols}
     * @throws IllegalArgumentException if a dimension is negative or the length does not match
     */
    public Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix dimensions must be >= 0, got " + rows + " x " + cols);
        }
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("a " + rows + " x " + cols + " matrix needs " + (long) rows * cols
                    + " entries, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Creates a matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Creates the rectangular identity: ones at (i, i) for i < min(rows, cols), zeros elsewhere. */
    public static Matrix identity(int rows, int cols) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < Math.min(rows, cols); i++) {
            m.data[i * cols + i] = 1.0;
        }
        return m;
    }

    /** Copies a rectangular array of rows. */
    public static Matrix of(double[][] rowValues) {
        int r = rowValues.length;
        int c = r == 0 ? 0 : rowValues[0].length;
        Matrix m = zeros(r, c);
        for (int i = 0; i < r; i++) {
            if (rowValues[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowValues[i].length + " entries, row 0 has "
                        + c);
            }
            System.arraycopy(rowValues[i], 0, m.data, i * c, c);
        }
        return m;
    }

    /** Creates a 1 x n matrix holding a copy of the vector. */
    public static Matrix row(double... values) {
        return new Matrix(1, values.length, values.clone());
    }

    /** Creates a diagonal matrix of the given size with the values on its diagonal. */
    public static Matrix diagonal(int rows, int cols, double[] values) {
        if (values.length > Math.min(rows, cols)) {
            throw new IllegalArgumentException(values.length + " diagonal values do not fit a " + rows + " x " + cols
                    + " matrix");
        }
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < values.length; i++) {
            m.data[i * cols + i] = values[i];
        }
        return m;
    }

    /** Draws a matrix with independent N(0, std^2) entries, filled row by row. */
    public static Matrix gaussian(int rows, int cols, double std, RandomGenerator random) {
        Matrix m = zeros(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = std * random.nextGaussian();
        }
        return m;
    }

    public double get(int i, int j) {
        return data[i * cols + j];
    }

    public void set(int i, int j, double value) {
        data[i * cols + j] = value;
    }

    /** Returns a copy with its own array. */
    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    /** Copies the entries of another matrix of the same shape into this one. */
    public void setFrom(Matrix other) {
        requireSameShape(other, "setFrom");
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /** Returns the transpose as a new matrix. */
    public Matrix transpose() {
        Matrix t = zeros(cols, rows);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t.data[j * rows + i] = data[i * cols + j];
            }
        }
        return t;
    }

    /** Returns {@code this * other} as a new matrix. */
    public Matrix times(Matrix other) {
        Matrix out = zeros(rows, other.cols);
        multiply(this, other, out);
        return out;
    }

    /** Returns {@code this + other} as a new matrix. */
    public Matrix plus(Matrix other) {
        requireSameShape(other, "plus");
        Matrix out = copy();
        for (int i = 0; i < data.length; i++) {
            out.data[i] += other.data[i];
        }
        return out;
    }

    /** Returns {@code this - other} as a new matrix. */
    public Matrix minus(Matrix other) {
        requireSameShape(other, "minus");
        Matrix out = copy();
        for (int i = 0; i < data.length; i++) {
            out.data[i] -= other.data[i];
        }
        return out;
    }

    /** Returns {@code factor * this} as a new matrix. */
    public Matrix scaled(double factor) {
        Matrix out = copy();
        for (int i = 0; i < data.length; i++) {
            out.data[i] *= factor;
        }
        return out;
    }

    /** Returns the Frobenius norm {@code sqrt(sum_ij a_ij^2)}. */
    public double frobeniusNorm() {
        return Math.sqrt(dot(data, 0, data, 0, data.length));
    }

    /** Returns {@code ||this - other||_F} without forming the difference. */
    public double distanceTo(Matrix other) {
        requireSameShape(other, "distanceTo");
        double sum = 0;
        for (int i = 0; i < data.length; i++) {
            double diff = data[i] - other.data[i];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /** Returns whether every entry is exactly zero. */
    public boolean isZero() {
        for (double v : data) {
            if (v != 0.0) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether every entry is finite. */
    public boolean isFinite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the rows as a new rectangular array. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /**
     * Computes {@code out = a * b}.
     *
     * @param out a {@code a.rows x b.cols} matrix that is neither a nor b; overwritten
     */
    public static void multiply(Matrix a, Matrix b, Matrix out) {
        requireProduct(a.cols == b.rows && out.rows == a.rows && out.cols == b.cols, "a * b", a, b, out);
        requireDistinct(a, b, out);
        Arrays.fill(out.data, 0.0);
        int n = b.cols;
        for (int i = 0; i < a.rows; i++) {
            int outRow = i * n;
            for (int k = 0; k < a.cols; k++) {
                double aik = a.data[i * a.cols + k];
                if (aik != 0.0) {
                    axpy(aik, b.data, k * n, out.data, outRow, n);
                }
            }
        }
    }

    /**
     * Computes {@code out = a * b^T}: each entry is a dot product of a row of a with a row of b.
     *
     * @param out a {@code a.rows x b.rows} matrix that is neither a nor b; overwritten
     */
    public static void multiplyTransposed(Matrix a, Matrix b, Matrix out) {
        requireProduct(a.cols == b.cols && out.rows == a.rows && out.cols == b.rows, "a * b^T", a, b, out);
        requireDistinct(a, b, out);
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < b.rows; j++) {
                out.data[i * out.cols + j] = dot(a.data, i * a.cols, b.data, j * b.cols, a.cols);
            }
        }
    }

    /**
     * Computes {@code out = a^T * b} as a sum of outer products of the rows of a and b.
     *
     * @param out a {@code a.cols x b.cols} matrix that is neither a nor b; overwritten
     */
    public static void transposeMultiply(Matrix a, Matrix b, Matrix out) {
        requireProduct(a.rows == b.rows && out.rows == a.cols && out.cols == b.cols, "a^T * b", a, b, out);
        requireDistinct(a, b, out);
        int n = b.cols;
        if (a.rows == 1) {
            // An outer product: each output row is a scaled copy of b, written without a prior fill.
            for (int i = 0; i < a.cols; i++) {
                double scale = a.data[i];
                int row = i * n;
                for (int j = 0; j < n; j++) {
                    out.data[row + j] = scale * b.data[j];
                }
            }
            return;
        }
        Arrays.fill(out.data, 0.0);
        for (int k = 0; k < a.rows; k++) {
            for (int i = 0; i < a.cols; i++) {
                double aki = a.data[k * a.cols + i];
                if (aki != 0.0) {
                    axpy(aki, b.data, k * n, out.data, i * n, n);
                }
            }
        }
    }

    /**
     * Returns {@code sum_i x[xOff + i] * y[yOff + i]} for i below length, with four partial sums so that the
     * additions do not wait on each other.
     */
    public static double dot(double[] x, int xOff, double[] y, int yOff, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < length; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Computes {@code y[yOff + i] += alpha * x[xOff + i]} for i below length. When x and y are distinct arrays used
     * from index 0, {@link #axpy(double, double[], double[])} is several times faster.
     */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int length) {
        for (int i = 0; i < length; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /**
     * Computes {@code y[i] += alpha * x[i]} for i below {@code y.length}, x at least as long as y. On OpenJDK 17.0.15
     * the JIT compiled this loop to vector instructions. The form with offsets into both arrays mostly stayed scalar
     * and took about four times as long, in an ad hoc timing loop on the 2-core AMD EPYC machine of
     * docs/benchmarks.md.
     */
    public static void axpy(double alpha, double[] x, double[] y) {
        if (x.length < y.length) {
            throw new IllegalArgumentException("axpy needs x at least as long as y, got " + x.length + " and "
                    + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private void requireSameShape(Matrix other, String operation) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(operation + " needs matrices of equal shape, got " + shape(this)
                    + " and " + shape(other));
        }
    }

    private static void requireProduct(boolean shapesFit, String product, Matrix a, Matrix b, Matrix out) {
        if (!shapesFit) {
            throw new IllegalArgumentException("shapes do not fit out = " + product + ": a is " + shape(a) + ", b is "
                    + shape(b) + ", out is " + shape(out));
        }
    }

    private static void requireDistinct(Matrix a, Matrix b, Matrix out) {
        if (out.data == a.data || out.data == b.data) {
            throw new IllegalArgumentException("the output of a product must not share its array with an operand");
        }
    }

    static String shape(Matrix m) {
        return m.rows + " x " + m.cols;
    }

    @Override
    public String toString() {
        return "Matrix " + shape(this) + " " + Arrays.deepToString(toArray());
    }
}
