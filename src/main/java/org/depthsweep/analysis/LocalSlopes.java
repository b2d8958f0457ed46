package org.depthsweep.analysis;

import java.util.Arrays;

/**
 * Local log-log slopes {@code d log(value) / d log(step)} of a recorded curve, estimated by least squares over a
 * sliding window that is a fixed width in log10(step).
 *
 * <p>A point is usable when its step is >= 1 and its value is finite and > 0, because only those have logarithms.
 * The slope at usable point i is the least-squares slope of ln(value) on ln(step) over the usable points j with
 * {@code |log10(step_j) - log10(step_i)| <= halfWidthDecades}. Near either end of the curve that window is cut off on
 * one side, so the estimate there uses fewer points and is noisier, but it is still exact for a power law.
 */
public final class LocalSlopes {
    /** Half width of the sliding window used when none is given: a quarter decade on each side of the point. */
    public static final double DEFAULT_HALF_WIDTH_DECADES = 0.25;
    /** Minimum number of usable points in a window, because with 2 points the noise of each sets the slope. */
    public static final int MIN_WINDOW_POINTS = 3;

    private LocalSlopes() {
    }

    /**
     * Returns the local slope at every recorded point, NaN where the point is not usable or its window has fewer
     * than {@link #MIN_WINDOW_POINTS} usable points. Empty input returns an empty array.
     *
     * @param steps            recorded steps, >= 0 and strictly increasing
     * @param values           the curve's value at each step
     * @param halfWidthDecades half width of the window in decades of step, finite and > 0
     * @throws IllegalArgumentException if the curve is malformed (see {@link Curves#requireCurve}) or the half width
     *                                  is out of range
     */
    public static double[] of(long[] steps, double[] values, double halfWidthDecades) {
        Curves.requireCurve(steps, values);
        if (!(halfWidthDecades > 0) || Double.isInfinite(halfWidthDecades)) {
            throw new IllegalArgumentException("halfWidthDecades must be finite and > 0, got " + halfWidthDecades);
        }
        double[] slopes = new double[steps.length];
        Arrays.fill(slopes, Double.NaN);

        int[] usable = usableIndices(steps, values);
        int n = usable.length;
        double[] log10Steps = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            log10Steps[k] = Math.log10(steps[usable[k]]);
            x[k] = Math.log(steps[usable[k]]);
            y[k] = Math.log(values[usable[k]]);
        }

        int lo = 0;
        int hi = 0;
        for (int k = 0; k < n; k++) {
            while (log10Steps[lo] < log10Steps[k] - halfWidthDecades) {
                lo++;
            }
            while (hi + 1 < n && log10Steps[hi + 1] <= log10Steps[k] + halfWidthDecades) {
                hi++;
            }
            if (hi - lo + 1 >= MIN_WINDOW_POINTS) {
                slopes[usable[k]] = leastSquaresSlope(x, y, lo, hi);
            }
        }
        return slopes;
    }

    /** Returns the indices of the points with step >= 1 and a finite value > 0, in order. */
    static int[] usableIndices(long[] steps, double[] values) {
        return java.util.stream.IntStream.range(0, steps.length)
                .filter(i -> isUsable(steps[i], values[i]))
                .toArray();
    }

    static boolean isUsable(long step, double value) {
        return step >= 1 && value > 0 && !Double.isInfinite(value);
    }

    /** Returns the least-squares slope of y on x over indices lo..hi, centred first so rounding stays small. */
    static double leastSquaresSlope(double[] x, double[] y, int lo, int hi) {
        int count = hi - lo + 1;
        double meanX = 0;
        double meanY = 0;
        for (int j = lo; j <= hi; j++) {
            meanX += x[j];
            meanY += y[j];
        }
        meanX /= count;
        meanY /= count;
        double sxy = 0;
        double sxx = 0;
        for (int j = lo; j <= hi; j++) {
            double dx = x[j] - meanX;
            sxy += dx * (y[j] - meanY);
            sxx += dx * dx;
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }
}
