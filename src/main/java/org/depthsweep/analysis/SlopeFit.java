package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.Objects;

/**
 * Least-squares power-law fit {@code log(value) = intercept + slope * log(step)} (natural logs) over the tail window
 * of one curve, as made by {@link SlopeFitter}.
 *
 * @param metric      curve column that was fitted: {@link #ERROR} or {@link #LOSS}
 * @param slope       fitted log-log slope; NaN when fewer than 2 points were usable
 * @param slopeStderr standard error of the slope; NaN when fewer than 3 points were usable
 * @param intercept   fitted intercept; NaN when fewer than 2 points were usable
 * @param fromStep    first step used; -1 when no point was usable
 * @param toStep      last step used; -1 when no point was usable
 * @param points      points used in the fit
 * @param dropped     points inside the window that were left out because the value was zero, negative or not
 *                    finite
 * @param theorySlope slope that theory predicts, or null when it predicts no power law
 * @param window      name of the window rule, such as {@link SlopeFitter#LAST_DECADE_WINDOW}
 */
public record SlopeFit(String metric, double slope, double slopeStderr, double intercept, long fromStep, long toStep,
                       int points, int dropped, Double theorySlope, String window) implements Serializable {
    /** Metric name of the error curve. */
    public static final String ERROR = "error";
    /** Metric name of the loss curve. */
    public static final String LOSS = "loss";

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if metric is neither {@link #ERROR} nor {@link #LOSS}, or if points or
     *                                  dropped is negative
     */
    public SlopeFit {
        requireMetric(metric);
        Objects.requireNonNull(window, "window");
        if (points < 0 || dropped < 0) {
            throw new IllegalArgumentException("points and dropped must be >= 0, got points = " + points
                    + ", dropped = " + dropped);
        }
    }

    /** Returns whether the slope is a number, which needs at least 2 usable points. */
    public boolean hasSlope() {
        return !Double.isNaN(slope);
    }

    /** Returns {@code |slope - theorySlope|}, or null when there is no theory slope or no fitted slope. */
    public Double theoryDeviation() {
        if (theorySlope == null || !hasSlope()) {
            return null;
        }
        return Math.abs(slope - theorySlope);
    }

    static void requireMetric(String metric) {
        if (!ERROR.equals(metric) && !LOSS.equals(metric)) {
            throw new IllegalArgumentException("metric must be '" + ERROR + "' or '" + LOSS + "', got "
                    + (metric == null ? "null" : "'" + metric + "'"));
        }
    }
}
