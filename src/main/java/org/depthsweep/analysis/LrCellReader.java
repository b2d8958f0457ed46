package org.depthsweep.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.ParamSpec;

/** Turns runs-table rows into the per-cell records of {@link BestLearningRate}. */
public final class LrCellReader {
    private LrCellReader() {
    }

    /**
     * Collects one record per runs row to the driver: cell id, status, the steps column, final_loss and every
     * parameter of the experiment, keyed by parameter name. Failed cells are kept; {@link BestLearningRate} leaves
     * them out.
     *
     * @param runs        the runs table, as {@code TableReader.read(Tables.runs(experiment))} returns it
     * @param stepsColumn a LONG or DOUBLE result column with the step at which a cell reached the target, null when it
     *                    did not, for example {@code steps_to_target}
     * @throws IllegalArgumentException if the table lacks the steps column or a parameter column
     */
    public static List<LrCell> fromRuns(Dataset<Row> runs, Experiment experiment, String stepsColumn) {
        List<String> columns = new ArrayList<>(List.of("cell_id", "status", stepsColumn, "final_loss"));
        List<String> names = new ArrayList<>();
        for (ParamSpec param : experiment.parameters()) {
            columns.add(param.column());
            names.add(param.name());
        }
        for (String column : columns) {
            if (!List.of(runs.columns()).contains(column)) {
                throw new IllegalArgumentException("the runs table of experiment " + experiment.name()
                        + " has no column '" + column + "'; the best-lr table needs it");
            }
        }

        List<LrCell> cells = new ArrayList<>();
        for (Row row : runs.selectExpr(columns.toArray(String[]::new)).collectAsList()) {
            SortedMap<String, Object> params = new TreeMap<>();
            for (int i = 0; i < names.size(); i++) {
                params.put(names.get(i), row.isNullAt(4 + i) ? null : row.get(4 + i));
            }
            Double steps = row.isNullAt(2) ? null : ((Number) row.get(2)).doubleValue();
            Double finalLoss = row.isNullAt(3) ? null : row.getDouble(3);
            cells.add(new LrCell(row.getString(0), params, row.getString(1), steps, finalLoss));
        }
        return cells;
    }
}
