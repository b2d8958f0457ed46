package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class SampleStatsTest {
    /** Agreement with commons-math, which sums in floating point. */
    private static final double REFERENCE_TOLERANCE = 1e-12;

    @Test
    void smallSampleMatchesCommonsMath() {
        double[] values = {-0.98, -1.02, -1.01, -0.97, -1.05};
        SampleStats stats = new SampleStats();
        for (double value : values) {
            stats.add(value);
        }
        DescriptiveStatistics reference = new DescriptiveStatistics(values);

        assertEquals(5, stats.count());
        assertEquals(reference.getMean(), stats.mean(), REFERENCE_TOLERANCE);
        assertEquals(reference.getStandardDeviation(), stats.standardDeviation(), REFERENCE_TOLERANCE);
        double t = new TDistribution(4).inverseCumulativeProbability(0.975);
        assertEquals(t * reference.getStandardDeviation() / Math.sqrt(5), stats.tIntervalHalfWidth(0.95),
                REFERENCE_TOLERANCE);
        assertEquals(-1.05, stats.min());
        assertEquals(-0.97, stats.max());
    }

    @Test
    void knownTQuantileGivesKnownInterval() {
        // t(0.975, 3) = 3.182446305 from standard tables; sample 1, 2, 3, 4 has sd sqrt(5/3).
        SampleStats stats = SampleStats.of(1.0, 2.0, 3.0, 4.0);
        assertEquals(2.5, stats.mean());
        assertEquals(3.182446305 * Math.sqrt(5.0 / 3) / 2, stats.tIntervalHalfWidth(0.95), 1e-8);
    }

    @Test
    void mergeOrderDoesNotChangeBits() {
        Random random = new Random(42);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            // magnitudes from 1e-8 to 1e8 and both signs, where floating-point sums depend on the order
            values.add((random.nextBoolean() ? 1 : -1) * Math.pow(10, -8 + 16 * random.nextDouble()));
        }
        SampleStats reference = new SampleStats();
        values.forEach(reference::add);

        for (int trial = 0; trial < 5; trial++) {
            List<Double> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, new Random(trial));
            int parts = 2 + trial * 3;
            List<SampleStats> partials = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                partials.add(new SampleStats());
            }
            for (int i = 0; i < shuffled.size(); i++) {
                partials.get(random.nextInt(parts)).add(shuffled.get(i));
            }
            Collections.shuffle(partials, new Random(trial + 100));
            SampleStats merged = new SampleStats();
            partials.forEach(merged::merge);

            assertEquals(reference.count(), merged.count(), "count, trial " + trial);
            assertEquals(reference.mean(), merged.mean(), "mean, trial " + trial);
            assertEquals(reference.standardDeviation(), merged.standardDeviation(), "sd, trial " + trial);
            assertEquals(reference.tIntervalHalfWidth(0.95), merged.tIntervalHalfWidth(0.95),
                    "interval, trial " + trial);
            assertEquals(reference.min(), merged.min(), "min, trial " + trial);
            assertEquals(reference.max(), merged.max(), "max, trial " + trial);
        }
    }

    @Test
    void emptyAndSingleSamplesGiveNulls() {
        SampleStats empty = new SampleStats();
        assertEquals(0, empty.count());
        assertNull(empty.mean());
        assertNull(empty.standardDeviation());
        assertNull(empty.tIntervalHalfWidth(0.95));
        assertNull(empty.min());
        assertNull(empty.max());

        SampleStats single = SampleStats.of(-0.5);
        assertEquals(-0.5, single.mean());
        assertNull(single.standardDeviation());
        assertNull(single.tIntervalHalfWidth(0.95));
    }

    @Test
    void nonFiniteValuesAreCountedApart() {
        SampleStats stats = SampleStats.of(1.0, Double.NaN, 3.0, Double.POSITIVE_INFINITY, null);
        assertEquals(2, stats.count());
        assertEquals(2, stats.nonFinite());
        assertEquals(2.0, stats.mean());
    }

    @Test
    void equalValuesHaveZeroDeviation() {
        SampleStats stats = SampleStats.of(0.1, 0.1, 0.1);
        assertEquals(0.0, stats.standardDeviation());
        assertEquals(0.0, stats.tIntervalHalfWidth(0.95));
    }

    @Test
    void confidenceOutsideUnitIntervalIsRejected() {
        SampleStats stats = SampleStats.of(1.0, 2.0);
        assertThrows(IllegalArgumentException.class, () -> stats.tIntervalHalfWidth(1.0));
        assertThrows(IllegalArgumentException.class, () -> stats.tIntervalHalfWidth(0.0));
    }
}
