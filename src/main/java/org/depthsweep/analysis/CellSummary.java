package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per-cell input of {@link Acceleration}: the cell's parameters, its run size and the step at which it reached eps.
 *
 * @param cellId     the cell's id
 * @param params     every parameter value of the cell, sorted by name; copied, and null values are kept
 * @param stepsRun   steps the cell ran; >= 0
 * @param wallMs     wall-clock milliseconds of the run; >= 0
 * @param stepsToEps step at which the error first reached eps, as {@link Crossing#firstStepAtOrBelow} returns
 *                   it, or null when it never did
 */
public record CellSummary(String cellId, SortedMap<String, Object> params, long stepsRun, long wallMs,
                          Double stepsToEps) implements Serializable {
    /**
     * Validates the fields and copies the parameters.
     *
     * @throws IllegalArgumentException if stepsRun, wallMs or stepsToEps is negative, or stepsToEps is NaN
     */
    public CellSummary {
        Objects.requireNonNull(cellId, "cellId");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
        if (stepsRun < 0 || wallMs < 0) {
            throw new IllegalArgumentException("cell " + cellId + ": stepsRun and wallMs must be >= 0, got stepsRun = "
                    + stepsRun + ", wallMs = " + wallMs);
        }
        if (stepsToEps != null && !(stepsToEps >= 0)) {
            throw new IllegalArgumentException("cell " + cellId + ": stepsToEps must be null or >= 0, got "
                    + stepsToEps);
        }
    }

    /**
     * Returns the estimated wall-clock seconds to eps, from {@link Crossing#secondsToStep}, or null when the cell
     * never reached eps or its wallMs is 0 (below the timer's resolution).
     */
    public Double secondsToEps() {
        return Crossing.secondsToStep(stepsToEps, stepsRun, wallMs);
    }
}
