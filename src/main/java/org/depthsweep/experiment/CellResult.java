package org.depthsweep.experiment;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import org.depthsweep.sweep.Cell;

/**
 * Everything one cell produced: its run-table values and its curve rows.
 *
 * @param cell       the cell that ran
 * @param status     final state
 * @param message    why it stopped, or the exception for a failed cell
 * @param stepsRun   updates performed; 0 for a failed cell
 * @param finalLoss  loss at the last state, or NaN
 * @param finalError error at the last state, or NaN
 * @param wallMs     wall-clock milliseconds spent in the experiment
 * @param wallNanos  the same in nanoseconds, for sums over many short cells
 * @param outcome    the experiment's outcome, or null for a failed cell
 * @param curve      curve rows as {@code [step, value...]}; empty for a failed cell
 */
public record CellResult(Cell cell, RunStatus status, String message, long stepsRun, double finalLoss,
                         double finalError, long wallMs, long wallNanos, CellOutcome outcome, List<Object[]> curve)
        implements Serializable {
    public CellResult {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        curve = List.copyOf(curve);
    }
}
