package org.depthsweep.spark;

import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;

/**
 * Test experiment: a cheap cell that records a short curve, and throws while {@link #FAILING} is set and the cell's
 * {@code fail} parameter is true. Registered through META-INF/services in the test resources.
 */
public final class FlakyExperiment implements Experiment {
    /** Whether cells with {@code fail = true} throw; executors share this JVM in local mode. */
    public static final AtomicBoolean FAILING = new AtomicBoolean(true);

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofLong("seed", 0L, "cell seed"),
                ParamSpec.ofLong("steps", 10L, "steps").atLeast(0),
                ParamSpec.ofBoolean("fail", false, "throw while FAILING is set"));
    }

    @Override
    public List<ColumnSpec> curveColumns() {
        return List.of(ColumnSpec.ofDouble("loss", "1 / (1 + step)"), ColumnSpec.ofDouble("error", "same"));
    }

    @Override
    public SortedMap<String, Object> normalize(SortedMap<String, Object> values) {
        return values;
    }

    @Override
    public CellOutcome run(Cell cell, CurveRecorder recorder) {
        if (Boolean.TRUE.equals(cell.get("fail")) && FAILING.get()) {
            throw new IllegalStateException("flaky cell " + cell.cellId() + " fails on purpose");
        }
        long steps = cell.getLong("steps");
        for (long t = 0; t <= steps; t++) {
            double v = 1.0 / (1 + t + cell.getLong("seed"));
            recorder.record(t, v, v);
        }
        double last = 1.0 / (1 + steps + cell.getLong("seed"));
        return new CellOutcome(RunStatus.OK, "", steps, last, last, java.util.Map.of());
    }
}
