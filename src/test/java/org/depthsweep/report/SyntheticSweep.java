package org.depthsweep.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongFunction;

import org.apache.hadoop.conf.Configuration;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.LogSteps;
import org.depthsweep.store.Column;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.ParamSpec;

/**
 * Writes a sweep directory without running anything: sweep.conf, and one committed batch of runs and curves rows
 * made from closed-form curves, through {@link SweepStore#commitBatch} and so through the project's Parquet writer.
 * Tests get fixed, exactly known tables that way.
 */
final class SyntheticSweep {
    private final Experiment experiment;
    private final TableSchema runsSchema;
    private final TableSchema curvesSchema;
    private final List<Object[]> runRows = new ArrayList<>();
    private final List<Object[]> curveRows = new ArrayList<>();

    SyntheticSweep(Experiment experiment) {
        this.experiment = experiment;
        this.runsSchema = Tables.runs(experiment);
        this.curvesSchema = Tables.curves(experiment);
    }

    /** Returns the steps {@link LogSteps} records up to lastStep, the last step included. */
    static long[] logSteps(int pointsPerDecade, long lastStep) {
        LogSteps schedule = new LogSteps(pointsPerDecade);
        List<Long> steps = new ArrayList<>();
        for (long step = 0; step < lastStep; step = schedule.next(step)) {
            steps.add(step);
        }
        steps.add(lastStep);
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Adds an ok cell.
     *
     * @param cellId cell id, unique in the sweep
     * @param params parameter values by name; parameters left out get their declared default
     * @param steps  recorded steps
     * @param curve  returns the curve columns at a step, by column name; a missing column is null
     * @param wallMs wall-clock milliseconds stored in the run row
     */
    void addCell(String cellId, Map<String, Object> params, long[] steps, LongFunction<Map<String, Double>> curve,
                 long wallMs) {
        addCell(cellId, params, steps, curve, wallMs, "ok");
    }

    /** Adds a cell with the given status, {@code ok} or {@code diverged}, as {@link #addCell} describes. */
    void addCell(String cellId, Map<String, Object> params, long[] steps, LongFunction<Map<String, Double>> curve,
                 long wallMs, String status) {
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec param : experiment.parameters()) {
            values.put(param.column(), params.containsKey(param.name()) ? params.get(param.name())
                    : param.defaultValue());
        }
        Object[] run = new Object[runsSchema.columns().size()];
        for (int i = 0; i < run.length; i++) {
            String column = runsSchema.columns().get(i).name();
            if (values.containsKey(column)) {
                run[i] = values.get(column);
            }
        }
        Map<String, Double> last = curve.apply(steps[steps.length - 1]);
        set(run, "cell_id", cellId);
        set(run, "sweep", "synthetic");
        set(run, "experiment", experiment.name());
        set(run, "derived_seed", 0L);
        set(run, "status", status);
        set(run, "message", "");
        set(run, "steps_run", steps[steps.length - 1]);
        set(run, "final_loss", last.get("loss"));
        set(run, "final_error", last.get("error"));
        set(run, "wall_ms", wallMs);
        for (String name : Tables.PROVENANCE) {
            set(run, name, "test");
        }
        runRows.add(run);

        for (long step : steps) {
            Map<String, Double> point = curve.apply(step);
            Object[] row = new Object[curvesSchema.columns().size()];
            row[0] = cellId;
            row[1] = step;
            for (int i = 2; i < row.length; i++) {
                Column column = curvesSchema.columns().get(i);
                row[i] = point.get(column.name());
            }
            curveRows.add(row);
        }
    }

    private void set(Object[] row, String column, Object value) {
        row[runsSchema.indexOf(column)] = value;
    }

    /** Writes sweep.conf and commits every added cell as one batch. */
    void write(Path dir, String sweepFile) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(SweepStore.SWEEP_FILE), sweepFile, StandardCharsets.UTF_8);
        SweepStore store = new SweepStore(dir.toString(), new Configuration());
        store.commitBatch("00000000000001", "0", runsSchema, runRows, Map.of(), curvesSchema, curveRows,
                List.of());
    }
}
