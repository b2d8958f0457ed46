package org.depthsweep.experiment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.depthsweep.sweep.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs cells through their experiment: times each one and turns an exception into a {@code failed} result, so one bad
 * cell never stops the others.
 */
public final class CellRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CellRunner.class);
    private static final int MAX_MESSAGE_CHARS = 4000;

    private CellRunner() {
    }

    /**
     * Runs one cell, trying again up to {@code maxAttempts} times in all while it throws.
     *
     * @param maxAttempts attempts per cell, at least 1
     */
    public static CellResult run(Cell cell, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        Experiment experiment = ExperimentRegistry.get(cell.experiment());
        RuntimeException last = null;
        long started = System.nanoTime();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            CurveRecorder recorder = new CurveRecorder(experiment.curveColumns());
            started = System.nanoTime();
            try {
                CellOutcome outcome = experiment.run(cell, recorder);
                long wallNanos = System.nanoTime() - started;
                return new CellResult(cell, outcome.status(), outcome.message(), outcome.stepsRun(),
                        outcome.finalLoss(), outcome.finalError(), wallNanos / 1_000_000L, wallNanos, outcome,
                        recorder.rows());
            } catch (CellInterruptedException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                RuntimeException wrapped = e instanceof RuntimeException ? (RuntimeException) e
                        : new IllegalStateException(e.toString(), e);
                LOG.warn("cell {} failed on attempt {} of {}: {}", cell.cellId(), attempt, maxAttempts, e.toString());
                last = wrapped;
            }
        }
        long wallNanos = System.nanoTime() - started;
        return new CellResult(cell, RunStatus.FAILED, describe(last, maxAttempts), 0L, Double.NaN, Double.NaN,
                wallNanos / 1_000_000L, wallNanos, null, List.of());
    }

    private static String describe(Throwable error, int attempts) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = "failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + trace;
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
