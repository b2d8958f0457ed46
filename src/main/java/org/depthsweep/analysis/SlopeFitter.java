package org.depthsweep.analysis;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Fits power laws to the tail of a recorded curve by least squares on log(value) against log(step).
 */
public final class SlopeFitter {
    /** Tail fraction of {@link #LAST_DECADE_WINDOW}: the steps from a tenth of the last step on. */
    public static final double LAST_DECADE = 0.1;
    /** Window name of a fit with tail fraction {@link #LAST_DECADE}. */
    public static final String LAST_DECADE_WINDOW = "last_decade";

    /**
     * Relative slack on the window's lower edge, so that rounding cannot push {@code t_last * tailFraction} just
     * above the recorded step it names: in doubles, 100 * 0.07 is 7.000000000000001.
     */
    private static final double WINDOW_EDGE_SLACK = 1e-9;

    private SlopeFitter() {
    }

    /**
     * Fits {@code log(value) = intercept + slope * log(step)} with {@link SimpleRegression} over the tail window.
     *
     * <p>The window contains the recorded steps t with {@code t >= t_last * tailFraction} (up to a relative
     * {@value #WINDOW_EDGE_SLACK}) and t >= 1, because step 0 has no logarithm. The last step is always in the
     * window unless it is 0. Window points whose value is zero, negative, NaN or infinite are left out and counted
     * in {@link SlopeFit#dropped()}. Empty input returns a fit with 0 points and NaN slope, stderr and intercept.
     *
     * @param metric       {@link SlopeFit#ERROR} or {@link SlopeFit#LOSS}
     * @param steps        recorded steps, >= 0 and strictly increasing
     * @param values       the curve's value at each step
     * @param tailFraction lower edge of the window as a fraction of the last step, in (0, 1]
     * @param theorySlope  predicted slope stored in the result, or null
     * @throws IllegalArgumentException if the metric is unknown, the lengths differ, the steps are negative or
     *                                  do not increase strictly, or tailFraction is outside (0, 1]
     */
    public static SlopeFit fit(String metric, long[] steps, double[] values, double tailFraction,
                               Double theorySlope) {
        SlopeFit.requireMetric(metric);
        Curves.requireCurve(steps, values);
        if (!(tailFraction > 0 && tailFraction <= 1)) {
            throw new IllegalArgumentException("tailFraction must be in (0, 1], got " + tailFraction);
        }
        String window = windowName(tailFraction);
        if (steps.length == 0) {
            return new SlopeFit(metric, Double.NaN, Double.NaN, Double.NaN, -1, -1, 0, 0, theorySlope, window);
        }

        double lowerEdge = steps[steps.length - 1] * tailFraction * (1 - WINDOW_EDGE_SLACK);
        SimpleRegression regression = new SimpleRegression(true);
        long fromStep = -1;
        long toStep = -1;
        int dropped = 0;
        for (int i = 0; i < steps.length; i++) {
            long step = steps[i];
            if (step < 1 || step < lowerEdge) {
                continue;
            }
            double value = values[i];
            if (!(value > 0) || Double.isInfinite(value)) {
                dropped++;
                continue;
            }
            regression.addData(Math.log(step), Math.log(value));
            if (fromStep < 0) {
                fromStep = step;
            }
            toStep = step;
        }

        int points = (int) regression.getN();
        if (points < 2) {
            return new SlopeFit(metric, Double.NaN, Double.NaN, Double.NaN, fromStep, toStep, points, dropped,
                    theorySlope, window);
        }
        // SimpleRegression returns NaN for the slope's standard error below 3 points.
        return new SlopeFit(metric, regression.getSlope(), regression.getSlopeStdErr(), regression.getIntercept(),
                fromStep, toStep, points, dropped, theorySlope, window);
    }

    /**
     * Fits the last decade ({@link #LAST_DECADE}) and stores the theory slope of the metric at loss exponent p:
     * {@link Theory#errorSlope} for the error and {@link Theory#lossSlope} for the loss.
     *
     * @throws IllegalArgumentException as {@link #fit} does, or if p is not finite
     */
    public static SlopeFit fitLastDecade(String metric, long[] steps, double[] values, double p) {
        SlopeFit.requireMetric(metric);
        Double theorySlope = SlopeFit.ERROR.equals(metric) ? Theory.errorSlope(p) : Theory.lossSlope(p);
        return fit(metric, steps, values, LAST_DECADE, theorySlope);
    }

    /**
     * Returns the window name of a tail fraction: {@link #LAST_DECADE_WINDOW} for {@link #LAST_DECADE}, otherwise
     * {@code "tail_"} followed by the fraction, such as {@code "tail_0.5"}.
     */
    public static String windowName(double tailFraction) {
        return tailFraction == LAST_DECADE ? LAST_DECADE_WINDOW : "tail_" + tailFraction;
    }
}
