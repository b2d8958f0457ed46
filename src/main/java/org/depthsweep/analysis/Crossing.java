package org.depthsweep.analysis;

/**
 * Finds where a recorded curve first reaches a threshold, and converts that step into wall-clock time.
 */
public final class Crossing {
    private Crossing() {
    }

    /**
     * Returns the step at which the curve first reaches a value at or below eps, interpolated between recorded
     * points, or null when no recorded value is at or below eps.
     *
     * <p>Let point i be the first recorded point with {@code values[i] <= eps}. When i is the first point the
     * result is its step, which is 0.0 for curves recorded from step 0. Otherwise the result interpolates between
     * point i-1 and point i, choosing each axis separately:
     * <ul>
     *   <li>the step axis is logarithmic, except when point i-1 is at step 0 (log 0 is undefined), where it is
     *       linear;</li>
     *   <li>the value axis is logarithmic, except when {@code values[i] <= 0}, where it is linear.</li>
     * </ul>
     * With both axes logarithmic, log(step) is linear in log(value), so the result is exact for a power law. When
     * {@code values[i-1]} is NaN or infinite there is nothing to interpolate from, and the result is
     * {@code steps[i]}, an upper bound. NaN values never count as reaching eps. Empty input returns null.
     *
     * @param steps  recorded steps, >= 0 and strictly increasing
     * @param values the curve's value at each step
     * @param eps    threshold; finite and greater than 0
     * @throws IllegalArgumentException if the lengths differ, the steps are negative or do not increase strictly,
     *                                  or eps is not a finite positive number
     */
    public static Double firstStepAtOrBelow(long[] steps, double[] values, double eps) {
        Curves.requireCurve(steps, values);
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        int i = 0;
        while (i < values.length && !(values[i] <= eps)) {
            i++;
        }
        if (i == values.length) {
            return null;
        }
        if (i == 0) {
            return (double) steps[0];
        }

        long lowerStep = steps[i - 1];
        long upperStep = steps[i];
        double aboveValue = values[i - 1];
        double belowValue = values[i];
        if (!Double.isFinite(aboveValue)) {
            return (double) upperStep;
        }

        // fraction of the way from point i-1 to point i on the value axis; in [0, 1] because
        // belowValue <= eps < aboveValue
        double fraction = belowValue > 0
                ? Math.log(aboveValue / eps) / Math.log(aboveValue / belowValue)
                : (aboveValue - eps) / (aboveValue - belowValue);
        if (lowerStep == 0) {
            return fraction * upperStep;
        }
        double logStep = Math.log(lowerStep) + fraction * Math.log((double) upperStep / lowerStep);
        return Math.min(Math.max(Math.exp(logStep), lowerStep), upperStep);
    }

    /**
     * Estimates the wall-clock seconds a cell took to reach a step: {@code wallMs / 1000 * step / stepsRun}.
     *
     * <p>The estimate assumes that every step costs the same time, so it is skewed by start-up cost in wallMs and
     * by steps of uneven cost. A null step (eps never reached) returns null. A wallMs of 0 also returns null,
     * because the runs table stores whole milliseconds, so 0 means the run took less than the timer's resolution
     * and its time is unknown. Otherwise step 0 returns 0.0, even when no step was run.
     *
     * @param step     the step, for example from {@link #firstStepAtOrBelow}; null or >= 0
     * @param stepsRun steps the cell ran; >= 0, and > 0 unless step is 0
     * @param wallMs   wall-clock milliseconds of the whole run; >= 0
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static Double secondsToStep(Double step, long stepsRun, long wallMs) {
        if (stepsRun < 0 || wallMs < 0) {
            throw new IllegalArgumentException("stepsRun and wallMs must be >= 0, got stepsRun = " + stepsRun
                    + ", wallMs = " + wallMs);
        }
        if (step == null) {
            return null;
        }
        if (!(step >= 0) || step.isInfinite()) {
            throw new IllegalArgumentException("step must be finite and >= 0, got " + step);
        }
        if (wallMs == 0) {
            return null;
        }
        if (step == 0) {
            return 0.0;
        }
        if (stepsRun == 0) {
            throw new IllegalArgumentException("stepsRun must be > 0 for step " + step + ", got 0");
        }
        return wallMs / 1000.0 * step / stepsRun;
    }
}
