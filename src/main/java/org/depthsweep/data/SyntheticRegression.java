package org.depthsweep.data;

import java.util.SplittableRandom;

import org.depthsweep.optim.Decompositions;
import org.depthsweep.optim.Matrix;

/**
 * Settings of a synthetic regression problem with a prescribed condition number, and its generator.
 *
 * <p>{@code X = U diag(s) V^T} with U (n x d) and V (d x d) drawn uniformly among matrices with orthonormal columns
 * and singular values falling geometrically from {@code s_1 = sqrt(n)} to {@code s_d = sqrt(n) / condition}, so the
 * feature covariance X^T X / n has eigenvalues from 1 down to 1 / condition^2. Each row of the true weights W* (k x d)
 * is a uniform random unit vector. The targets are {@code Y = X W*^T + noise * E} with E standard Gaussian.
 *
 * <p>Without noise the data is realizable and W* minimizes every l_p loss (at zero). With noise the known optimum is
 * the least-squares solution, computed from the SVD of X to a relative error of about {@code 1e-16 * condition}, and it
 * applies to p = 2 only.
 *
 * @param samples   n >= d
 * @param features  d >= 1
 * @param outputs   k >= 1
 * @param condition s_1 / s_d >= 1
 * @param noise     standard deviation of the target noise, >= 0
 * @param seed      seed of the draws, made in the order U, V, W*, E
 */
public record SyntheticRegression(int samples, int features, int outputs, double condition, double noise,
                                  long seed) {
    /**
     * Checks the settings, written so that NaN fails.
     *
     * @throws InvalidDataException naming the setting, the rule and the value
     */
    public SyntheticRegression {
        if (features < 1 || outputs < 1) {
            throw new InvalidDataException("synthetic data needs at least one feature and one output, got "
                    + features + " features and " + outputs + " outputs");
        }
        if (samples < features) {
            throw new InvalidDataException("synthetic data needs at least as many samples as features for its "
                    + "condition number to be defined, got " + samples + " samples and " + features
                    + " features; raise the sample count or lower the feature count");
        }
        if (!(condition >= 1) || Double.isInfinite(condition)) {
            throw new InvalidDataException("the condition number of synthetic data must be finite and >= 1, got "
                    + condition);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new InvalidDataException("the noise of synthetic data must be finite and >= 0, got " + noise);
        }
    }

    /** Returns the singular values of X: {@code s_i = sqrt(n) * condition^(-i / (d - 1))} for i = 0 .. d-1. */
    public double[] singularValues() {
        double[] s = new double[features];
        double top = Math.sqrt(samples);
        for (int i = 0; i < features; i++) {
            double fraction = features == 1 ? 0.0 : (double) i / (features - 1);
            s[i] = top * Math.pow(condition, -fraction);
        }
        return s;
    }

    /**
     * Generates the data. Equal settings give equal random draws everywhere; the orthonormalization goes through
     * LAPACK, whose rounding may differ between CPUs by about 1e-15 relative.
     */
    public RegressionData generate() {
        SplittableRandom random = new SplittableRandom(seed);
        Matrix u = Decompositions.randomOrthonormal(samples, features, random);
        Matrix v = Decompositions.randomOrthonormal(features, features, random);
        double[] s = singularValues();

        Matrix us = u.copy();
        for (int i = 0; i < samples; i++) {
            for (int j = 0; j < features; j++) {
                us.data[i * features + j] *= s[j];
            }
        }
        Matrix x = Matrix.zeros(samples, features);
        Matrix.multiplyTransposed(us, v, x);

        Matrix truth = Matrix.gaussian(outputs, features, 1.0, random);
        for (int o = 0; o < outputs; o++) {
            double norm = Math.sqrt(Matrix.dot(truth.data, o * features, truth.data, o * features, features));
            for (int j = 0; j < features; j++) {
                truth.data[o * features + j] /= norm;
            }
        }
        Matrix y = Matrix.zeros(samples, outputs);
        Matrix.multiplyTransposed(x, truth, y);
        String description = String.format(java.util.Locale.ROOT,
                "synthetic data (n = %d, d = %d, k = %d, condition %s, noise %s, seed %d)", samples, features,
                outputs, condition, noise, seed);
        if (noise == 0.0) {
            return new RegressionData(x, y, truth, true, description);
        }

        for (int i = 0; i < y.data.length; i++) {
            y.data[i] += noise * random.nextGaussian();
        }
        // Least squares from the known SVD: W* = Y^T U diag(1/s) V^T.
        Matrix yTu = Matrix.zeros(outputs, features);
        Matrix.transposeMultiply(y, u, yTu);
        for (int o = 0; o < outputs; o++) {
            for (int j = 0; j < features; j++) {
                yTu.data[o * features + j] /= s[j];
            }
        }
        Matrix leastSquares = Matrix.zeros(outputs, features);
        Matrix.multiplyTransposed(yTu, v, leastSquares);
        return new RegressionData(x, y, leastSquares, false, description);
    }
}
