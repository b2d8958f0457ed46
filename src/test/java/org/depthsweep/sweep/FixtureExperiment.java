package org.depthsweep.sweep;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;

/**
 * An experiment kind for parser tests only, with what the toy kind lacks: a dotted parameter name ({@code data.dir}),
 * a boolean parameter and a parameter read only under a condition ({@code parquet.row_group_mb}). Its cells are
 * parsed, never run.
 */
final class FixtureExperiment implements Experiment {
    static final String NAME = "fixture";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.ofString("data.dir", "/data", "folder of the input files"),
            ParamSpec.ofString("data.format", "csv", "format of the input files").oneOf("csv", "parquet"),
            ParamSpec.ofDouble("parquet.row_group_mb", 128.0, "row group size of Parquet input, in MB").greaterThan(0)
                    .orNull().readOnlyWhen("data.format", "parquet"),
            ParamSpec.ofBoolean("shuffle", false, "shuffle the inputs before each pass"),
            ParamSpec.ofDouble("rate", 1.0, "step size").greaterThan(0),
            ParamSpec.ofLong("seed", 0L, "cell seed"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ColumnSpec> curveColumns() {
        return List.of(ColumnSpec.ofDouble("loss", "training loss"));
    }

    @Override
    public SortedMap<String, Object> normalize(SortedMap<String, Object> values) {
        SortedMap<String, Object> out = new TreeMap<>(values);
        if (!"parquet".equals(out.get("data.format"))) {
            out.put("parquet.row_group_mb", null);
        }
        return out;
    }

    @Override
    public CellOutcome run(Cell cell, CurveRecorder recorder) {
        throw new UnsupportedOperationException("the fixture experiment is only parsed by tests, never run");
    }
}
