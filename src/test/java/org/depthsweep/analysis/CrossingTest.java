package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossingTest {
    /** Relative tolerance of log-log interpolation on exact power-law data, which loses only rounding. */
    private static final double EXACT_RELATIVE = 1e-12;
    private static final double EXACT = 1e-15;

    /** On a power law, log(step) is exactly linear in log(value), so interpolation recovers (10 / eps)^2. */
    @Test
    void crossingExactOnPowerLaw() {
        long[] steps = TestCurves.logSteps(20, 1_000_000L);
        double[] values = TestCurves.values(steps, t -> t == 0 ? 100.0 : 10.0 * Math.pow(t, -0.5));

        for (double expected : new double[] {1.7, 12.345, 999.9, 123_456.7, 999_999.0}) {
            double eps = 10.0 / Math.sqrt(expected);
            Double step = Crossing.firstStepAtOrBelow(steps, values, eps);
            assertEquals(expected, step, expected * EXACT_RELATIVE, "eps = " + eps);
        }
    }

    @Test
    void crossingAtRecordedPointReturnsItsStep() {
        long[] steps = {0, 1, 10, 100};
        double[] values = {4, 2, 1, 0.5};

        assertEquals(10.0, Crossing.firstStepAtOrBelow(steps, values, 1.0), 10 * EXACT_RELATIVE);
    }

    /**
     * Between step 0 and step 4 the step axis is linear and the value axis logarithmic:
     * t = 4 * ln(1 / 0.7) / ln(1 / 0.5).
     */
    @Test
    void crossingAfterStepZeroIsLinearInStep() {
        long[] steps = {0, 4, 8};
        double[] values = {1.0, 0.5, 0.25};

        Double step = Crossing.firstStepAtOrBelow(steps, values, 0.7);

        double expected = 4 * Math.log(1 / 0.7) / Math.log(1 / 0.5);
        assertEquals(expected, step, expected * EXACT_RELATIVE);
    }

    @Test
    void crossingAtStepZero() {
        long[] steps = {0, 1, 10};
        double[] values = {0.05, 0.01, 0.001};

        assertEquals(0.0, Crossing.firstStepAtOrBelow(steps, values, 0.1));
        assertEquals(0.0, Crossing.firstStepAtOrBelow(steps, values, 0.05), "value equal to eps counts");
    }

    @Test
    void crossingAtFirstPointAfterStepZero() {
        long[] steps = {5, 10};
        double[] values = {0.1, 0.01};

        assertEquals(5.0, Crossing.firstStepAtOrBelow(steps, values, 0.5));
    }

    @Test
    void crossingNeverReached() {
        long[] steps = {0, 1, 10, 100};
        double[] values = {1, 0.5, 0.2, 0.1000001};

        assertNull(Crossing.firstStepAtOrBelow(steps, values, 0.1));
        assertNull(Crossing.firstStepAtOrBelow(new long[0], new double[0], 0.1));
    }

    @Test
    void crossingIgnoresNaN() {
        long[] steps = {0, 1, 10};
        double[] values = {1, Double.NaN, Double.NaN};

        assertNull(Crossing.firstStepAtOrBelow(steps, values, 0.1));
    }

    @Test
    void crossingAfterNonFiniteValueReturnsUpperStep() {
        long[] steps = {0, 1, 10, 100};

        assertEquals(10.0, Crossing.firstStepAtOrBelow(steps, new double[] {1, Double.NaN, 0.01, 0.001}, 0.1));
        assertEquals(10.0, Crossing.firstStepAtOrBelow(steps,
                new double[] {1, Double.POSITIVE_INFINITY, 0.01, 0.001}, 0.1));
    }

    /** A zero value has no logarithm, so the value axis turns linear: halfway from 0.2 to 0 is at 10^1.5. */
    @Test
    void crossingToZeroIsLinearInValue() {
        long[] steps = {0, 1, 10, 100};
        double[] values = {1, 0.5, 0.2, 0};

        Double step = Crossing.firstStepAtOrBelow(steps, values, 0.1);

        assertEquals(Math.pow(10, 1.5), step, Math.pow(10, 1.5) * EXACT_RELATIVE);
    }

    @Test
    void crossingRejectsBadInputs() {
        long[] steps = {0, 1, 2};
        double[] values = {1, 0.5, 0.1};

        assertThrows(IllegalArgumentException.class, () -> Crossing.firstStepAtOrBelow(steps, values, 0));
        assertThrows(IllegalArgumentException.class, () -> Crossing.firstStepAtOrBelow(steps, values, -1));
        assertThrows(IllegalArgumentException.class, () -> Crossing.firstStepAtOrBelow(steps, values, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> Crossing.firstStepAtOrBelow(steps, values, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Crossing.firstStepAtOrBelow(steps, new double[2], 0.1));
        assertThrows(IllegalArgumentException.class,
                () -> Crossing.firstStepAtOrBelow(new long[] {0, 2, 1}, values, 0.1));
    }

    @Test
    void secondsScaleWithStepFraction() {
        assertEquals(0.5, Crossing.secondsToStep(250.0, 1000, 2000), EXACT);
        assertEquals(2.0, Crossing.secondsToStep(1000.0, 1000, 2000), EXACT);
        assertEquals(0.0, Crossing.secondsToStep(0.0, 1000, 2000));
        assertNull(Crossing.secondsToStep(null, 1000, 2000));
    }

    /** wall_ms is stored in whole milliseconds, so 0 means only that the run took less than 1 ms. */
    @Test
    void secondsUnknownBelowTimerResolution() {
        assertNull(Crossing.secondsToStep(250.0, 1000, 0));
        assertNull(Crossing.secondsToStep(1000.0, 1000, 0));
        assertNull(Crossing.secondsToStep(0.0, 1000, 0));
        assertNull(Crossing.secondsToStep(0.0, 0, 0));
    }

    @Test
    void secondsRejectBadInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Crossing.secondsToStep(5.0, 0, 100));
        assertTrue(e.getMessage().contains("stepsRun"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Crossing.secondsToStep(-1.0, 10, 100));
        assertThrows(IllegalArgumentException.class, () -> Crossing.secondsToStep(Double.NaN, 10, 100));
        assertThrows(IllegalArgumentException.class, () -> Crossing.secondsToStep(1.0, -10, 100));
        assertThrows(IllegalArgumentException.class, () -> Crossing.secondsToStep(1.0, 10, -100));
    }
}
