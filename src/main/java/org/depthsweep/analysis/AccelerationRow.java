package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.Objects;

/**
 * How much faster one cell reached eps than its depth-1 partner, in steps and in estimated wall-clock time.
 *
 * <p>A factor above 1 means this cell reached eps in fewer steps (or less time) than its partner. Each factor is
 * {@code partner / this}; it is 1.0 when both are 0, and null when either is null or only this cell's value is 0.
 *
 * @param cellId              the cell's id
 * @param partnerCellId       id of the depth-1 partner; the cell itself at depth 1; null when there is none
 * @param eps                 error threshold that stepsToEps refers to
 * @param stepsToEps          step at which this cell reached eps, or null
 * @param partnerStepsToEps   step at which the partner reached eps, or null
 * @param factor              {@code partnerStepsToEps / stepsToEps}, or null
 * @param secondsToEps        estimated seconds until this cell reached eps, or null when it did not or its
 *                            wall_ms is 0 (below the timer's resolution)
 * @param partnerSecondsToEps estimated seconds until the partner reached eps, or null as for secondsToEps
 * @param timeFactor          {@code partnerSecondsToEps / secondsToEps}, or null
 */
public record AccelerationRow(String cellId, String partnerCellId, double eps, Double stepsToEps,
                              Double partnerStepsToEps, Double factor, Double secondsToEps,
                              Double partnerSecondsToEps, Double timeFactor) implements Serializable {
    public AccelerationRow {
        Objects.requireNonNull(cellId, "cellId");
    }

    /** Returns whether this cell reached eps. */
    public boolean reachedEps() {
        return stepsToEps != null;
    }
}
