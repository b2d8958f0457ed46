package org.depthsweep.experiment.toy;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.ParamType;

/** Builds toy cells the way a sweep does, from parameter defaults plus overrides, and runs them. */
final class ToyCells {
    static final long SWEEP_SEED = 20180710L;
    static final ToyExperiment EXPERIMENT = new ToyExperiment();

    private ToyCells() {
    }

    /** One finished run: the outcome and the curve rows as {@code [step, loss, error, scale]}. */
    record Run(Cell cell, CellOutcome outcome, List<Object[]> rows) {
        Object[] lastRow() {
            return rows.get(rows.size() - 1);
        }
    }

    /**
     * Returns a normalized cell with every parameter at its default except the given overrides.
     *
     * @param overrides name, value pairs; integers become longs or doubles as the parameter declares
     */
    static Cell cell(Object... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides must be name, value pairs");
        }
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec spec : EXPERIMENT.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        for (int i = 0; i < overrides.length; i += 2) {
            String name = (String) overrides[i];
            ParamSpec spec = EXPERIMENT.parameters().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown toy parameter " + name));
            values.put(name, convert(spec, overrides[i + 1]));
        }
        return new Cell(ToyExperiment.NAME, SWEEP_SEED, EXPERIMENT.normalize(values));
    }

    private static Object convert(ParamSpec spec, Object value) {
        if (value instanceof Number && spec.type() == ParamType.DOUBLE) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Number && spec.type() == ParamType.LONG) {
            return ((Number) value).longValue();
        }
        return value;
    }

    /** Runs a cell through {@link ToyExperiment#run} with a fresh recorder. */
    static Run run(Cell cell) {
        CurveRecorder recorder = new CurveRecorder(EXPERIMENT.curveColumns());
        CellOutcome outcome = EXPERIMENT.run(cell, recorder);
        return new Run(cell, outcome, recorder.rows());
    }

    static Run run(Object... overrides) {
        return run(cell(overrides));
    }

    static long step(Object[] row) {
        return (Long) row[0];
    }

    static double loss(Object[] row) {
        return (Double) row[1];
    }

    static double error(Object[] row) {
        return (Double) row[2];
    }

    static Double scale(Object[] row) {
        return (Double) row[3];
    }
}
