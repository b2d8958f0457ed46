package org.depthsweep.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The asymptotic window of a curve: the longest tail over which the local log-log slope stays within a tolerance,
 * found by {@link #detect} and fitted by {@link #fit}.
 *
 * <p>The local slopes come from {@link LocalSlopes}. A tail is admissible when every point in it is usable and
 * has a local slope, and all those slopes lie within {@code ±tolerance} of one value, the midpoint of their range:
 * {@code max - min <= 2 * tolerance}. Adding points to a tail can only widen that range, so the longest admissible
 * tail is found by walking back from the last point with a local slope until the next point would break the rule.
 * For a curve that settles on a power law after a transient, the window starts where the local slope first comes
 * within about {@code 2 * tolerance} of its final value.
 *
 * @param fromStep      first step of the window
 * @param toStep        last step of the window, the last usable step of the curve
 * @param points        recorded points in the window, all usable
 * @param minLocalSlope smallest local slope in the window
 * @param maxLocalSlope largest local slope in the window
 */
public record AsymptoticWindow(long fromStep, long toStep, int points, double minLocalSlope,
                               double maxLocalSlope) {
    /** Window name of fits over the detected window, stored in the {@code window} column of the fits table. */
    public static final String AUTO_WINDOW = "auto";
    /** Tolerance on the local slope used when none is given. */
    public static final double DEFAULT_TOLERANCE = 0.02;

    /**
     * Detects the window with {@link LocalSlopes#DEFAULT_HALF_WIDTH_DECADES}.
     *
     * @see #detect(long[], double[], double, double)
     */
    public static AsymptoticWindow detect(long[] steps, double[] values, double tolerance) {
        return detect(steps, values, tolerance, LocalSlopes.DEFAULT_HALF_WIDTH_DECADES);
    }

    /**
     * Returns the longest admissible tail of the curve, or null when the last usable point has no local slope
     * (fewer than {@link LocalSlopes#MIN_WINDOW_POINTS} usable points near the end, or none at all).
     *
     * <p>Points after the last usable point, such as NaN values of a diverged run, are ignored. An unusable point
     * before it ends the window, because a zero or NaN value in the middle of a curve breaks the power law.
     *
     * @param steps            recorded steps, >= 0 and strictly increasing
     * @param values           the curve's value at each step
     * @param tolerance        half width of the band the local slopes must stay in, finite and >= 0
     * @param halfWidthDecades half width of the local-slope window, see {@link LocalSlopes#of}
     * @throws IllegalArgumentException if the curve is malformed, or tolerance or halfWidthDecades is out of range
     */
    public static AsymptoticWindow detect(long[] steps, double[] values, double tolerance, double halfWidthDecades) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
        }
        double[] slopes = LocalSlopes.of(steps, values, halfWidthDecades);
        int last = steps.length - 1;
        while (last >= 0 && !LocalSlopes.isUsable(steps[last], values[last])) {
            last--;
        }
        if (last < 0 || Double.isNaN(slopes[last])) {
            return null;
        }
        double min = slopes[last];
        double max = slopes[last];
        int first = last;
        while (first > 0) {
            double next = slopes[first - 1];
            if (Double.isNaN(next) || Math.max(max, next) - Math.min(min, next) > 2 * tolerance) {
                break;
            }
            min = Math.min(min, next);
            max = Math.max(max, next);
            first--;
        }
        return new AsymptoticWindow(steps[first], steps[last], last - first + 1, min, max);
    }

    /**
     * Detects the window with {@link #DEFAULT_TOLERANCE} and {@link LocalSlopes#DEFAULT_HALF_WIDTH_DECADES} and fits
     * {@code log(value) = intercept + slope * log(step)} over it by least squares, as {@link SlopeFitter#fit} does
     * over its fixed window. The fit is named {@link #AUTO_WINDOW}.
     *
     * <p>Without a window (see {@link #detect}) the result has 0 points, from and to step -1 and NaN slope,
     * stderr and intercept. Its {@code dropped} count is always 0, because a window contains usable points only.
     *
     * @param metric      {@link SlopeFit#ERROR} or {@link SlopeFit#LOSS}
     * @param theorySlope predicted slope stored in the result, or null
     * @throws IllegalArgumentException if the metric is unknown or the curve is malformed
     */
    public static SlopeFit fit(String metric, long[] steps, double[] values, Double theorySlope) {
        return fit(metric, steps, values, theorySlope, DEFAULT_TOLERANCE, LocalSlopes.DEFAULT_HALF_WIDTH_DECADES);
    }

    /**
     * Detects the window with the given tolerance and half width and fits it; see {@link #fit(String, long[],
     * double[], Double)}.
     */
    public static SlopeFit fit(String metric, long[] steps, double[] values, Double theorySlope, double tolerance,
                               double halfWidthDecades) {
        SlopeFit.requireMetric(metric);
        AsymptoticWindow window = detect(steps, values, tolerance, halfWidthDecades);
        if (window == null) {
            return new SlopeFit(metric, Double.NaN, Double.NaN, Double.NaN, -1, -1, 0, 0, theorySlope, AUTO_WINDOW);
        }
        SimpleRegression regression = new SimpleRegression(true);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= window.fromStep() && steps[i] <= window.toStep()) {
                regression.addData(Math.log(steps[i]), Math.log(values[i]));
            }
        }
        // A window of one point has no slope, and SimpleRegression returns NaN for it.
        return new SlopeFit(metric, regression.getSlope(), regression.getSlopeStdErr(), regression.getIntercept(),
                window.fromStep(), window.toStep(), (int) regression.getN(), 0, theorySlope, AUTO_WINDOW);
    }

    /** Returns the width of the window in decades of step, {@code log10(toStep / fromStep)}. */
    public double decades() {
        return Math.log10((double) toStep / fromStep);
    }
}
