package org.depthsweep.spark;

import java.util.List;

import org.depthsweep.sweep.Cell;

/**
 * Inputs of the driver for one sweep, taken from a loaded sweep specification.
 *
 * @param name             sweep name, the folder under the output root
 * @param experiment       experiment kind
 * @param cells            every cell of the grid
 * @param configText       the resolved sweep file, saved as {@code sweep.conf}
 * @param configHash       SHA-256 of {@code configText}
 * @param cellsPerTask     fixed cells per task, or 0 to choose from cost estimates
 * @param maxAttempts      attempts per cell while it throws
 * @param progressSeconds  seconds between progress lines
 */
public record SweepJob(String name, String experiment, List<Cell> cells, String configText, String configHash,
                       int cellsPerTask, int maxAttempts, double progressSeconds) {
    public SweepJob {
        cells = List.copyOf(cells);
    }
}
