package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.depthsweep.data.FileFingerprint;
import org.depthsweep.data.RegressionData;
import org.depthsweep.experiment.CellResult;
import org.depthsweep.experiment.CellRunner;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.optim.AdaGrad;
import org.depthsweep.optim.Matrix;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.SweepSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearExperimentTest {
    private static final LinearExperiment LINEAR = LinearCells.EXPERIMENT;

    /** Returns the values of a small realizable problem, on which 300 steps of depth-2 descent make progress. */
    private static Map<String, Object> small(Object... keyValues) {
        Map<String, Object> values = new HashMap<>(Map.of("data.samples", 40L, "data.features", 5L,
                "data.condition", 3.0, "width", 6L, "init_scale", 0.3, "lr", 0.05, "steps", 300L, "p", 2.0,
                "points_per_decade", 10L));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    private static CellResult run(Map<String, Object> overrides) {
        CellResult result = CellRunner.run(LinearCells.cell(overrides), 1);
        assertNotEquals(RunStatus.FAILED, result.status(), result.message());
        return result;
    }

    @Test
    void registryKnowsLinearKind() {
        assertInstanceOf(LinearExperiment.class, ExperimentRegistry.get("linear"));
    }

    @Test
    void tableSchemasBuild() {
        assertNotNull(Tables.runs(LinearCells.EXPERIMENT));
        assertNotNull(Tables.curves(LinearCells.EXPERIMENT));
    }

    @Test
    void normalizeClearsUnusedSettings() {
        SortedMap<String, Object> gd = LinearCells.values(Map.of("depth", 1L));
        assertNull(gd.get("width"));
        assertNull(gd.get("momentum.beta"));
        assertNull(gd.get("adam.eps"));
        assertNull(gd.get("data.path"));
        assertEquals(500L, gd.get("data.samples"));

        SortedMap<String, Object> momentum = LinearCells.values(Map.of("optimizer", "momentum", "depth", 2L));
        assertEquals(0.9, momentum.get("momentum.beta"));
        assertEquals(false, momentum.get("momentum.nesterov"));
        assertNull(momentum.get("adagrad.eps"));
        assertEquals(10L, momentum.get("width"));

        assertNull(LinearCells.values(Map.of("init", "identity")).get("init_scale"));
        assertNull(LinearCells.values(Map.of("optimizer", "e2e", "depth", 3L)).get("width"));
        assertEquals(10L, LinearCells.values(Map.of("optimizer", "e2e", "depth", 3L, "init", "small")).get("width"));

        SortedMap<String, Object> csv = LinearCells.values(Map.of("data.source", "csv", "data.path", "x.csv",
                "data.target", "y"));
        assertNull(csv.get("data.samples"));
        assertNull(csv.get("data.seed"));
        assertEquals(true, csv.get("data.header"));
    }

    @Test
    void unusedSettingsDoNotChangeCellId() {
        Cell first = LinearCells.cell(Map.of("optimizer", "gd", "momentum.beta", 0.5));
        Cell second = LinearCells.cell(Map.of("optimizer", "gd", "momentum.beta", 0.7));
        assertEquals(first.cellId(), second.cellId());
        Cell third = LinearCells.cell(Map.of("optimizer", "momentum", "momentum.beta", 0.7));
        assertNotEquals(first.cellId(), third.cellId());
    }

    @Test
    void csvFingerprintFollowsFileBytes(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "a,y\n1,2\n3,5\n");
        Cell cell = LinearCells.cell(Map.of("data.source", "csv", "data.path", file.toString(), "data.target", "y"));
        Cell first = LINEAR.withInputFingerprints(List.of(cell)).get(0);
        assertEquals(FileFingerprint.of(file), first.get(LinearExperiment.DATA_FINGERPRINT));
        assertNotEquals(cell.cellId(), first.cellId());

        Files.writeString(file, "a,y\n1,2\n3,6\n");
        Cell second = LINEAR.withInputFingerprints(List.of(cell)).get(0);
        assertNotEquals(first.get(LinearExperiment.DATA_FINGERPRINT), second.get(LinearExperiment.DATA_FINGERPRINT));
        assertNotEquals(first.cellId(), second.cellId());
    }

    @Test
    void syntheticCellHasNoFingerprint() {
        Cell cell = LinearCells.cell(Map.of());
        Cell same = LINEAR.withInputFingerprints(List.of(cell)).get(0);
        assertNull(same.get(LinearExperiment.DATA_FINGERPRINT));
        assertEquals(cell.cellId(), same.cellId());
    }

    @Test
    void fingerprintNotSettable() {
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> LinearCells.values(Map.of(LinearExperiment.DATA_FINGERPRINT, "0123456789abcdef")));
        assertTrue(e.getMessage().contains("data.fingerprint is computed by run"), e.getMessage());
    }

    @Test
    void normalizeRejectsZeroStartAtDepth() {
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> LinearCells.values(Map.of("depth", 2L, "init_scale", 0.0)));
        assertTrue(e.getMessage().contains("init_scale > 0"), e.getMessage());
        assertEquals(0.0, LinearCells.values(Map.of("depth", 1L, "init_scale", 0.0)).get("init_scale"));
    }

    @Test
    void normalizeRejectsInconsistentData() {
        SweepSpecException samples = assertThrows(SweepSpecException.class,
                () -> LinearCells.values(Map.of("data.samples", 5L, "data.features", 8L)));
        assertTrue(samples.getMessage().contains("data.samples 5 is below data.features 8"), samples.getMessage());
        SweepSpecException path = assertThrows(SweepSpecException.class,
                () -> LinearCells.values(Map.of("data.source", "csv", "data.target", "y")));
        assertTrue(path.getMessage().contains("data.path must be set"), path.getMessage());
        SweepSpecException width = assertThrows(SweepSpecException.class,
                () -> LinearCells.values(Map.of("depth", 2L, "width", 2L, "data.outputs", 3L)));
        assertTrue(width.getMessage().contains("width >= min(data.outputs, data.features) = 3"), width.getMessage());
    }

    @Test
    void runRecordsLogSpacedCurves() {
        CellResult result = run(small("depth", 2L));
        assertEquals(RunStatus.OK, result.status());
        assertEquals(300, result.stepsRun());
        List<Object[]> curve = result.curve();
        assertEquals(0L, curve.get(0)[0]);
        assertEquals(1L, curve.get(1)[0]);
        assertEquals(300L, curve.get(curve.size() - 1)[0]);
        assertTrue(curve.size() < 40, "log spacing at 10 points per decade, got " + curve.size() + " rows");
        Object[] first = curve.get(0);
        Object[] last = curve.get(curve.size() - 1);
        for (int column = 1; column <= 4; column++) {
            assertNotNull(first[column], "column " + column + " at step 0");
            assertNotNull(last[column], "column " + column + " at the last step");
        }
        assertTrue((Double) last[1] < (Double) first[1], "loss must fall");
        assertTrue((Double) last[2] < (Double) first[2], "error must fall");
        assertEquals(result.finalLoss(), (Double) last[1], 0.0);
        assertEquals(result.finalError(), (Double) last[2], 0.0);
        assertNotNull(result.outcome().extras().get("final_balancedness"));
        assertEquals(0.0, (Double) result.outcome().extras().get("optimum_loss"), 1e-20);
    }

    @Test
    void targetLossStopsEarly() {
        CellResult result = run(small("depth", 2L, "target_loss", 0.01, "steps", 100_000L));
        assertEquals(RunStatus.OK, result.status());
        assertTrue(result.message().startsWith("reached target_loss 0.01 at step "), result.message());
        Object steps = result.outcome().extras().get("steps_to_target");
        assertEquals(result.stepsRun(), steps);
        assertTrue(result.finalLoss() <= 0.01);
        assertTrue(result.stepsRun() < 100_000);
    }

    @Test
    void hugeLearningRateDiverges() {
        CellResult result = run(small("depth", 2L, "lr", 1e4, "p", 4.0, "target_loss", 1e-9));
        assertEquals(RunStatus.DIVERGED, result.status());
        assertTrue(result.message().contains("divergence_factor") || result.message().contains("not finite"),
                result.message());
        assertNull(result.outcome().extras().get("steps_to_target"));
        assertTrue(result.stepsRun() < 300);
    }

    @Test
    void endToEndAtDepthOneEqualsDescent() {
        CellResult gd = run(small("depth", 1L, "optimizer", "gd"));
        CellResult e2e = run(small("depth", 1L, "optimizer", "e2e"));
        assertEquals(gd.curve().size(), e2e.curve().size());
        for (int i = 0; i < gd.curve().size(); i++) {
            Object[] a = gd.curve().get(i);
            Object[] b = e2e.curve().get(i);
            assertEquals(a[0], b[0]);
            assertEquals((Double) a[1], (Double) b[1], 1e-12 * (Double) a[1], "loss at step " + a[0]);
        }
    }

    @Test
    void endToEndTracksDescentAtDepthTwo() {
        CellResult gd = run(small("depth", 2L, "optimizer", "gd", "lr", 0.01));
        CellResult e2e = run(small("depth", 2L, "optimizer", "e2e", "lr", 0.01));
        double lossGap = Math.abs(gd.finalLoss() - e2e.finalLoss());
        assertTrue(lossGap < 0.02 * gd.finalLoss(), "final losses " + gd.finalLoss() + " and " + e2e.finalLoss());
    }

    @Test
    void adaGradCellMatchesRule() {
        Map<String, Object> overrides = small("depth", 1L, "optimizer", "adagrad", "steps", 3L, "lr", 0.1,
                "p", 4.0);
        Cell cell = LinearCells.cell(overrides);
        CellResult result = run(overrides);

        LinearSettings settings = LinearSettings.of(cell);
        RegressionData data = settings.data();
        LpLoss loss = new LpLoss(data, 4.0);
        Matrix w = Initialization.factors("balanced", 0.3, settings.dims(5, 1), settings.initRandom())[0];
        AdaGrad rule = new AdaGrad(0.1, 1e-10);
        Matrix gradient = Matrix.zeros(1, 5);
        for (int t = 0; t < 3; t++) {
            loss.evaluate(w, gradient);
            rule.step(new double[][] {w.data}, new double[][] {gradient.data});
        }
        assertEquals(loss.evaluate(w, null), result.finalLoss(), 1e-15);
    }

    @Test
    void equalSeedsGiveEqualCurves() {
        CellResult first = run(small("depth", 3L, "init", "small", "seed", 4L));
        CellResult second = run(small("depth", 3L, "init", "small", "seed", 4L));
        CellResult other = run(small("depth", 3L, "init", "small", "seed", 5L));
        assertEquals(first.finalLoss(), second.finalLoss(), 0.0);
        assertNotEquals(first.finalLoss(), other.finalLoss());
    }

    @Test
    void unknownOptimumLeavesErrorEmpty() {
        CellResult p4 = run(small("data.noise", 0.5, "p", 4.0));
        assertNull(p4.curve().get(0)[2]);
        assertTrue(Double.isNaN(p4.finalError()));
        assertFalse(p4.outcome().extras().containsKey("optimum_loss"));
        CellResult p2 = run(small("data.noise", 0.5, "p", 2.0));
        assertNotNull(p2.curve().get(0)[2]);
        assertTrue((Double) p2.outcome().extras().get("optimum_loss") > 0);
    }

    @Test
    void everyInitAndOptimizerRuns() {
        for (String init : new String[] {"small", "balanced", "identity", "orthogonal"}) {
            for (String optimizer : new String[] {"gd", "e2e", "momentum", "adadelta", "adam"}) {
                CellResult result = run(small("depth", 3L, "init", init, "optimizer", optimizer, "steps", 20L,
                        "data.outputs", 2L, "lr", 0.001));
                assertEquals(RunStatus.OK, result.status(), init + " " + optimizer + ": " + result.message());
                assertTrue(Double.isFinite(result.finalLoss()), init + " " + optimizer);
            }
        }
    }

    @Test
    void estimatesGrowWithStepsAndDepth() {
        LinearExperiment experiment = LinearCells.EXPERIMENT;
        double shallow = experiment.estimatedSeconds(LinearCells.cell(Map.of("depth", 1L, "steps", 1000L)));
        double deep = experiment.estimatedSeconds(LinearCells.cell(Map.of("depth", 3L, "steps", 1000L)));
        double longer = experiment.estimatedSeconds(LinearCells.cell(Map.of("depth", 3L, "steps", 10_000L)));
        assertTrue(shallow > 0);
        assertTrue(deep > shallow);
        assertTrue(longer > 5 * deep);
    }
}
