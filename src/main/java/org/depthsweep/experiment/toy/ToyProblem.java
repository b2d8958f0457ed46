package org.depthsweep.experiment.toy;

import org.depthsweep.sweep.Cell;

/** Typed settings of one toy cell. */
record ToyProblem(double p, double lr, int depth, String form, int width, String init, double initScale,
                  long derivedSeed, long steps, double y1, double y2, Double targetError, double divergenceFactor,
                  int pointsPerDecade) {

    static ToyProblem of(Cell cell) {
        Object width = cell.get("width");
        return new ToyProblem(cell.getDouble("p"), cell.getDouble("lr"), (int) cell.getLong("depth"),
                cell.getString("form"), width == null ? 0 : (int) (long) (Long) width, cell.getString("init"),
                cell.getDouble("init_scale"), cell.derivedSeed(), cell.getLong("steps"), cell.getDouble("y1"),
                cell.getDouble("y2"), cell.getDoubleOrNull("target_error"), cell.getDouble("divergence_factor"),
                (int) cell.getLong("points_per_decade"));
    }
}
