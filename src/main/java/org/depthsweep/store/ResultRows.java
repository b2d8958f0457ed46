package org.depthsweep.store;

import java.util.ArrayList;
import java.util.List;

import org.depthsweep.experiment.CellResult;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.ParamSpec;

/** Turns a cell's result into rows of the runs and curves tables, in the column order of {@link Tables}. */
public final class ResultRows {
    private ResultRows() {
    }

    /** Builds the runs row of a result. {@code provenance} contains the values of {@link Tables#PROVENANCE}. */
    public static Object[] runRow(String sweep, Experiment experiment, CellResult result, List<String> provenance) {
        List<Object> row = new ArrayList<>();
        row.add(result.cell().cellId());
        row.add(sweep);
        row.add(experiment.name());
        for (ParamSpec param : experiment.parameters()) {
            row.add(result.cell().values().get(param.name()));
        }
        row.add(result.cell().derivedSeed());
        row.add(result.status().label());
        row.add(result.message());
        row.add(result.stepsRun());
        row.add(result.outcome() == null ? null : result.finalLoss());
        row.add(result.outcome() == null ? null : result.finalError());
        row.add(result.wallMs());
        for (ColumnSpec extra : experiment.resultColumns()) {
            row.add(result.outcome() == null ? null : result.outcome().extras().get(extra.name()));
        }
        row.addAll(provenance);
        return row.toArray();
    }

    /** Appends the curves rows of a result: the cell id followed by each recorded {@code [step, value...]}. */
    public static void addCurveRows(CellResult result, List<Object[]> out) {
        String cellId = result.cell().cellId();
        for (Object[] point : result.curve()) {
            Object[] row = new Object[point.length + 1];
            row[0] = cellId;
            System.arraycopy(point, 0, row, 1, point.length);
            out.add(row);
        }
    }
}
