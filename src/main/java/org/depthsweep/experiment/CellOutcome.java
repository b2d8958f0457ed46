package org.depthsweep.experiment;

import java.util.Map;
import java.util.Objects;

/**
 * Result an experiment reports when a cell ends without an exception.
 *
 * @param status     {@link RunStatus#OK} or {@link RunStatus#DIVERGED}
 * @param message    why the cell stopped, for example {@code "reached target_error 1e-3"}; empty when it ran all steps
 * @param stepsRun   updates performed
 * @param finalLoss  loss at the last state, NaN when it is not finite
 * @param finalError error at the last state (for the toy problem {@code ||w - y||_2})
 * @param extras     values of the experiment's own result columns, by column name; may be empty
 */
public record CellOutcome(RunStatus status, String message, long stepsRun, double finalLoss, double finalError,
                          Map<String, Object> extras) {
    public CellOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        extras = Map.copyOf(extras);
        if (status == RunStatus.FAILED) {
            throw new IllegalArgumentException("an experiment reports failure by throwing, not as an outcome");
        }
    }
}
