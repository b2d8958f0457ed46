package org.depthsweep.store;

import java.util.ArrayList;
import java.util.List;

import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.ParamType;

/**
 * Declares the result tables of a sweep. Other tools read these names; a change here changes the file format.
 *
 * <ul>
 *   <li>{@code runs}: one row per cell: ids, every parameter, outcome and provenance.</li>
 *   <li>{@code curves}: one row per recorded step of a cell.</li>
 *   <li>{@code fits}: one row per cell, metric and fit window: the log-log slope and its standard error.</li>
 *   <li>{@code acceleration}: one row per cell: steps to reach the error threshold against its depth-1 partner.</li>
 * </ul>
 */
public final class Tables {
    public static final String RUNS = "runs";
    public static final String CURVES = "curves";
    public static final String FITS = "fits";
    public static final String ACCELERATION = "acceleration";

    /** Provenance columns at the end of every runs row, in this order. */
    public static final List<String> PROVENANCE = List.of("tool_version", "git_commit", "config_hash",
            "java_version", "spark_version", "nd4j_version", "host");

    private Tables() {
    }

    /** Runs table of an experiment kind. */
    public static TableSchema runs(Experiment experiment) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.required("cell_id", ParamType.STRING));
        columns.add(Column.required("sweep", ParamType.STRING));
        columns.add(Column.required("experiment", ParamType.STRING));
        for (ParamSpec param : experiment.parameters()) {
            columns.add(Column.optional(param.column(), param.type()));
        }
        columns.add(Column.required("derived_seed", ParamType.LONG));
        columns.add(Column.required("status", ParamType.STRING));
        columns.add(Column.required("message", ParamType.STRING));
        columns.add(Column.required("steps_run", ParamType.LONG));
        columns.add(Column.optional("final_loss", ParamType.DOUBLE));
        columns.add(Column.optional("final_error", ParamType.DOUBLE));
        columns.add(Column.required("wall_ms", ParamType.LONG));
        for (ColumnSpec extra : experiment.resultColumns()) {
            columns.add(Column.optional(extra.name(), extra.type()));
        }
        for (String name : PROVENANCE) {
            columns.add(Column.required(name, ParamType.STRING));
        }
        return new TableSchema(RUNS, columns);
    }

    /** Curves table of an experiment kind. */
    public static TableSchema curves(Experiment experiment) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.required("cell_id", ParamType.STRING));
        columns.add(Column.required("step", ParamType.LONG));
        for (ColumnSpec column : experiment.curveColumns()) {
            columns.add(Column.optional(column.name(), column.type()));
        }
        return new TableSchema(CURVES, columns);
    }

    /** Fits table: least-squares slope of log(metric) on log(step) over a window of a cell's curve. */
    public static TableSchema fits() {
        return new TableSchema(FITS, List.of(
                Column.required("cell_id", ParamType.STRING),
                Column.required("metric", ParamType.STRING),
                Column.required("window", ParamType.STRING),
                Column.optional("slope", ParamType.DOUBLE),
                Column.optional("slope_stderr", ParamType.DOUBLE),
                Column.optional("intercept", ParamType.DOUBLE),
                Column.optional("from_step", ParamType.LONG),
                Column.optional("to_step", ParamType.LONG),
                Column.required("points", ParamType.LONG),
                Column.required("dropped", ParamType.LONG),
                Column.optional("theory_slope", ParamType.DOUBLE)));
    }

    /** Acceleration table: steps and seconds to reach error eps, against the cell's depth-1 partner. */
    public static TableSchema acceleration() {
        return new TableSchema(ACCELERATION, List.of(
                Column.required("cell_id", ParamType.STRING),
                Column.optional("partner_cell_id", ParamType.STRING),
                Column.required("eps", ParamType.DOUBLE),
                Column.optional("steps_to_eps", ParamType.DOUBLE),
                Column.optional("partner_steps_to_eps", ParamType.DOUBLE),
                Column.optional("factor", ParamType.DOUBLE),
                Column.optional("seconds_to_eps", ParamType.DOUBLE),
                Column.optional("partner_seconds_to_eps", ParamType.DOUBLE),
                Column.optional("time_factor", ParamType.DOUBLE)));
    }
}
