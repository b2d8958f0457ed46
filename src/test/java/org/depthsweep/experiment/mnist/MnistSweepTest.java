package org.depthsweep.experiment.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.spark.SweepDriver;
import org.depthsweep.spark.SweepJob;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a small mnist sweep, one cell per arch, through the Spark driver and reads its Parquet tables back. */
class MnistSweepTest {
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("local[2]", "MnistSweepTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void curvesTableHasLossTermsPerArch() throws IOException {
        Experiment mnist = ExperimentRegistry.get(MnistExperiment.NAME);
        List<Cell> cells = new ArrayList<>();
        for (String arch : List.of("plain", "overparam")) {
            cells.add(MnistExperimentTest.cell(Map.of("arch", arch, "train_size", 640L, "epochs", 1L,
                    "record_every", 5L, "threads", 1L)));
        }
        SweepJob job = new SweepJob("mnist-test", MnistExperiment.NAME, cells,
                "name = mnist-test\nexperiment = mnist\n", "hash", 1, 1, 5.0);
        SweepStore store = new SweepStore(tmp.resolve("mnist-test").toString(),
                spark.sparkContext().hadoopConfiguration());

        SweepDriver.RunReport report;
        try (SweepLock lock = SweepLock.acquire(store)) {
            report = new SweepDriver(spark).run(job, store, 0);
        }

        assertEquals(2, report.ok());
        TableSchema runsSchema = Tables.runs(mnist);
        List<Row> runs = new TableReader(spark, store, runsSchema).read(runsSchema).collectAsList();
        List<Row> curves = new TableReader(spark, store, runsSchema).read(Tables.curves(mnist)).collectAsList();
        Map<String, String> archOfCell = new HashMap<>();
        for (Row run : runs) {
            archOfCell.put(run.getString(run.fieldIndex("cell_id")), run.getString(run.fieldIndex("arch")));
            double accuracy = run.getDouble(run.fieldIndex("final_test_acc"));
            assertTrue(accuracy > 0.3, "final_test_acc " + accuracy);
            assertTrue(accuracy <= 1.0, "final_test_acc " + accuracy);
        }
        assertEquals(Map.of("plain", 1L, "overparam", 1L), count(archOfCell));
        assertEquals(2 * 2, curves.size(), "rows at steps 5 and 10 of each cell");
        for (Row row : curves) {
            String label = archOfCell.get(row.getString(row.fieldIndex("cell_id"))) + " step "
                    + row.getLong(row.fieldIndex("step"));
            double loss = row.getDouble(row.fieldIndex("loss"));
            double ce = row.getDouble(row.fieldIndex("ce"));
            double reg = row.getDouble(row.fieldIndex("reg"));
            assertEquals(ce + reg, loss, 1e-6 * loss, label + ": loss = ce + reg");
            assertEquals(3.1, reg, 0.1, label + ": reg");
        }
    }

    private static Map<String, Long> count(Map<String, String> archOfCell) {
        Map<String, Long> counts = new HashMap<>();
        for (String arch : archOfCell.values()) {
            counts.merge(arch, 1L, Long::sum);
        }
        return counts;
    }
}
