package org.depthsweep.analysis;

/** Input checks shared by the curve analyses. */
final class Curves {
    private Curves() {
    }

    /**
     * Checks that steps and values are non-null and of equal length, and that the steps are >= 0 and strictly
     * increasing.
     *
     * @throws IllegalArgumentException naming the first offending length, index or step
     */
    static void requireCurve(long[] steps, double[] values) {
        if (steps == null || values == null) {
            throw new IllegalArgumentException("steps and values must not be null");
        }
        if (steps.length != values.length) {
            throw new IllegalArgumentException("steps and values must have equal lengths, got " + steps.length
                    + " steps and " + values.length + " values");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0) {
                throw new IllegalArgumentException("steps must be >= 0, got step " + steps[i] + " at index " + i);
            }
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps must increase strictly, got step " + steps[i]
                        + " at index " + i + " after step " + steps[i - 1]);
            }
        }
    }
}
