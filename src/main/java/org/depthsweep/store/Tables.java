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
 *   <li>{@code fits_summary}: one row per group of cells that differ only in their seed, metric and fit window:
 *       mean slope over the seeds with its standard deviation and 95% t-interval.</li>
 *   <li>{@code acceleration_summary}: one row per group of cells that differ only in their seed: mean acceleration
 *       factor over the seeds with its 95% t-interval.</li>
 * </ul>
 */
public final class Tables {
    public static final String RUNS = "runs";
    public static final String CURVES = "curves";
    public static final String FITS = "fits";
    public static final String ACCELERATION = "acceleration";
    public static final String FITS_SUMMARY = "fits_summary";
    public static final String ACCELERATION_SUMMARY = "acceleration_summary";

    /** Parameter that distinguishes repeated cells. The summary tables aggregate over it. */
    public static final String SEED_PARAM = "seed";

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

    /**
     * Fits table: least-squares slope of log(metric) on log(step) over a window of a cell's curve. The
     * {@code window} column names the window rule: {@code last_decade} (or {@code tail_F} for another tail
     * fraction F) for the fixed tail window, and {@code auto} for the detected asymptotic window.
     */
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

    /**
     * Group columns of the summary tables: one optional column per parameter of the experiment except
     * {@link #SEED_PARAM}, named and typed as in the runs table.
     */
    public static List<Column> groupColumns(Experiment experiment) {
        List<Column> columns = new ArrayList<>();
        for (ParamSpec param : experiment.parameters()) {
            if (!SEED_PARAM.equals(param.name())) {
                columns.add(Column.optional(param.column(), param.type()));
            }
        }
        return columns;
    }

    /**
     * Fits summary: for each group of cells that differ only in their seed, and each metric and window, the slopes
     * aggregated over the cells whose status is {@code ok}, so diverged and failed cells are left out.
     * {@code slopes} counts cells with a finite slope, and the statistics use those only; the 95% t-interval is
     * {@code slope_mean +- t(0.975, slopes - 1) * slope_std / sqrt(slopes)} and is null below 2 slopes.
     * {@code from_step_min} and {@code from_step_max} give the range of the windows' first steps, which for the
     * {@code auto} window is where the cells reached their asymptotic regime.
     */
    public static TableSchema fitsSummary(Experiment experiment) {
        List<Column> columns = groupColumns(experiment);
        columns.addAll(List.of(
                Column.required("metric", ParamType.STRING),
                Column.required("window", ParamType.STRING),
                Column.required("cells", ParamType.LONG),
                Column.required("slopes", ParamType.LONG),
                Column.optional("slope_mean", ParamType.DOUBLE),
                Column.optional("slope_std", ParamType.DOUBLE),
                Column.optional("slope_ci_low", ParamType.DOUBLE),
                Column.optional("slope_ci_high", ParamType.DOUBLE),
                Column.optional("slope_min", ParamType.DOUBLE),
                Column.optional("slope_max", ParamType.DOUBLE),
                Column.optional("theory_slope", ParamType.DOUBLE),
                Column.optional("from_step_min", ParamType.LONG),
                Column.optional("from_step_max", ParamType.LONG)));
        return new TableSchema(FITS_SUMMARY, columns);
    }

    /**
     * Acceleration summary: for each group of cells that differ only in their seed, the acceleration factors
     * aggregated over the cells whose status is {@code ok}, so diverged and failed cells are left out.
     * {@code reached} counts cells that reached eps and {@code factors} the cells with a factor (they and their
     * depth-1 partner reached eps), which the printed summary and the report label {@code reached}. The 95%
     * t-intervals are null below 2 factors.
     */
    public static TableSchema accelerationSummary(Experiment experiment) {
        List<Column> columns = groupColumns(experiment);
        columns.addAll(List.of(
                Column.required("eps", ParamType.DOUBLE),
                Column.required("cells", ParamType.LONG),
                Column.required("reached", ParamType.LONG),
                Column.required("factors", ParamType.LONG),
                Column.optional("factor_mean", ParamType.DOUBLE),
                Column.optional("factor_std", ParamType.DOUBLE),
                Column.optional("factor_ci_low", ParamType.DOUBLE),
                Column.optional("factor_ci_high", ParamType.DOUBLE),
                Column.optional("factor_min", ParamType.DOUBLE),
                Column.optional("factor_max", ParamType.DOUBLE),
                Column.optional("time_factor_mean", ParamType.DOUBLE),
                Column.optional("time_factor_ci_low", ParamType.DOUBLE),
                Column.optional("time_factor_ci_high", ParamType.DOUBLE)));
        return new TableSchema(ACCELERATION_SUMMARY, columns);
    }
}
