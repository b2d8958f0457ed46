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
 * <p>One pass over the samples computes both: per sample a dot product for each output, then one scaled row added to
 * each output's gradient row, so a row of X is read from memory once per evaluation. Integer p up to 64 avoids
 * {@link Math#pow}.
 */
final class LpLoss {
    /** Evaluation path of g, chosen once from p. */
    private enum Kind {
        P2, P3, P4, INTEGER, REAL
    }

    private static final int MAX_INTEGER_P = 64;

    private final Matrix x;
    private final Matrix y;
    private final double p;
    private final Kind kind;
    private final int integerPower;

    LpLoss(RegressionData data, double p) {
        if (!(p > 1) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("p must be finite and > 1, got " + p);
        }
        this.x = data.features();
        this.y = data.targets();
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

    double p() {
        return p;
    }

    /**
     * Returns L(W) and, when grad is not null, overwrites grad with grad L(W).
     *
     * @param w    k x d
     * @param grad k x d, or null for the loss alone
     */
    double evaluate(Matrix w, Matrix grad) {
        int n = x.rows;
        int d = x.cols;
        int k = y.cols;
        if (w.rows != k || w.cols != d || grad != null && (grad.rows != k || grad.cols != d)) {
            throw new IllegalArgumentException("W and its gradient must be " + k + " x " + d + ", got " + w.rows
                    + " x " + w.cols);
        }
        if (grad != null) {
            Arrays.fill(grad.data, 0.0);
        }
        double[] xs = x.data;
        double[] ys = y.data;
        double[] ws = w.data;
        double invN = 1.0 / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int o = 0; o < k; o++) {
                double r = Matrix.dot(ws, o * d, xs, row, d) - ys[i * k + o];
                double g = residualWeight(r);
                sum += g * r;
                if (grad != null && g != 0.0) {
                    Matrix.axpy(g * invN, xs, row, grad.data, o * d, d);
                }
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
