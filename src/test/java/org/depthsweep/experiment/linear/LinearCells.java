package org.depthsweep.experiment.linear;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;

/** Builds linear cells as the sweep loader does: defaults, then the given values, then normalize(). */
final class LinearCells {
    static final long SWEEP_SEED = 20180710L;
    static final LinearExperiment EXPERIMENT = new LinearExperiment();

    private LinearCells() {
    }

    static SortedMap<String, Object> values(Map<String, Object> overrides) {
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec spec : EXPERIMENT.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        values.putAll(overrides);
        return EXPERIMENT.normalize(values);
    }

    static Cell cell(Map<String, Object> overrides) {
        return new Cell(LinearExperiment.NAME, SWEEP_SEED, values(overrides));
    }
}
