package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Recovers the exponent and the start of the asymptotic regime of synthetic curves recorded on the runners'
 * schedule (50 points per decade).
 */
class AsymptoticWindowTest {
    private static final int POINTS_PER_DECADE = 50;
    /** Fit error allowed on a noise-free power law: rounding only. */
    private static final double EXACT_SLOPE_TOLERANCE = 1e-9;
    /**
     * Fit error allowed after a plateau: the window opens where the local slope is still up to 2 * tolerance from
     * its final value, and those points pull the fitted slope by about 0.004.
     */
    private static final double PLATEAU_SLOPE_TOLERANCE = 0.006;
    /** Distance in decades allowed between the detected and the predicted start of the asymptotic regime. */
    private static final double START_TOLERANCE_DECADES = 0.1;
    /** Relative standard deviation of the multiplicative noise of the noisy curves. */
    private static final double NOISE = 0.01;
    /** Slope tolerance used on the noisy curves: it must exceed the noise of the local slopes. */
    private static final double NOISY_WINDOW_TOLERANCE = 0.05;
    /** Fit error allowed on a noisy power law: a few standard errors of a fit over several decades. */
    private static final double NOISY_SLOPE_TOLERANCE = 0.005;
    /** Distance in decades allowed between detected and predicted start under noise. */
    private static final double NOISY_START_TOLERANCE_DECADES = 0.15;

    @Test
    void purePowerLawWindowCoversCurve() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, 1_000_000);
        double[] values = TestCurves.values(steps, t -> 3.0 * Math.pow(t, -0.5));

        AsymptoticWindow window = AsymptoticWindow.detect(steps, values, AsymptoticWindow.DEFAULT_TOLERANCE);
        assertNotNull(window);
        // Step 3 is the first step whose quarter-decade window contains 3 usable points (steps 2 to 5).
        assertEquals(3, window.fromStep(), "window start");
        assertEquals(1_000_000, window.toStep(), "window end");
        assertEquals(-0.5, window.minLocalSlope(), EXACT_SLOPE_TOLERANCE);
        assertEquals(-0.5, window.maxLocalSlope(), EXACT_SLOPE_TOLERANCE);

        SlopeFit fit = AsymptoticWindow.fit(SlopeFit.ERROR, steps, values, -0.5);
        assertEquals(-0.5, fit.slope(), EXACT_SLOPE_TOLERANCE);
        assertEquals(Math.log(3.0), fit.intercept(), EXACT_SLOPE_TOLERANCE);
        assertEquals(AsymptoticWindow.AUTO_WINDOW, fit.window());
        assertEquals(TestCurves.countBetween(steps, 3, 1_000_000), fit.points());
    }

    /**
     * {@code v = (1 + t / t0)^(-a)} has local slope {@code -a * t / (t + t0)}, which comes within 2 * tolerance of
     * its final value at {@code t* = t0 * (a / (2 * tolerance + a * t0 / (T + t0)) - 1)} for a curve that ends at T.
     */
    @Test
    void plateauThenPowerLawStartsAtPrediction() {
        double exponent = 0.5;
        double plateauEnd = 1000;
        long lastStep = 10_000_000;
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, lastStep);
        double[] values = TestCurves.values(steps, t -> Math.pow(1 + t / plateauEnd, -exponent));
        double tolerance = AsymptoticWindow.DEFAULT_TOLERANCE;

        AsymptoticWindow window = AsymptoticWindow.detect(steps, values, tolerance);
        assertNotNull(window);
        double predicted = predictedStart(exponent, plateauEnd, lastStep, tolerance);
        assertEquals(Math.log10(predicted), Math.log10(window.fromStep()), START_TOLERANCE_DECADES,
                "window start " + window.fromStep() + " against predicted " + predicted);
        assertEquals(lastStep, window.toStep());
        assertTrue(window.maxLocalSlope() - window.minLocalSlope() <= 2 * tolerance,
                "local slopes span " + window.minLocalSlope() + " to " + window.maxLocalSlope());

        SlopeFit fit = AsymptoticWindow.fit(SlopeFit.LOSS, steps, values, -exponent);
        assertEquals(-exponent, fit.slope(), PLATEAU_SLOPE_TOLERANCE);
        assertEquals(window.fromStep(), fit.fromStep());
    }

    @Test
    void tighterToleranceStartsLater() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, 10_000_000);
        double[] values = TestCurves.values(steps, t -> Math.pow(1 + t / 1000.0, -0.5));

        AsymptoticWindow loose = AsymptoticWindow.detect(steps, values, 0.05);
        AsymptoticWindow tight = AsymptoticWindow.detect(steps, values, 0.005);
        assertTrue(tight.fromStep() > loose.fromStep(), tight + " against " + loose);
        assertEquals(Math.log10(predictedStart(0.5, 1000, 10_000_000, 0.005)), Math.log10(tight.fromStep()),
                START_TOLERANCE_DECADES);
    }

    @Test
    void noisyPowerLawRecoversExponent() {
        double exponent = 1.0 / 3;
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, 1_000_000);
        Random random = new Random(20180710L);
        double[] values = TestCurves.values(steps, t -> Math.pow(t, -exponent) * Math.exp(NOISE
                * random.nextGaussian()));

        SlopeFit fit = AsymptoticWindow.fit(SlopeFit.ERROR, steps, values, -exponent, NOISY_WINDOW_TOLERANCE,
                LocalSlopes.DEFAULT_HALF_WIDTH_DECADES);
        assertEquals(-exponent, fit.slope(), NOISY_SLOPE_TOLERANCE);
        // The whole curve is a power law, so the window should span most of its six decades.
        assertTrue(fit.fromStep() <= 100, "window start " + fit.fromStep());
        assertEquals(1_000_000, fit.toStep());
    }

    @Test
    void noisyPlateauStartsNearPrediction() {
        double exponent = 0.5;
        double plateauEnd = 100;
        long lastStep = 10_000_000;
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, lastStep);
        Random random = new Random(7L);
        double[] values = TestCurves.values(steps, t -> Math.pow(1 + t / plateauEnd, -exponent)
                * Math.exp(NOISE * random.nextGaussian()));

        AsymptoticWindow window = AsymptoticWindow.detect(steps, values, NOISY_WINDOW_TOLERANCE);
        assertNotNull(window);
        double predicted = predictedStart(exponent, plateauEnd, lastStep, NOISY_WINDOW_TOLERANCE);
        assertEquals(Math.log10(predicted), Math.log10(window.fromStep()), NOISY_START_TOLERANCE_DECADES,
                "window start " + window.fromStep() + " against predicted " + predicted);
        SlopeFit fit = AsymptoticWindow.fit(SlopeFit.ERROR, steps, values, -exponent, NOISY_WINDOW_TOLERANCE,
                LocalSlopes.DEFAULT_HALF_WIDTH_DECADES);
        assertEquals(-exponent, fit.slope(), PLATEAU_SLOPE_TOLERANCE);
    }

    @Test
    void divergedTailIsIgnored() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, 100_000);
        double[] values = TestCurves.values(steps, t -> t > 50_000 ? Double.NaN : Math.pow(t, -0.25));

        AsymptoticWindow window = AsymptoticWindow.detect(steps, values, AsymptoticWindow.DEFAULT_TOLERANCE);
        assertNotNull(window);
        assertTrue(window.toStep() <= 50_000, "window end " + window.toStep());
        assertEquals(-0.25, AsymptoticWindow.fit(SlopeFit.ERROR, steps, values, null).slope(),
                EXACT_SLOPE_TOLERANCE);
    }

    @Test
    void zeroValueEndsWindow() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, 100_000);
        double[] values = TestCurves.values(steps, t -> t == 1000 ? 0.0 : Math.pow(t, -0.25));

        AsymptoticWindow window = AsymptoticWindow.detect(steps, values, AsymptoticWindow.DEFAULT_TOLERANCE);
        assertTrue(window.fromStep() > 1000, "window start " + window.fromStep());
    }

    @Test
    void tooFewPointsGiveNoWindow() {
        assertNull(AsymptoticWindow.detect(new long[0], new double[0], 0.02));
        assertNull(AsymptoticWindow.detect(new long[] {0, 1, 2}, new double[] {1, 0.5, 0.25}, 0.02));

        SlopeFit fit = AsymptoticWindow.fit(SlopeFit.ERROR, new long[] {0, 1}, new double[] {1, 1}, -1.0);
        assertEquals(0, fit.points());
        assertEquals(-1, fit.fromStep());
        assertTrue(Double.isNaN(fit.slope()));
        assertEquals(-1.0, fit.theorySlope());
    }

    @Test
    void invalidArgumentsAreRejected() {
        long[] steps = {1, 2, 3};
        double[] values = {1, 0.5, 0.3};
        assertThrows(IllegalArgumentException.class, () -> AsymptoticWindow.detect(steps, values, -0.1));
        assertThrows(IllegalArgumentException.class, () -> AsymptoticWindow.detect(steps, values, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> AsymptoticWindow.detect(steps, values, 0.02, 0));
        assertThrows(IllegalArgumentException.class, () -> AsymptoticWindow.detect(new long[] {2, 1}, values,
                0.02));
    }

    @Test
    void localSlopesOfPowerLawAreExact() {
        long[] steps = TestCurves.logSteps(POINTS_PER_DECADE, 10_000);
        double[] values = TestCurves.values(steps, t -> Math.pow(t, -2.0));
        double[] slopes = LocalSlopes.of(steps, values, LocalSlopes.DEFAULT_HALF_WIDTH_DECADES);

        assertTrue(Double.isNaN(slopes[0]), "step 0 has no logarithm");
        assertTrue(Double.isNaN(slopes[1]), "step 1 has one point in its window");
        for (int i = 3; i < steps.length; i++) {
            assertEquals(-2.0, slopes[i], EXACT_SLOPE_TOLERANCE, "local slope at step " + steps[i]);
        }
    }

    private static double predictedStart(double exponent, double plateauEnd, long lastStep, double tolerance) {
        return plateauEnd * (exponent / (2 * tolerance + exponent * plateauEnd / (lastStep + plateauEnd)) - 1);
    }
}
