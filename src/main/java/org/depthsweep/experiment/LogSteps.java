package org.depthsweep.experiment;

/**
 * Log-spaced recording schedule: step 0, the steps {@code round(10^(k / pointsPerDecade))} for k = 0, 1, 2, ...,
 * and the last step. A cell of 10^7 steps at 50 points per decade records 353 rows.
 */
public final class LogSteps {
    private final int pointsPerDecade;

    public LogSteps(int pointsPerDecade) {
        if (pointsPerDecade < 1) {
            throw new IllegalArgumentException("pointsPerDecade must be >= 1, got " + pointsPerDecade);
        }
        this.pointsPerDecade = pointsPerDecade;
    }

    /** Returns the smallest scheduled step greater than {@code step}, ignoring the last step of the cell. */
    public long next(long step) {
        if (step < 1) {
            return step < 0 ? 0 : 1;
        }
        long k = Math.max(0, (long) Math.floor(Math.log10(step) * pointsPerDecade) - 1);
        while (true) {
            long candidate = Math.round(Math.pow(10.0, (double) k / pointsPerDecade));
            if (candidate > step) {
                return candidate;
            }
            k++;
        }
    }
}
