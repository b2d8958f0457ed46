package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-cell input of {@link BestLearningRate}: the cell's parameters, its status and how soon it reached the target
 * loss.
 *
 * @param cellId        the cell's id
 * @param params        every parameter value, sorted by name; copied, and null values are kept
 * @param status        the runs-table status: {@code ok}, {@code diverged} or {@code failed}
 * @param stepsToTarget the step at which the loss first reached the sweep's target, or null when it did not; for the
 *                      linear experiment the {@code steps_to_target} result column, for other kinds a crossing of the
 *                      loss curve ({@link Crossing#firstStepAtOrBelow})
 * @param finalLoss     the loss at the last step, or null (NaN is kept and treated as not finite)
 */
public record LrCell(String cellId, SortedMap<String, Object> params, String status, Double stepsToTarget,
                     Double finalLoss) implements Serializable {
    /**
     * Validates the fields and copies the parameters.
     *
     * @throws IllegalArgumentException if stepsToTarget is negative or NaN
     */
    public LrCell {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(status, "status");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
        if (stepsToTarget != null && !(stepsToTarget >= 0)) {
            throw new IllegalArgumentException("cell " + cellId + ": stepsToTarget must be null or >= 0, got "
                    + stepsToTarget);
        }
    }
}
