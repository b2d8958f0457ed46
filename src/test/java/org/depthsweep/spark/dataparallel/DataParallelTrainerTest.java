package org.depthsweep.spark.dataparallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CellResult;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.Provenance;
import org.depthsweep.store.ResultRows;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataParallelTrainerTest {
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("local[2]", "DataParallelTrainerTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private static Cell cell(Experiment mnist) {
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec spec : mnist.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        values.put("data.dir", DataParallelNetworkTest.MNIST_10K.toString());
        values.put("arch", "overparam");
        values.put("train_size", 1280L);
        values.put("epochs", 1L);
        values.put("record_every", 5L);
        values.put("threads", 1L);
        return new Cell("mnist", 1L, mnist.normalize(values));
    }

    @Test
    void oneCellTrainsOnTwoWorkers() throws IOException {
        Experiment mnist = ExperimentRegistry.get("mnist");
        CurveRecorder recorder = new CurveRecorder(mnist.curveColumns());
        Cell cell = cell(mnist);

        CellOutcome outcome = DataParallelTrainer.train(new JavaSparkContext(spark.sparkContext()), cell,
                recorder, 2, 5);

        // 1280 images are 20 minibatches of 64: two rounds of 2 workers x 5 local iterations.
        assertEquals(RunStatus.OK, outcome.status(), outcome.message());
        assertEquals(10, outcome.stepsRun());
        List<Object[]> rows = recorder.rows();
        assertEquals(2, rows.size());
        assertEquals(5L, rows.get(0)[0]);
        assertEquals(10L, rows.get(1)[0]);
        for (Object[] row : rows) {
            double loss = (Double) row[2];
            double ce = (Double) row[3];
            double reg = (Double) row[4];
            assertEquals(ce + reg, loss, 1e-12 * loss, "loss = ce + reg at step " + row[0]);
            assertEquals(3.1, reg, 0.1, "penalty on the product near its initial value at step " + row[0]);
        }
        assertNull(rows.get(0)[7], "no test_acc before the end of the epoch");
        Object[] last = rows.get(1);
        assertNotNull(last[9], "fc1_norm at the end of the epoch");
        double accuracy = (Double) last[7];
        assertTrue(accuracy > 0.5, "test accuracy after 20 minibatches " + accuracy);
        assertEquals(accuracy, (Double) outcome.extras().get("final_test_acc"));
        assertTrue((Double) rows.get(1)[3] < (Double) rows.get(0)[3], "ce falls between the rounds");

        List<Row> stored = commitAndReadCurves(mnist, cell, outcome, rows);
        assertEquals(2, stored.size());
        for (Row row : stored) {
            assertEquals(cell.cellId(), row.getString(row.fieldIndex("cell_id")));
            assertEquals(row.getDouble(row.fieldIndex("ce")) + row.getDouble(row.fieldIndex("reg")),
                    row.getDouble(row.fieldIndex("loss")), 1e-12, "stored loss = ce + reg");
        }
    }

    /** Writes the cell's rows to a sweep folder as a Spark task of the sweep driver does, and reads the curves. */
    private List<Row> commitAndReadCurves(Experiment mnist, Cell cell, CellOutcome outcome, List<Object[]> rows)
            throws IOException {
        CellResult result = new CellResult(cell, outcome.status(), outcome.message(), outcome.stepsRun(),
                outcome.finalLoss(), outcome.finalError(), 0L, 0L, outcome, rows);
        SweepStore store = new SweepStore(tmp.resolve("data-parallel").toString(),
                spark.sparkContext().hadoopConfiguration());
        TableSchema runs = Tables.runs(mnist);
        List<Object[]> runRows = new ArrayList<>();
        runRows.add(ResultRows.runRow("data-parallel", mnist, result,
                Provenance.forDriver("hash").columnValues()));
        List<Object[]> curveRows = new ArrayList<>();
        ResultRows.addCurveRows(result, curveRows);
        store.commitBatch("dataparallel-00000", "test", runs, runRows, Map.of(), Tables.curves(mnist), curveRows,
                List.of());
        return new TableReader(spark, store, runs).read(Tables.curves(mnist)).collectAsList();
    }
}
