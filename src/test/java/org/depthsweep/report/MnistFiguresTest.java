package org.depthsweep.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.SweepStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the MNIST figures from synthetic curves tables with the MNIST columns, 2 arch x 2 lambda x 2 lr x 3
 * seeds. Each cell records 101 iterations, one every 10 steps, and the test accuracy at the end of each of 10
 * epochs.
 */
class MnistFiguresTest {
    private static final long LAST_STEP = 1000;
    private static final long STEPS_PER_EPOCH = 100;
    private static final double EXACT = 1e-12;

    private static SparkSession spark;

    @TempDir
    static Path tmp;

    private static Path sweepDir;

    @BeforeAll
    static void writeSweep() throws Exception {
        spark = SparkSessions.create("local[2]", "MnistFiguresTest");
        SyntheticSweep sweep = new SyntheticSweep(new MnistFixtureExperiment());
        long[] steps = new long[(int) (LAST_STEP / 10) + 1];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 10L * i;
        }
        for (String arch : new String[] {"plain", "overparam"}) {
            for (double lambda : new double[] {0.0, 0.001}) {
                for (double lr : new double[] {0.01, 0.1}) {
                    for (long seed = 1; seed <= 3; seed++) {
                        Map<String, Object> params = Map.of("arch", arch, "lambda", lambda, "lr", lr, "seed", seed);
                        String id = arch + "-" + lambda + "-" + lr + "-" + seed;
                        double speed = arch.equals("overparam") ? 2.0 : 1.0;
                        long s = seed;
                        sweep.addCell(id, params, steps, step -> curve(step, speed, lambda, lr, s), 1000);
                    }
                }
            }
        }
        sweepDir = tmp.resolve("mnist");
        sweep.write(sweepDir, "name = mnist\nexperiment = " + MnistFixtureExperiment.NAME + "\n");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    /** Cross-entropy {@code 2.3 / (1 + speed * lr * step * seed / 2)}; test accuracy rises by epoch. */
    static Map<String, Double> curve(long step, double speed, double lambda, double lr, long seed) {
        double crossEntropy = 2.3 / (1 + speed * lr * step * seed / 2.0);
        double regularizer = lambda * (1 + step / 1000.0);
        Map<String, Double> point = new HashMap<>();
        point.put("ce", crossEntropy);
        point.put("reg", regularizer);
        point.put("loss", crossEntropy + regularizer);
        point.put("train_acc", 1 - crossEntropy / 2.3 * 0.9);
        boolean epochEnd = step > 0 && step % STEPS_PER_EPOCH == 0;
        point.put("test_acc", epochEnd ? 0.9 - 0.5 / (step / STEPS_PER_EPOCH) / seed : null);
        return point;
    }

    @Test
    void reportHasMnistFigures() throws Exception {
        SweepStore store = new SweepStore(sweepDir.toString(), new Configuration());
        ReportJob.Result result = new ReportJob(spark).write(store, new MnistFixtureExperiment(), "mnist", null);

        assertEquals(List.of("loss-lr0.01", "ce-lr0.01", "reg-lr0.01", "loss-lr0.1", "ce-lr0.1", "reg-lr0.1",
                "test-acc-lr0.01", "test-acc-lr0.1"), result.figureNames());
        assertEquals(List.of("Runs"), result.tableTitles(), "tables without fits");
        assertFalse(result.fitted());
        for (String name : result.figureNames()) {
            Path png = sweepDir.resolve("report").resolve("figures").resolve(name + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(Charts.WIDTH, image.getWidth(), "width of " + png);
        }
    }

    @Test
    void lossBandsSpanSeeds() throws Exception {
        SweepStore store = new SweepStore(sweepDir.toString(), new Configuration());
        ReportData data = ReportData.load(spark, store, new MnistFixtureExperiment());
        assertEquals(List.of("arch", "lambda", "lr"), data.varyingColumns());

        List<SeriesBand> bands = data.bandsByStep("loss", false);
        assertEquals(8, bands.size(), "groups: 2 arch x 2 lambda x 2 lr");
        SeriesBand overparam = bands.stream()
                .filter(b -> b.group().get("arch").equals("overparam") && b.group().get("lambda").equals(0.001)
                        && b.group().get("lr").equals(0.1))
                .findFirst().orElseThrow();
        assertEquals(3, overparam.seeds());
        assertEquals(LAST_STEP / 10 + 1, overparam.x().length);
        int at500 = 50;
        assertEquals(500.0, overparam.x()[at500]);
        // loss falls with the seed here, so seed 2 is the median, seed 3 the minimum and seed 1 the maximum
        assertEquals(curve(500, 2, 0.001, 0.1, 2).get("loss"), overparam.median()[at500], EXACT);
        assertEquals(curve(500, 2, 0.001, 0.1, 3).get("loss"), overparam.min()[at500], EXACT);
        assertEquals(curve(500, 2, 0.001, 0.1, 1).get("loss"), overparam.max()[at500], EXACT);
    }

    @Test
    void testAccuracyIsPerEpoch() throws Exception {
        SweepStore store = new SweepStore(sweepDir.toString(), new Configuration());
        ReportData data = ReportData.load(spark, store, new MnistFixtureExperiment());

        SeriesBand band = data.bandsByEpoch("test_acc").get(0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, band.x());
        assertEquals(curve(3 * STEPS_PER_EPOCH, 1, 0, 0.01, 2).get("test_acc"), band.median()[2], EXACT);
    }
}
