package org.depthsweep.data;

import java.util.Objects;

import org.depthsweep.optim.Matrix;

/**
 * A regression data set: n samples x_i in R^d as the rows of X, their targets y_i in R^k as the rows of Y, and, when
 * it is known, a matrix W* (k x d) that minimizes every l_p loss {@code sum_i ||W x_i - y_i||_p^p} in question.
 *
 * <p>The matrices are shared, not copied: callers must not change them.
 */
public final class RegressionData {
    private final Matrix features;
    private final Matrix targets;
    private final Matrix optimum;
    private final boolean optimumForEveryP;
    private final String description;

    /**
     * Creates a data set and checks it.
     *
     * @param features         X, n x d with n >= 1 and d >= 1
     * @param targets          Y, n x k with k >= 1
     * @param optimum          W*, k x d, or null when unknown
     * @param optimumForEveryP true when W* fits the data exactly (Y = X W*^T), so it minimizes the loss for every p;
     *                         false when it is the least-squares solution, which minimizes the loss for p = 2 only
     * @param description      where the data came from, for messages
     * @throws IllegalArgumentException if a shape does not fit or an entry is not finite
     */
    public RegressionData(Matrix features, Matrix targets, Matrix optimum, boolean optimumForEveryP,
                          String description) {
        this.features = Objects.requireNonNull(features, "features");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.description = Objects.requireNonNull(description, "description");
        if (features.rows < 1 || features.cols < 1 || targets.cols < 1) {
            throw new IllegalArgumentException(description + ": need at least one sample, feature and target, got "
                    + features.rows + " samples, " + features.cols + " features and " + targets.cols + " targets");
        }
        if (targets.rows != features.rows) {
            throw new IllegalArgumentException(description + ": X has " + features.rows + " rows but Y has "
                    + targets.rows);
        }
        if (optimum != null && (optimum.rows != targets.cols || optimum.cols != features.cols)) {
            throw new IllegalArgumentException(description + ": W* must be " + targets.cols + " x " + features.cols
                    + ", got " + optimum.rows + " x " + optimum.cols);
        }
        if (!features.isFinite() || !targets.isFinite() || optimum != null && !optimum.isFinite()) {
            throw new IllegalArgumentException(description + ": X, Y and W* must have finite entries only");
        }
        this.optimum = optimum;
        this.optimumForEveryP = optimum != null && optimumForEveryP;
    }

    /** Returns X, n x d. */
    public Matrix features() {
        return features;
    }

    /** Returns Y, n x k. */
    public Matrix targets() {
        return targets;
    }

    /** Returns the number of samples n. */
    public int samples() {
        return features.rows;
    }

    /** Returns the number of features d. */
    public int inputDim() {
        return features.cols;
    }

    /** Returns the number of outputs k. */
    public int outputDim() {
        return targets.cols;
    }

    /**
     * Returns W* when it minimizes the l_p loss for this p, otherwise null: the exact fit for every p, the
     * least-squares solution for p = 2 only.
     */
    public Matrix optimumFor(double p) {
        if (optimum == null) {
            return null;
        }
        return optimumForEveryP || p == 2.0 ? optimum : null;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description + " (" + samples() + " samples, " + inputDim() + " features, " + outputDim() + " outputs)";
    }
}
