package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aggregates over seeds give the same rows, bit for bit, whatever the partitioning and order of the input. */
class SeedAggregationTest {
    private static final List<String> GROUP_COLUMNS = List.of("p", "depth", "init");
    private static final int SEEDS = 5;
    private static final int[] PARTITION_COUNTS = {1, 3, 7};
    private static final double REFERENCE_TOLERANCE = 1e-12;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("local[2]", "SeedAggregationTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static StructType runsSchema() {
        return DataTypes.createStructType(List.of(
                DataTypes.createStructField("cell_id", DataTypes.StringType, false),
                DataTypes.createStructField("p", DataTypes.DoubleType, true),
                DataTypes.createStructField("depth", DataTypes.LongType, true),
                DataTypes.createStructField("init", DataTypes.StringType, true),
                DataTypes.createStructField("seed", DataTypes.LongType, true)));
    }

    /** Runs rows of 2 p x 2 depth x 2 init x 5 seeds; init is null in one group to test null keys. */
    private static List<Row> runRows() {
        List<Row> rows = new ArrayList<>();
        for (double p : new double[] {3, 6}) {
            for (long depth : new long[] {1, 2}) {
                for (String init : new String[] {"zero", null}) {
                    for (long seed = 1; seed <= SEEDS; seed++) {
                        rows.add(RowFactory.create(cellId(p, depth, init, seed), p, depth, init, seed));
                    }
                }
            }
        }
        return rows;
    }

    private static String cellId(double p, long depth, String init, long seed) {
        return "c-" + p + "-" + depth + "-" + init + "-" + seed;
    }

    /** Fits rows with slopes spread over several magnitudes, one NaN slope and one fit without points. */
    private static List<Row> fitRows() {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (Row run : runRows()) {
            double p = run.getDouble(1);
            for (String window : new String[] {"last_decade", "auto"}) {
                double slope = -1 / (p - 2) + 1e-3 * random.nextGaussian() + 1e-9 * random.nextGaussian();
                long fromStep = 1000 + random.nextInt(9000);
                long points = 40;
                if (run.getString(0).equals(cellId(3, 2, "zero", 3)) && window.equals("auto")) {
                    slope = Double.NaN;
                }
                if (run.getString(0).equals(cellId(6, 1, null, 2)) && window.equals("auto")) {
                    slope = Double.NaN;
                    points = 0;
                }
                rows.add(RowFactory.create(run.getString(0), "error", window, slope, 1e-4, 0.1, fromStep,
                        fromStep * 100, points, 0L, -1 / (p - 2)));
            }
        }
        return rows;
    }

    /** Acceleration rows with factors near 1.5; one cell of each group never reached eps. */
    private static List<Row> accelerationRows() {
        Random random = new Random(12);
        List<Row> rows = new ArrayList<>();
        for (Row run : runRows()) {
            boolean reached = run.getLong(4) != 4;
            Double steps = reached ? 1000.0 * (1 + random.nextDouble()) : null;
            Double factor = reached ? 1.5 + 0.1 * random.nextGaussian() : null;
            Double timeFactor = reached ? 1.2 + 0.1 * random.nextGaussian() : null;
            rows.add(RowFactory.create(run.getString(0), run.getString(0), 0.2, steps, steps, factor, 0.01, 0.01,
                    timeFactor));
        }
        return rows;
    }

    private static Dataset<Row> frame(List<Row> rows, StructType schema, int partitions, long shuffleSeed) {
        List<Row> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        return spark.createDataFrame(shuffled, schema).repartition(partitions);
    }

    @Test
    void fitsSummaryIgnoresPartitioningAndOrder() {
        List<Object[]> reference = SeedAggregation.fitsSummary(
                spark.createDataFrame(fitRows(), Tables.fits().spark()),
                spark.createDataFrame(runRows(), runsSchema()), GROUP_COLUMNS);
        assertEquals(16, reference.size(), "groups: 2 p x 2 depth x 2 init x 2 windows");

        for (int partitions : PARTITION_COUNTS) {
            List<Object[]> rows = SeedAggregation.fitsSummary(
                    frame(fitRows(), Tables.fits().spark(), partitions, partitions),
                    frame(runRows(), runsSchema(), partitions + 1, 100 + partitions), GROUP_COLUMNS);
            assertEquals(reference.size(), rows.size(), "rows with " + partitions + " partitions");
            for (int i = 0; i < rows.size(); i++) {
                assertArrayEquals(reference.get(i), rows.get(i), "row " + i + " with " + partitions + " partitions");
            }
        }
    }

    @Test
    void fitsSummaryMatchesDirectComputation() {
        List<Object[]> rows = SeedAggregation.fitsSummary(spark.createDataFrame(fitRows(), Tables.fits().spark()),
                spark.createDataFrame(runRows(), runsSchema()), GROUP_COLUMNS);
        // rows sort by p, depth, init (null first), metric, window: row 0 is p 3, depth 1, init null, auto
        Object[] first = rows.get(0);
        assertEquals(List.of(3.0, 1L, "error", "auto"), List.of(first[0], first[1], first[3], first[4]));
        assertNull(first[2]);

        List<Double> slopes = new ArrayList<>();
        List<Long> fromSteps = new ArrayList<>();
        for (Row fit : fitRows()) {
            if (fit.getString(0).startsWith("c-3.0-1-null-") && fit.getString(2).equals("auto")) {
                slopes.add(fit.getDouble(3));
                fromSteps.add(fit.getLong(6));
            }
        }
        SampleStats expected = new SampleStats();
        slopes.forEach(expected::add);
        double mean = slopes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals((long) SEEDS, first[5], "cells");
        assertEquals((long) SEEDS, first[6], "slopes");
        assertEquals(mean, (Double) first[7], REFERENCE_TOLERANCE, "slope_mean");
        assertEquals(expected.standardDeviation(), first[8], "slope_std");
        assertEquals(mean - expected.tIntervalHalfWidth(0.95), (Double) first[9], REFERENCE_TOLERANCE);
        assertEquals(mean + expected.tIntervalHalfWidth(0.95), (Double) first[10], REFERENCE_TOLERANCE);
        assertEquals(Collections.min(slopes), first[11], "slope_min");
        assertEquals(Collections.max(slopes), first[12], "slope_max");
        assertEquals(-1.0, first[13], "theory_slope");
        assertEquals(Collections.min(fromSteps), first[14], "from_step_min");
        assertEquals(Collections.max(fromSteps), first[15], "from_step_max");
    }

    @Test
    void nanSlopesAreCountedButNotAveraged() {
        List<Object[]> rows = SeedAggregation.fitsSummary(spark.createDataFrame(fitRows(), Tables.fits().spark()),
                spark.createDataFrame(runRows(), runsSchema()), GROUP_COLUMNS);
        for (Object[] row : rows) {
            boolean nanGroup = row[0].equals(3.0) && row[1].equals(2L) && "zero".equals(row[2])
                    && row[4].equals("auto");
            boolean emptyGroup = row[0].equals(6.0) && row[1].equals(1L) && row[2] == null
                    && row[4].equals("auto");
            assertEquals((long) SEEDS, row[5], "cells of " + Arrays.asList(row));
            assertEquals(nanGroup || emptyGroup ? SEEDS - 1L : SEEDS, row[6], "slopes of " + Arrays.asList(row));
        }
    }

    @Test
    void accelerationSummaryIgnoresPartitioningAndOrder() {
        StructType schema = Tables.acceleration().spark();
        List<Object[]> reference = SeedAggregation.accelerationSummary(
                spark.createDataFrame(accelerationRows(), schema), spark.createDataFrame(runRows(), runsSchema()),
                GROUP_COLUMNS);
        assertEquals(8, reference.size());
        Object[] first = reference.get(0);
        assertEquals(0.2, first[3], "eps");
        assertEquals((long) SEEDS, first[4], "cells");
        assertEquals(SEEDS - 1L, first[5], "reached");
        assertEquals(SEEDS - 1L, first[6], "factors");

        for (int partitions : PARTITION_COUNTS) {
            List<Object[]> rows = SeedAggregation.accelerationSummary(
                    frame(accelerationRows(), schema, partitions, partitions),
                    frame(runRows(), runsSchema(), partitions + 2, 200 + partitions), GROUP_COLUMNS);
            for (int i = 0; i < rows.size(); i++) {
                assertArrayEquals(reference.get(i), rows.get(i), "row " + i + " with " + partitions + " partitions");
            }
        }
    }
}
