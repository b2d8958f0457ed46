package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.analysis.BestLearningRate;
import org.depthsweep.analysis.BestLrRow;
import org.depthsweep.analysis.LrCell;
import org.depthsweep.analysis.LrCellReader;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.spark.SweepDriver;
import org.depthsweep.spark.SweepJob;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a small linear sweep on local Spark and reads the best-lr table back from its runs table. */
class LinearSweepSparkTest {
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("local[2]", "LinearSweepSparkTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void sweepWritesTablesAndBestLrRows() throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (long depth = 1; depth <= 2; depth++) {
            for (String optimizer : new String[] {"gd", "e2e"}) {
                for (double lr : new double[] {0.02, 0.05}) {
                    Map<String, Object> values = new HashMap<>(Map.of("data.samples", 40L, "data.features", 5L,
                            "width", 6L, "init_scale", 0.3, "steps", 400L, "p", 2.0, "target_loss", 1e-3,
                            "points_per_decade", 10L));
                    values.put("depth", depth);
                    values.put("optimizer", optimizer);
                    values.put("lr", lr);
                    values.put("data.condition", 3.0);
                    cells.add(LinearCells.cell(values));
                }
            }
        }
        SweepStore store = new SweepStore(tmp.resolve("linear-test").toString(),
                spark.sparkContext().hadoopConfiguration());
        SweepJob job = new SweepJob("linear-test", LinearExperiment.NAME, cells, "name = linear-test\n", "hash", 4,
                1, 0.2);
        try (SweepLock lock = SweepLock.acquire(store)) {
            new SweepDriver(spark).run(job, store, 0);
        }

        TableReader reader = new TableReader(spark, store, Tables.runs(LinearCells.EXPERIMENT));
        List<Row> runs = reader.read(Tables.runs(LinearCells.EXPERIMENT))
                .selectExpr("status", "depth", "width", "momentum_beta", "steps_to_target", "data_samples")
                .collectAsList();
        assertEquals(cells.size(), runs.size());
        for (Row row : runs) {
            assertEquals("ok", row.getString(0), "status");
            assertEquals(40L, row.getLong(5));
            assertTrue(row.isNullAt(3), "momentum.beta is cleared for gd and e2e");
        }

        List<LrCell> records = LrCellReader.fromRuns(reader.read(Tables.runs(LinearCells.EXPERIMENT)),
                LinearCells.EXPERIMENT, LinearExperiment.STEPS_TO_TARGET);
        Set<String> variant = new HashSet<>(Set.of("depth", "width", "optimizer"));
        variant.addAll(LinearExperiment.OPTIMIZER_SETTINGS);
        List<BestLrRow> rows = new BestLearningRate("lr", variant, Map.of("depth", 1L, "optimizer", "gd"))
                .rows(records);
        assertEquals(4, rows.size());
        for (BestLrRow row : rows) {
            assertEquals(2, row.cells());
            assertNotNull(row.steps(), "every configuration reaches target_loss 1e-3: " + row);
            assertNotNull(row.factor());
        }
        String table = BestLearningRate.format(rows, List.of("depth", "optimizer"));
        assertTrue(table.startsWith("depth  optimizer  cells"), table);
        assertNull(rows.get(0).configuration().get("adagrad.eps"));
    }
}
