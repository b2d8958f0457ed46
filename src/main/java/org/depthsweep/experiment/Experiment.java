package org.depthsweep.experiment;

import java.util.List;
import java.util.SortedMap;

import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;

/**
 * One kind of experiment. An implementation is stateless and does not depend on Spark: it declares its parameters and
 * columns, and runs one cell deterministically from the cell's values and derived seed.
 *
 * <p>Adding a kind means one implementation and one entry in {@link ExperimentRegistry}.
 */
public interface Experiment {
    /** Name used in sweep files ({@code experiment = toy}) and in the {@code experiment} column. */
    String name();

    /** Every parameter a sweep file may set for this kind, each becoming a column of the runs table. */
    List<ParamSpec> parameters();

    /** Curve columns after {@code cell_id} and {@code step}, in the order {@link CurveRecorder#record} takes. */
    List<ColumnSpec> curveColumns();

    /** Run-table columns of this kind beyond the common ones; values come from {@link CellOutcome#extras()}. */
    default List<ColumnSpec> resultColumns() {
        return List.of();
    }

    /**
     * Estimates the seconds one cell takes on one core. The driver only compares estimates, to pack cells into tasks
     * of even length; the default treats every cell alike.
     */
    default double estimatedSeconds(Cell cell) {
        return 1.0;
    }

    /**
     * Normalizes typed values and checks rules that involve several parameters. For example the toy experiment sets
     * {@code form = plain} at depth 1. The result decides the cell id, so values that do not change the cell's rows
     * should be normalized to one representative.
     *
     * @param values every declared parameter with its typed value (defaults filled in)
     * @return the normalized values
     * @throws org.depthsweep.sweep.SweepSpecException naming the parameters and values that do not fit together
     */
    SortedMap<String, Object> normalize(SortedMap<String, Object> values);

    /**
     * Checks that the files and folders the cells read exist and can be read from this JVM, so that a wrong
     * data path fails before any Spark job starts. The driver calls it once per run with every cell of the sweep.
     * The default reads nothing.
     *
     * <p>NOTE: executors on other machines must see the same paths (a shared file system); this check cannot tell.
     *
     * @throws org.depthsweep.sweep.SweepSpecException naming the parameter, its value, what is wrong and the fix
     */
    default void checkInputs(List<Cell> cells) {
    }

    /**
     * Returns the cells with a content fingerprint of the data files they read set as a parameter value, so that a
     * changed file gives new cell ids and its cells run again. The driver calls it once per run, after
     * {@link #checkInputs}, and runs the returned cells. The default returns the cells unchanged.
     *
     * @throws org.depthsweep.sweep.SweepSpecException naming the parameter, its value and the fix when a file cannot
     *                                                 be read
     */
    default List<Cell> withInputFingerprints(List<Cell> cells) {
        return cells;
    }

    /**
     * Runs one cell. Divergence is an outcome, not an exception; an exception marks the cell {@code failed}.
     *
     * @param cell     the cell, with normalized values
     * @param recorder receives the curve rows
     */
    CellOutcome run(Cell cell, CurveRecorder recorder);
}
