package org.depthsweep.spark.dataparallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DataParallelTrainerTest {
    private static SparkSession spark;

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
    void oneCellTrainsOnTwoWorkers() {
        Experiment mnist = ExperimentRegistry.get("mnist");
        CurveRecorder recorder = new CurveRecorder(mnist.curveColumns());

        CellOutcome outcome = DataParallelTrainer.train(new JavaSparkContext(spark.sparkContext()), cell(mnist),
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
    }
}
