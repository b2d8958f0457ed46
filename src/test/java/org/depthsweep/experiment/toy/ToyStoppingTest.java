package org.depthsweep.experiment.toy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.depthsweep.experiment.LogSteps;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.SweepSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks when a toy cell stops, what it reports, and which rows it records. */
class ToyStoppingTest {

    @Test
    void targetErrorStopsEarly() {
        ToyCells.Run run = ToyCells.run("p", 4, "depth", 1, "steps", 1_000_000, "target_error", 0.1);

        long stop = run.outcome().stepsRun();
        assertEquals(RunStatus.OK, run.outcome().status());
        assertEquals("reached target_error 0.1 at step " + stop, run.outcome().message());
        assertTrue(stop > 1, "stop step " + stop);
        assertTrue(stop < 1_000_000, "stop step " + stop);
        assertEquals(stop, ToyCells.step(run.lastRow()), "step of the last row");
        assertTrue(ToyCells.error(run.lastRow()) <= 0.1, "error of the last row");
        assertEquals(run.outcome().finalError(), ToyCells.error(run.lastRow()), 0.0, "final error");

        ToyCells.Run before = ToyCells.run("p", 4, "depth", 1, "steps", stop - 1);
        assertTrue(before.outcome().finalError() > 0.1, "error one step earlier: " + before.outcome().finalError());
    }

    @Test
    void targetMetAtStepZero() {
        ToyCells.Run run = ToyCells.run("depth", 1, "target_error", 5.0);

        assertEquals(RunStatus.OK, run.outcome().status());
        assertEquals("reached target_error 5 at step 0", run.outcome().message());
        assertEquals(0, run.outcome().stepsRun());
        assertEquals(1, run.rows().size());
    }

    @ParameterizedTest(name = "form={0}")
    @ValueSource(strings = {"plain", "scalar", "chain"})
    void errorGrowthIsDivergence(String form) {
        int depth = "plain".equals(form) ? 1 : 2;
        ToyCells.Run run = ToyCells.run("p", 4, "lr", 1.0, "y1", 10.0, "depth", depth, "form", form,
                "init", "zero", "steps", 1000);

        assertEquals(RunStatus.DIVERGED, run.outcome().status());
        String message = run.outcome().message();
        assertTrue(message.startsWith("error "), message);
        assertTrue(message.contains("exceeded divergence_factor 1000000 times the initial error"), message);
        assertTrue(message.endsWith(" at step " + run.outcome().stepsRun()), message);
        assertEquals(run.outcome().stepsRun(), ToyCells.step(run.lastRow()), "step of the last row");
        assertTrue(ToyCells.error(run.lastRow()) > 1e6 * Math.hypot(10, 0.5), "error of the last row");
    }

    @Test
    void nonFiniteLossIsDivergence() {
        ToyCells.Run run = ToyCells.run("p", 4, "lr", 1.0, "y1", 10.0, "depth", 1, "steps", 1000,
                "divergence_factor", 1e300);

        assertEquals(RunStatus.DIVERGED, run.outcome().status());
        long step = run.outcome().stepsRun();
        assertTrue(run.outcome().message().startsWith("loss is not finite"), run.outcome().message());
        assertTrue(run.outcome().message().endsWith(" at step " + step), run.outcome().message());
        assertTrue(Double.isNaN(run.outcome().finalLoss()), "final loss " + run.outcome().finalLoss());
        assertEquals(step, ToyCells.step(run.lastRow()));
        assertTrue(Double.isFinite(ToyCells.loss(run.rows().get(run.rows().size() - 2))), "loss one row earlier");
    }

    @Test
    void zeroInitialErrorIgnoresErrorBound() {
        ToyCells.Run run = ToyCells.run("depth", 1, "y1", 0.0, "y2", 0.0, "init", "small", "init_scale", 1e-3,
                "p", 3, "steps", 1000);

        assertEquals(RunStatus.OK, run.outcome().status());
        ToyCells.Run atOptimum = ToyCells.run("depth", 2, "form", "scalar", "y1", 0.0, "y2", 0.0, "steps", 100);
        assertEquals(RunStatus.OK, atOptimum.outcome().status());
        assertEquals(100, atOptimum.outcome().stepsRun());
        assertEquals(0.0, atOptimum.outcome().finalError(), 0.0);
    }

    @Test
    void nearOverflowLossKeepsRunning() {
        // At p = 100 the loop's band stops at |r| of about 1188, where |r|^100 nears Double.MAX_VALUE, but the loss
        // at r = -1200 is still finite, so the cell must go on step by step and match the plain recursion.
        double lr = 1e-305;
        ToyCells.Run run = ToyCells.run("p", 100, "lr", lr, "y1", 1200.0, "y2", 0.0, "depth", 1, "steps", 200);

        assertEquals(RunStatus.OK, run.outcome().status(), run.outcome().message());
        assertEquals(200, run.outcome().stepsRun());
        double d = -1200.0;
        long t = 0;
        for (Object[] row : run.rows()) {
            for (; t < ToyCells.step(row); t++) {
                d -= lr * Math.pow(Math.abs(d), 98) * d;
            }
            assertEquals(Math.abs(d), ToyCells.error(row), 1e-12 * Math.abs(d), "error at step " + t);
        }
        assertTrue(ToyCells.error(run.lastRow()) < 1188, "final error " + ToyCells.error(run.lastRow()));
    }

    @Test
    void zeroStepsRecordsOneRow() {
        ToyCells.Run run = ToyCells.run("depth", 2, "form", "scalar", "steps", 0);

        assertEquals(RunStatus.OK, run.outcome().status());
        assertEquals("", run.outcome().message());
        assertEquals(0, run.outcome().stepsRun());
        assertEquals(1, run.rows().size());
        assertEquals(0L, ToyCells.step(run.rows().get(0)));
        assertEquals((0.5 * 0.5 + 1.0) * 0 + (Math.pow(1.0, 4) + Math.pow(0.5, 4)) / 4, ToyCells.loss(run.lastRow()),
                1e-15);
        assertEquals(1.0, ToyCells.scale(run.lastRow()), 0.0);
    }

    @Test
    void tenMillionStepsRecordAtMost400Rows() {
        ToyCells.Run run = ToyCells.run("p", 4, "depth", 1, "steps", 10_000_000);

        int rows = run.rows().size();
        assertTrue(rows <= 400, "rows: " + rows);
        assertEquals(0L, ToyCells.step(run.rows().get(0)));
        assertEquals(1L, ToyCells.step(run.rows().get(1)));
        assertEquals(10_000_000L, ToyCells.step(run.lastRow()));
        assertEquals(10_000_000L, run.outcome().stepsRun());
        assertEquals("", run.outcome().message());
    }

    @Test
    void scheduleCountMatchesRows() {
        LogSteps schedule = new LogSteps(50);
        int scheduled = 1;
        for (long step = schedule.next(0); step < 10_000_000L; step = schedule.next(step)) {
            scheduled++;
        }
        scheduled++;
        ToyCells.Run run = ToyCells.run("p", 4, "depth", 1, "steps", 10_000_000);
        assertEquals(scheduled, run.rows().size());
    }

    @ParameterizedTest(name = "form={0}")
    @ValueSource(strings = {"plain", "scalar", "chain"})
    void sameSeedGivesSameCurves(String form) {
        Object[] settings = {"p", 3.5, "depth", "plain".equals(form) ? 1 : 3, "form", form, "init", "small",
                "init_scale", 0.5, "steps", 20_000, "seed", 4};
        if ("scalar".equals(form)) {
            settings[3] = 2;
        }
        ToyCells.Run first = ToyCells.run(settings);
        ToyCells.Run second = ToyCells.run(settings);

        assertEquals(first.rows().size(), second.rows().size());
        for (int i = 0; i < first.rows().size(); i++) {
            assertArrayEquals(first.rows().get(i), second.rows().get(i), "row " + i);
        }
        assertEquals(first.outcome(), second.outcome());
    }

    @ParameterizedTest(name = "form={0}")
    @ValueSource(strings = {"plain", "scalar", "chain"})
    void sameSeedDifferentLrStartsAlike(String form) {
        int depth = "plain".equals(form) ? 1 : "scalar".equals(form) ? 2 : 3;
        ToyCells.Run slow = ToyCells.run("lr", 0.01, "depth", depth, "form", form, "init", "small", "steps", 10);
        ToyCells.Run fast = ToyCells.run("lr", 0.02, "depth", depth, "form", form, "init", "small", "steps", 10);

        assertNotEquals(slow.cell().cellId(), fast.cell().cellId());
        assertEquals(slow.cell().derivedSeed(), fast.cell().derivedSeed());
        assertArrayEquals(slow.rows().get(0), fast.rows().get(0), "row at step 0");
        assertNotEquals(ToyCells.loss(slow.rows().get(1)), ToyCells.loss(fast.rows().get(1)), "loss at step 1");
    }

    @Test
    void unnormalizedFormIsRejected() {
        Map<String, Object> values = new TreeMap<>(ToyCells.cell("depth", 1).values());
        values.put("depth", 2L);
        values.put("form", "plain");
        Cell cell = new Cell(ToyExperiment.NAME, ToyCells.SWEEP_SEED, values);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ToyCells.EXPERIMENT.run(cell, null));
        assertEquals("form plain needs depth 1, got depth 2", e.getMessage());
    }

    @Test
    void oversizedChainIsRejected() {
        SweepSpecException e = assertThrows(SweepSpecException.class,
                () -> ToyCells.cell("depth", 1000, "form", "chain", "width", 4096));
        assertTrue(e.getMessage().contains("depth 1000 and width 4096"), e.getMessage());
        assertTrue(e.getMessage().contains("use a smaller depth or width"), e.getMessage());
    }
}
