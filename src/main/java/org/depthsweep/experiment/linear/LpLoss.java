package org.depthsweep.experiment.linear;

import java.util.Arrays;

import org.depthsweep.data.RegressionData;
import org.depthsweep.optim.Matrix;

/**
 * The l_p regression loss of an end-to-end matrix W (k x d) on a data set, {@code L(W) = (1/(p n)) * sum_i sum_o
 * |(W x_i - y_i)_o|^p}, a mean over the n samples, and its gradient
 * {@code grad L(W) = (1/n) * sum_i g(r_i) x_i^T} with the residual {@code r_i = W x_i - y_i} and
 * {@code g(r) = |r|^(p-2) r} entrywise.
 *
 * <p>Both products with X are written as sums of scaled rows, which the JIT turns into vector instructions
 * ({@link Matrix#axpy(double, double[], double[])}): the residuals as {@code sum_j W_oj X^T[j, :]} over the rows of
 * a copy of X^T, and the gradient as {@code sum_i (g(r_i) / n) x_i} over the rows of X. Each row is its own array,
 * because the JIT vectorizes the loop only without offsets. Dot products, the other way to write them, add up one
 * lane at a time and took about twice as long on the benchmark shape (see docs/benchmarks.md). Integer p up to 64
 * avoids {@link Math#pow}. An instance keeps workspaces, so it serves one thread.
 */
public final class LpLoss {
    /** Evaluation path of g, chosen once from p. */
    private enum Kind {
        P2, P3, P4, INTEGER, REAL
    }

    private static final int MAX_INTEGER_P = 64;

    private final Matrix x;
    /** Rows of X, n arrays of length d. */
    private final double[][] rows;
    /** Rows of X^T, d arrays of length n. */
    private final double[][] columns;
    private final Matrix y;
    /** Per output, the residuals and then their weights g(r) / n, k arrays of length n. */
    private final double[][] residuals;
    /** Per output, the gradient row, k arrays of length d. */
    private final double[][] gradientRows;
    private final double p;
    private final Kind kind;
    private final int integerPower;

    /**
     * Creates the loss of a data set.
     *
     * @param p the exponent, finite and > 1
     * @throws IllegalArgumentException if p is out of range
     */
    public LpLoss(RegressionData data, double p) {
        if (!(p > 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p must be finite and > 1, got " + p);
        }
        this.x = data.features();
        this.y = data.targets();
        this.rows = x.toArray();
        this.columns = x.transpose().toArray();
        this.residuals = new double[y.cols][x.rows];
        this.gradientRows = new double[y.cols][x.cols];
        this.p = p;
        if (p == 2.0) {
            kind = Kind.P2;
        } else if (p == 3.0) {
            kind = Kind.P3;
        } else if (p == 4.0) {
            kind = Kind.P4;
        } else if (p == Math.rint(p) && p <= MAX_INTEGER_P) {
            kind = Kind.INTEGER;
        } else {
            kind = Kind.REAL;
        }
        integerPower = kind == Kind.INTEGER ? (int) p - 2 : 0;
    }

    public double p() {
        return p;
    }

    /**
     * Returns L(W) and, when grad is not null, overwrites grad with grad L(W).
     *
     * @param w    k x d
     * @param grad k x d, or null for the loss alone
     * @throws IllegalArgumentException if a shape does not fit the data
     */
    public double evaluate(Matrix w, Matrix grad) {
        int n = x.rows;
        int d = x.cols;
        int k = y.cols;
        if (w.rows != k || w.cols != d || grad != null && (grad.rows != k || grad.cols != d)) {
            throw new IllegalArgumentException("W and its gradient must be " + k + " x " + d + ", got " + w.rows
                    + " x " + w.cols);
        }
        double[] ys = y.data;
        double[] ws = w.data;
        double invN = 1.0 / n;
        double sum = 0;
        for (int o = 0; o < k; o++) {
            double[] r = residuals[o];
            for (int i = 0; i < n; i++) {
                r[i] = -ys[i * k + o];
            }
            for (int j = 0; j < d; j++) {
                double weight = ws[o * d + j];
                if (weight != 0.0) {
                    Matrix.axpy(weight, columns[j], r);
                }
            }
            for (int i = 0; i < n; i++) {
                double g = residualWeight(r[i]);
                sum += g * r[i];
                r[i] = g * invN;
            }
        }

        if (grad != null) {
            for (int o = 0; o < k; o++) {
                double[] gradientRow = gradientRows[o];
                double[] weights = residuals[o];
                Arrays.fill(gradientRow, 0.0);
                for (int i = 0; i < n; i++) {
                    if (weights[i] != 0.0) {
                        Matrix.axpy(weights[i], rows[i], gradientRow);
                    }
                }
                System.arraycopy(gradientRow, 0, grad.data, o * d, d);
            }
        }
        return sum / (p * n);
    }

    /** Returns {@code g(r) = |r|^(p-2) r}, which is 0 at r = 0 for every p > 1. */
    private double residualWeight(double r) {
        switch (kind) {
            case P2:
                return r;
            case P3:
                return Math.abs(r) * r;
            case P4:
                return r * r * r;
            case INTEGER:
                double base = Math.abs(r);
                double power = 1.0;
                for (int e = integerPower; e != 0; e >>>= 1) {
                    if ((e & 1) != 0) {
                        power *= base;
                    }
                    base *= base;
                }
                return power * r;
            default:
                return Math.copySign(Math.pow(Math.abs(r), p - 1), r);
        }
    }
}
