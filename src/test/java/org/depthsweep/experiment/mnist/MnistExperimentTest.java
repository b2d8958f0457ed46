package org.depthsweep.experiment.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.data.MnistFiles;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CellResult;
import org.depthsweep.experiment.CellRunner;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.SweepSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistExperimentTest {
    private static final MnistExperiment EXPERIMENT = new MnistExperiment();
    /** loss and ce + reg of a row are means of float32 values with loss = fl(ce + reg) for each minibatch. */
    private static final double SAME_PASS_TOLERANCE = 1e-6;

    /** Returns every parameter at its default, changed by {@code overrides}, before normalization. */
    static SortedMap<String, Object> values(Map<String, Object> overrides) {
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec spec : EXPERIMENT.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        values.put(MnistExperiment.DATA_DIR, MnistTestData.DIR.toString());
        // One nd4j thread: on a machine shared with other jobs, nd4j's OpenMP threads spin at every barrier while a
        // sibling is descheduled, and two threads then run several times slower than one.
        values.put(MnistExperiment.THREADS, 1L);
        values.putAll(overrides);
        return values;
    }

    static Cell cell(Map<String, Object> overrides) {
        return new Cell(MnistExperiment.NAME, 20180710L, EXPERIMENT.normalize(values(overrides)));
    }

    @Test
    void registeredUnderMnist() {
        assertTrue(ExperimentRegistry.get("mnist") instanceof MnistExperiment);
    }

    @Test
    void missingDataDirNamesSetOption() {
        SortedMap<String, Object> values = values(Map.of());
        values.put(MnistExperiment.DATA_DIR, null);

        SweepSpecException e = assertThrows(SweepSpecException.class, () -> EXPERIMENT.normalize(values));

        assertTrue(e.getMessage().contains("--set data.dir="), e.getMessage());
    }

    @Test
    void normalizeDropsUnusedValues() {
        SortedMap<String, Object> plain = EXPERIMENT.normalize(values(Map.of("arch", "plain",
                "added_init", "gaussian", "added_init_std", 0.3)));
        SortedMap<String, Object> identity = EXPERIMENT.normalize(values(Map.of("arch", "overparam",
                "added_init", "identity", "added_init_std", 0.3)));
        SortedMap<String, Object> adam = EXPERIMENT.normalize(values(Map.of("optimizer", "adam")));

        assertNull(plain.get("added_init"));
        assertNull(plain.get("added_init_std"));
        assertEquals("identity", identity.get("added_init"));
        assertNull(identity.get("added_init_std"));
        assertNull(adam.get("momentum"));
        assertEquals(0.9, EXPERIMENT.normalize(values(Map.of())).get("momentum"));
    }

    @Test
    void trainSizeBelowBatchRejected() {
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> EXPERIMENT.normalize(values(Map.of("train_size", 10L, "batch", 64L))));

        assertTrue(e.getMessage().contains("train_size 10 is smaller than batch 64"), e.getMessage());
    }

    @Test
    void settingsReadFromCell() {
        MnistSettings settings = MnistSettings.of(cell(Map.of("arch", "overparam", "added_init", "gaussian",
                "added_init_std", 0.02, "lr", 0.05, "train_size", 1000L, "threads", 2L)));

        assertEquals(Arch.OVERPARAM, settings.arch());
        assertEquals(0.02, settings.addedStd());
        assertEquals(0.05, settings.learningRate(1));
        assertEquals(0.05 * 0.95 * 0.95, settings.learningRate(3), 1e-15);
        assertEquals(1000, settings.trainSize());
        assertEquals(2L, settings.threads());
        assertEquals(OptimizerKind.MOMENTUM, settings.optimizer());
    }

    @Test
    void fingerprintFollowsFileBytes(@TempDir Path folder) throws IOException {
        for (Path file : MnistFiles.dataFiles(MnistTestData.DIR)) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        Cell cell = cell(Map.of(MnistExperiment.DATA_DIR, folder.toString()));
        Cell first = EXPERIMENT.withInputFingerprints(List.of(cell)).get(0);
        assertEquals(16, first.getString(MnistExperiment.DATA_FINGERPRINT).length());
        assertNotEquals(cell.cellId(), first.cellId());

        Path labels = MnistFiles.dataFiles(folder).get(1);
        byte[] bytes = Files.readAllBytes(labels);
        bytes[bytes.length - 1] ^= 1;
        Files.write(labels, bytes);
        Cell second = EXPERIMENT.withInputFingerprints(List.of(cell)).get(0);
        assertNotEquals(first.getString(MnistExperiment.DATA_FINGERPRINT),
                second.getString(MnistExperiment.DATA_FINGERPRINT));
        assertNotEquals(first.cellId(), second.cellId());
    }

    @Test
    void fingerprintNotSettable() {
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> cell(Map.of(MnistExperiment.DATA_FINGERPRINT, "0123456789abcdef")));
        assertTrue(e.getMessage().contains("data.fingerprint is computed by run"), e.getMessage());
    }

    @Test
    void missingDataFolderFailsWithItsName() {
        Cell cell = cell(Map.of("data.dir", "/nonexistent/mnist", "epochs", 1L));

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> EXPERIMENT.run(cell, new CurveRecorder(EXPERIMENT.curveColumns())));

        assertTrue(e.getMessage().contains("data.dir /nonexistent/mnist"), e.getMessage());
    }

    @Test
    void rerunGivesIdenticalCurves() {
        Cell cell = cell(Map.of("arch", "overparam", "added_init", "gaussian", "train_size", 256L,
                "validation_size", 500L, "epochs", 1L, "record_every", 1L, "optimizer", "adam", "lr", 1e-3));

        CellResult first = CellRunner.run(cell, 1);
        CellResult second = CellRunner.run(cell, 1);

        assertEquals(RunStatus.OK, first.status(), first.message());
        assertEquals(4, first.curve().size());
        for (int i = 0; i < first.curve().size(); i++) {
            assertEquals(Arrays.asList(first.curve().get(i)), Arrays.asList(second.curve().get(i)), "row " + i);
        }
        Object[] last = first.curve().get(3);
        assertNotNull(last[8], "val_acc at the end of the epoch");
    }

    @Test
    void fewHundredStepsBeatNinetyPercent() {
        for (String arch : List.of("plain", "overparam")) {
            Cell cell = cell(Map.of("arch", arch, "epochs", 1L, "batch", 32L, "record_every", 25L));
            CurveRecorder recorder = new CurveRecorder(EXPERIMENT.curveColumns());

            CellOutcome outcome = EXPERIMENT.run(cell, recorder);

            String label = "arch " + arch;
            assertEquals(RunStatus.OK, outcome.status(), label);
            assertEquals(8000 / 32, outcome.stepsRun(), label);
            double accuracy = (Double) outcome.extras().get("final_test_acc");
            assertTrue(accuracy > 0.9, label + " test accuracy " + accuracy);
            assertEquals(1.0 - accuracy, outcome.finalError(), 1e-12, label);
            checkCurves(label, recorder.rows(), outcome);
        }
    }

    /** Checks the columns step, epoch, loss, ce, reg, train_acc, lr, test_acc, val_acc, fc1_norm, fc2_norm. */
    private static void checkCurves(String label, List<Object[]> rows, CellOutcome outcome) {
        assertEquals(250 / 25, rows.size(), label + " rows: every 25 steps, the epoch ends at 250");
        int epochEnds = 0;
        for (Object[] row : rows) {
            long step = (Long) row[0];
            double loss = (Double) row[2];
            double ce = (Double) row[3];
            double reg = (Double) row[4];
            assertEquals(ce + reg, loss, SAME_PASS_TOLERANCE * loss, label + " loss = ce + reg at step " + step);
            assertTrue(reg > 0, label + " reg at step " + step);
            assertEquals(1L, (Long) row[1], label + " epoch at step " + step);
            boolean epochEnd = step == 250;
            assertEquals(epochEnd, row[7] != null, label + " test_acc only at epoch ends, step " + step);
            assertEquals(epochEnd, row[9] != null, label + " fc1_norm only at epoch ends, step " + step);
            assertNull(row[8], label + " val_acc without validation images");
            epochEnds += epochEnd ? 1 : 0;
        }
        assertEquals(1, epochEnds, label);
        Object[] first = rows.get(0);
        Object[] last = rows.get(rows.size() - 1);
        assertEquals(3.1, (Double) first[4], 0.1, label + " reg near its initial value in the first rows");
        assertTrue((Double) last[3] < 0.5 * (Double) first[3], label + " ce falls");
        assertEquals(0.01, (Double) last[6], 0.0, label + " learning rate of epoch 1");
        assertEquals((Double) last[2], outcome.finalLoss(), 0.0, label);
    }
}
