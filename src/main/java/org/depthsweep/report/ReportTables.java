package org.depthsweep.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.depthsweep.analysis.AsymptoticWindow;
import org.depthsweep.analysis.SlopeFit;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.store.TableSchema;

/**
 * Builds the report's tables from {@link ReportData}: the runs by status, the slope table against theory and the
 * acceleration table. Group columns are shown only where they vary over the sweep, so the tables stay narrow.
 */
final class ReportTables {
    private final ReportData data;

    ReportTables(ReportData data) {
        this.data = data;
    }

    /** Returns the tables in report order; the slope and acceleration tables only when they have rows. */
    List<TextTable> tables() {
        List<TextTable> tables = new ArrayList<>();
        tables.add(runs());
        TextTable slopes = slopes();
        if (slopes != null) {
            tables.add(slopes);
        }
        TextTable acceleration = acceleration();
        if (acceleration != null) {
            tables.add(acceleration);
        }
        return tables;
    }

    private TextTable runs() {
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> status : data.statusCounts().entrySet()) {
            rows.add(List.of(status.getKey(), status.getValue().toString()));
            total += status.getValue();
        }
        rows.add(List.of("total", Long.toString(total)));
        String note = "Cells by status. Failed cells are left out of the figures, and failed and diverged cells "
                + "out of the slope and acceleration tables. Run the sweep again to retry failed cells.";
        if (data.otherCells() > 0) {
            note += " " + data.otherCells() + " cells of earlier runs with other settings are not in the current "
                    + "sweep file and are left out of this report.";
        }
        return new TextTable("Runs", note, List.of("status", "cells"), List.of(false, true), rows);
    }

    /** Returns the metric the slope table shows: the error when the experiment records one, else the loss. */
    private String slopeMetric() {
        return data.hasCurveColumn(SlopeFit.ERROR) ? SlopeFit.ERROR : SlopeFit.LOSS;
    }

    private TextTable slopes() {
        List<Object[]> summary = data.fitsSummary();
        if (summary == null) {
            return null;
        }
        TableSchema schema = data.fitsSummarySchema();
        String metric = slopeMetric();
        List<String> keys = data.varyingColumns();
        List<String> headers = new ArrayList<>(keys);
        headers.addAll(List.of("window", "cells", "slopes", "mean slope", "95% CI", "sd", "theory",
                "mean - theory", "window start (step)"));
        List<Boolean> numeric = alignment(keys.size(), false, true, true, true, false, true, true, true, false);

        List<List<String>> rows = new ArrayList<>();
        for (Object[] row : summary) {
            if (!metric.equals(row[schema.indexOf("metric")])) {
                continue;
            }
            List<String> cells = keyCells(row, schema, keys);
            Double mean = (Double) row[schema.indexOf("slope_mean")];
            Double theory = (Double) row[schema.indexOf("theory_slope")];
            cells.add((String) row[schema.indexOf("window")]);
            cells.add(row[schema.indexOf("cells")].toString());
            cells.add(row[schema.indexOf("slopes")].toString());
            cells.add(ReportFormat.slope(mean));
            cells.add(ReportFormat.interval((Double) row[schema.indexOf("slope_ci_low")],
                    (Double) row[schema.indexOf("slope_ci_high")], 4));
            cells.add(ReportFormat.slope((Double) row[schema.indexOf("slope_std")]));
            cells.add(ReportFormat.slope(theory));
            cells.add(ReportFormat.slope(mean == null || theory == null ? null : mean - theory));
            cells.add(ReportFormat.stepRange((Long) row[schema.indexOf("from_step_min")],
                    (Long) row[schema.indexOf("from_step_max")]));
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new TextTable("Slopes against theory",
                "Log-log slope of the " + metric + " against step, per group of seeds: mean over the seeds with its "
                        + "95% t-interval and standard deviation. Window " + AsymptoticWindow.AUTO_WINDOW
                        + " is the longest tail whose local slope stays within +-"
                        + ReportFormat.value(AsymptoticWindow.DEFAULT_TOLERANCE) + "; its start column gives the "
                        + "range over seeds of the step where that tail begins. " + leftOutNote(),
                headers, numeric, rows);
    }

    private TextTable acceleration() {
        List<Object[]> summary = data.accelerationSummary();
        if (summary == null || summary.isEmpty()) {
            return null;
        }
        TableSchema schema = data.accelerationSummarySchema();
        boolean hasDepth = data.groupColumns().contains(ConvergenceFigures.DEPTH);
        List<String> keys = data.varyingColumns();
        List<String> headers = new ArrayList<>(keys);
        headers.addAll(List.of("eps", "cells", "reached", "mean factor", "95% CI", "mean time factor"));
        List<Boolean> numeric = alignment(keys.size(), true, true, true, true, false, true);

        List<List<String>> rows = new ArrayList<>();
        for (Object[] row : summary) {
            if (hasDepth && row[schema.indexOf(ConvergenceFigures.DEPTH)] instanceof Number depth
                    && depth.doubleValue() == 1) {
                continue;
            }
            List<String> cells = keyCells(row, schema, keys);
            cells.add(ReportFormat.value(row[schema.indexOf("eps")]));
            cells.add(row[schema.indexOf("cells")].toString());
            // cells with a factor, as the printed summary counts reached, because the means are over those cells
            cells.add(row[schema.indexOf("factors")].toString());
            cells.add(ReportFormat.factor((Double) row[schema.indexOf("factor_mean")]));
            cells.add(ReportFormat.interval((Double) row[schema.indexOf("factor_ci_low")],
                    (Double) row[schema.indexOf("factor_ci_high")], 3));
            cells.add(ReportFormat.factor((Double) row[schema.indexOf("time_factor_mean")]));
            rows.add(cells);
        }
        if (rows.isEmpty()) {
            return null;
        }
        return new TextTable("Acceleration factors",
                "Factor = steps the depth-1 partner (same parameters and seed) needs to reach error eps, divided by "
                        + "the steps this cell needs; above 1, depth is faster. The reached column counts the seeds "
                        + "whose cell and partner both reached eps, and the mean factor with its 95% t-interval is "
                        + "over those seeds. The time factor is the same ratio in estimated wall-clock seconds. "
                        + "Depth-1 rows, whose factor is 1 by definition, are left out. " + leftOutNote(),
                headers, numeric, rows);
    }

    /** Returns the sentence that counts the failed and diverged cells the summary tables leave out. */
    private String leftOutNote() {
        long leftOut = data.statusCounts().getOrDefault(RunStatus.FAILED.label(), 0L)
                + data.statusCounts().getOrDefault(RunStatus.DIVERGED.label(), 0L);
        long total = data.statusCounts().values().stream().mapToLong(Long::longValue).sum();
        return "Failed and diverged cells are left out: " + leftOut + " of " + total + " cells.";
    }

    private static List<String> keyCells(Object[] row, TableSchema schema, List<String> keys) {
        List<String> cells = new ArrayList<>();
        for (String key : keys) {
            cells.add(ReportFormat.value(row[schema.indexOf(key)]));
        }
        return cells;
    }

    /** Returns the alignment flags: the key columns left-aligned, then the given flags of the value columns. */
    private static List<Boolean> alignment(int keyColumns, Boolean... values) {
        List<Boolean> flags = new ArrayList<>(Collections.nCopies(keyColumns, false));
        flags.addAll(List.of(values));
        return flags;
    }
}
