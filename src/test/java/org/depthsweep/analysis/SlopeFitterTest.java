package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SlopeFitterTest {
    /** Least squares on exact log-log points loses only rounding, far below this. */
    private static final double EXACT_SLOPE = 1e-12;
    /**
     * Stderr of an exact fit. SimpleRegression gets the residual sum of squares as a difference of nearly equal
     * sums, so rounding of order 1e-16 survives as about 1e-9 after the square root.
     */
    private static final double EXACT_FIT_STDERR = 1e-8;
    private static final int POINTS_PER_DECADE = 50;
    private static final long LAST_STEP = 1_000_000L;

    @Test
    void fitRecoversPurePowerLaw() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, LAST_STEP);
        double[] values = TestCurves.values(steps, t -> 3.0 * Math.pow(t, -0.5));
        values[0] = 7.0;

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, SlopeFitter.LAST_DECADE, -0.5);

        assertEquals(-0.5, fit.slope(), EXACT_SLOPE);
        assertEquals(Math.log(3.0), fit.intercept(), EXACT_SLOPE);
        assertEquals(0.0, fit.slopeStderr(), EXACT_FIT_STDERR);
        assertEquals(LAST_STEP / 10, fit.fromStep());
        assertEquals(LAST_STEP, fit.toStep());
        assertEquals(TestCurves.countBetween(steps, LAST_STEP / 10, LAST_STEP), fit.points());
        assertEquals(POINTS_PER_DECADE + 1, fit.points());
        assertEquals(0, fit.dropped());
        assertEquals(-0.5, fit.theorySlope());
        assertEquals(SlopeFitter.LAST_DECADE_WINDOW, fit.window());
        assertEquals(SlopeFit.ERROR, fit.metric());
    }

    /** Window edges for last steps that are not powers of ten, where step t_last / 10 is usually not recorded. */
    @Test
    void fitWindowStartsAtTailFraction() {
        long lastStep = 123_457L;
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, lastStep);
        double[] values = TestCurves.values(steps, t -> Math.pow(t + 1, -2.0));

        SlopeFit fit = SlopeFitter.fit(SlopeFit.LOSS, steps, values, SlopeFitter.LAST_DECADE, null);

        long expectedFrom = -1;
        for (long step : steps) {
            if (step >= lastStep * 0.1) {
                expectedFrom = step;
                break;
            }
        }
        assertEquals(expectedFrom, fit.fromStep());
        assertEquals(lastStep, fit.toStep());
        assertEquals(TestCurves.countBetween(steps, expectedFrom, lastStep), fit.points());
        assertNull(fit.theorySlope());
    }

    /** The double 100 * 0.07 is 7.000000000000001, yet step 7 is the window's lower edge. */
    @Test
    void fitWindowIncludesRoundedEdge() {
        long[] steps = {0, 1, 6, 7, 8, 50, 100};
        double[] values = TestCurves.values(steps, t -> Math.pow(t, -1.0));

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, 0.07, null);

        assertEquals(7, fit.fromStep());
        assertEquals(4, fit.points());
    }

    /**
     * The gradient-flow loss |d|^p / p with d = (1 + 0.02 t)^(-1/2) (p = 4, lr = 0.01, d0 = 1) has local log-log
     * slope -2 * 0.02 t / (1 + 0.02 t). A least-squares slope is a weighted mean of slopes between pairs of points,
     * so it lies within 2 / (1 + 0.02 t_min) of the theory slope -2, with t_min the window start.
     */
    @Test
    void fitRecoversSlopeAfterTransient() {
        double p = 4;
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, LAST_STEP);
        double[] loss = TestCurves.values(steps, t -> Math.pow(Theory.continuousResidual(1, p, 0.01, t), p) / p);

        SlopeFit fit = SlopeFitter.fitLastDecade(SlopeFit.LOSS, steps, loss, p);

        double bound = 2 / (1 + 0.02 * fit.fromStep());
        assertEquals(-2.0, fit.theorySlope());
        assertTrue(fit.slope() > -2.0, "slope " + fit.slope() + " must lie above the asymptote");
        assertEquals(-2.0, fit.slope(), bound);
        // a fit over the whole curve includes the transient and misses the asymptote by far, so the window matters
        SlopeFit wholeCurve = SlopeFitter.fit(SlopeFit.LOSS, steps, loss, 1e-6, fit.theorySlope());
        assertTrue(Math.abs(wholeCurve.slope() + 2.0) > 100 * bound, "whole-curve slope " + wholeCurve.slope());
    }

    /**
     * Multiplicative log-normal noise with sigma = 0.05 on 51 points spread over one decade gives a slope standard
     * error of about sigma / (sqrt(51) * ln(10) / sqrt(12)) = 0.0105.
     */
    @Test
    void fitRecoversSlopeUnderNoise() {
        double sigma = 0.05;
        double expectedStderr = sigma / (Math.sqrt(POINTS_PER_DECADE + 1) * Math.log(10) / Math.sqrt(12));
        Random random = new Random(20240611L);
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, LAST_STEP);
        double[] values = TestCurves.values(steps, t -> Math.pow(t, -0.25) * Math.exp(sigma * random.nextGaussian()));

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, SlopeFitter.LAST_DECADE, -0.25);

        assertEquals(-0.25, fit.slope(), 4 * expectedStderr);
        assertEquals(expectedStderr, fit.slopeStderr(), 0.5 * expectedStderr);
    }

    @Test
    void fitDropsUnusableValues() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, LAST_STEP);
        double[] values = TestCurves.values(steps, t -> 2.0 * Math.pow(t, -1.0));
        int last = steps.length - 1;
        values[last - 1] = 0.0;
        values[last - 2] = Double.NaN;
        values[last - 3] = -1e-9;
        values[last - 4] = Double.POSITIVE_INFINITY;
        values[1] = 0.0;

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, SlopeFitter.LAST_DECADE, -1.0);

        assertEquals(4, fit.dropped(), "a zero outside the window is not counted");
        assertEquals(POINTS_PER_DECADE + 1 - 4, fit.points());
        assertEquals(-1.0, fit.slope(), EXACT_SLOPE);
        assertEquals(LAST_STEP, fit.toStep());
    }

    @Test
    void fitDropsUnusableLastStep() {
        long[] steps = {0, 1, 10, 100};
        double[] values = {1, 1, 0.1, 0};

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, 0.01, null);

        assertEquals(10, fit.toStep());
        assertEquals(1, fit.fromStep());
        assertEquals(2, fit.points());
        assertEquals(1, fit.dropped());
        assertEquals(-1.0, fit.slope(), EXACT_SLOPE);
        assertTrue(Double.isNaN(fit.slopeStderr()), "two points leave no residual degree of freedom");
    }

    @Test
    void fitSkipsStepZero() {
        long[] steps = {0, 1, 2, 4};
        double[] values = {5, 1, 0.5, 0.25};

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, 1e-3, null);

        assertEquals(1, fit.fromStep());
        assertEquals(3, fit.points());
        assertEquals(0, fit.dropped(), "step 0 is outside every window, so it is not dropped");
        assertEquals(-1.0, fit.slope(), EXACT_SLOPE);
    }

    @Test
    void fitWithOnePointHasNoSlope() {
        long[] steps = {0, 1, 10, 100};
        double[] values = {1, 1, 0.1, 0.01};

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, 1.0, null);

        assertEquals(1, fit.points());
        assertEquals(100, fit.fromStep());
        assertEquals(100, fit.toStep());
        assertTrue(Double.isNaN(fit.slope()));
        assertTrue(Double.isNaN(fit.slopeStderr()));
        assertTrue(Double.isNaN(fit.intercept()));
        assertEquals("tail_1.0", fit.window());
    }

    @Test
    void fitOfEmptyCurve() {
        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, new long[0], new double[0], SlopeFitter.LAST_DECADE, -1.0);

        assertEquals(0, fit.points());
        assertEquals(0, fit.dropped());
        assertEquals(-1, fit.fromStep());
        assertEquals(-1, fit.toStep());
        assertTrue(Double.isNaN(fit.slope()));
        assertTrue(Double.isNaN(fit.intercept()));
        assertEquals(-1.0, fit.theorySlope());
    }

    @Test
    void fitOfStepZeroOnly() {
        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, new long[] {0}, new double[] {1}, SlopeFitter.LAST_DECADE, null);

        assertEquals(0, fit.points());
        assertEquals(0, fit.dropped());
        assertTrue(Double.isNaN(fit.slope()));
    }

    @Test
    void fitOfAllUnusableValues() {
        long[] steps = {0, 1, 10, 100};
        double[] values = {1, 0, Double.NaN, 0};

        SlopeFit fit = SlopeFitter.fit(SlopeFit.ERROR, steps, values, 0.01, null);

        assertEquals(0, fit.points());
        assertEquals(3, fit.dropped());
        assertEquals(-1, fit.fromStep());
        assertTrue(Double.isNaN(fit.slope()));
    }

    @Test
    void fitRejectsBadInputs() {
        long[] steps = {0, 1, 2};
        double[] values = {1, 1, 1};
        double tail = SlopeFitter.LAST_DECADE;

        assertRejected("lengths", () -> SlopeFitter.fit(SlopeFit.ERROR, steps, new double[2], tail, null));
        assertRejected("step 1", () -> SlopeFitter.fit(SlopeFit.ERROR, new long[] {0, 2, 1}, values, tail, null));
        assertRejected("step 2", () -> SlopeFitter.fit(SlopeFit.ERROR, new long[] {0, 2, 2}, values, tail, null));
        assertRejected("step -1", () -> SlopeFitter.fit(SlopeFit.ERROR, new long[] {-1, 2, 3}, values, tail, null));
        assertRejected("0.0", () -> SlopeFitter.fit(SlopeFit.ERROR, steps, values, 0.0, null));
        assertRejected("1.5", () -> SlopeFitter.fit(SlopeFit.ERROR, steps, values, 1.5, null));
        assertRejected("NaN", () -> SlopeFitter.fit(SlopeFit.ERROR, steps, values, Double.NaN, null));
        assertRejected("'scale'", () -> SlopeFitter.fit("scale", steps, values, tail, null));
        assertRejected("null", () -> SlopeFitter.fit(SlopeFit.ERROR, null, values, tail, null));
    }

    @Test
    void slopeFitSurvivesSerialization() throws Exception {
        SlopeFit fit = new SlopeFit(SlopeFit.LOSS, -2.0, 0.01, 0.5, 10, 100, 51, 2, null, "last_decade");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(fit);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(fit, in.readObject());
        }
    }

    @Test
    void slopeFitTheoryDeviation() {
        SlopeFit fit = new SlopeFit(SlopeFit.ERROR, -0.48, 0.01, 0.5, 10, 100, 51, 0, -0.5, "last_decade");
        SlopeFit noTheory = new SlopeFit(SlopeFit.ERROR, -0.48, 0.01, 0.5, 10, 100, 51, 0, null, "last_decade");
        SlopeFit noSlope = new SlopeFit(SlopeFit.ERROR, Double.NaN, Double.NaN, Double.NaN, 10, 10, 1, 0, -0.5, "x");

        assertEquals(0.02, fit.theoryDeviation(), 1e-15);
        assertNull(noTheory.theoryDeviation());
        assertNull(noSlope.theoryDeviation());
    }

    private static void assertRejected(String expectedInMessage, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expectedInMessage), "message '" + e.getMessage() + "' should name "
                + expectedInMessage);
    }
}
