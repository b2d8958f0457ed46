package org.depthsweep.analysis;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation, t-interval, minimum and maximum of a sample, as a mergeable accumulator.
 *
 * <p>The sum and the sum of squares are kept as exact {@link BigDecimal} values: every double and every square of a
 * double is exactly representable there, and exact addition is associative and commutative. So the result is
 * bit-for-bit the same whatever order values are added in and however partial accumulators are merged, which
 * floating-point sums do not guarantee. NaN and infinite values are not part of the sample. They are counted in
 * {@link #nonFinite()} so a caller can report them.
 */
public final class SampleStats implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Precision of the divisions that turn the exact sums into doubles: 34 digits, far beyond a double's 17. */
    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private long count;
    private long nonFinite;
    private BigDecimal sum = BigDecimal.ZERO;
    private BigDecimal sumOfSquares = BigDecimal.ZERO;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Returns an accumulator of the non-null values given; a null value is skipped and not counted anywhere. */
    public static SampleStats of(Double... values) {
        SampleStats stats = new SampleStats();
        for (Double value : values) {
            if (value != null) {
                stats.add(value);
            }
        }
        return stats;
    }

    /** Adds one value: to the sample when finite, to {@link #nonFinite()} otherwise. Returns this accumulator. */
    public SampleStats add(double value) {
        if (!Double.isFinite(value)) {
            nonFinite++;
            return this;
        }
        BigDecimal exact = new BigDecimal(value);
        count++;
        sum = sum.add(exact);
        sumOfSquares = sumOfSquares.add(exact.multiply(exact));
        min = Math.min(min, value);
        max = Math.max(max, value);
        return this;
    }

    /** Adds every value of another accumulator to this one and returns this one; other is not changed. */
    public SampleStats merge(SampleStats other) {
        count += other.count;
        nonFinite += other.nonFinite;
        sum = sum.add(other.sum);
        sumOfSquares = sumOfSquares.add(other.sumOfSquares);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        return this;
    }

    /** Returns the number of finite values in the sample. */
    public long count() {
        return count;
    }

    /** Returns the number of NaN and infinite values that were added and left out of the sample. */
    public long nonFinite() {
        return nonFinite;
    }

    /** Returns the sample mean, or null for an empty sample. */
    public Double mean() {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), DIVISION).doubleValue();
    }

    /**
     * Returns the sample standard deviation {@code sqrt((n * S2 - S1^2) / (n * (n - 1)))} with S1 the sum and S2 the
     * sum of squares, or null for fewer than 2 values. The numerator is exact, so it is never negative.
     */
    public Double standardDeviation() {
        if (count < 2) {
            return null;
        }
        BigDecimal n = BigDecimal.valueOf(count);
        BigDecimal numerator = n.multiply(sumOfSquares).subtract(sum.multiply(sum));
        BigDecimal variance = numerator.divide(n.multiply(BigDecimal.valueOf(count - 1)), DIVISION);
        return Math.sqrt(variance.doubleValue());
    }

    /**
     * Returns the half width of the two-sided Student-t confidence interval of the mean,
     * {@code t(1 - (1 - confidence) / 2, n - 1) * sd / sqrt(n)}, or null for fewer than 2 values.
     *
     * @param confidence coverage of the interval, in (0, 1), such as 0.95
     * @throws IllegalArgumentException if confidence is outside (0, 1)
     */
    public Double tIntervalHalfWidth(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        Double sd = standardDeviation();
        if (sd == null) {
            return null;
        }
        // A null random generator keeps the distribution from seeding one: only its quantile function is used.
        double quantile = new TDistribution(null, count - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return quantile * sd / Math.sqrt(count);
    }

    /** Returns the smallest finite value, or null for an empty sample. */
    public Double min() {
        return count == 0 ? null : min;
    }

    /** Returns the largest finite value, or null for an empty sample. */
    public Double max() {
        return count == 0 ? null : max;
    }
}
