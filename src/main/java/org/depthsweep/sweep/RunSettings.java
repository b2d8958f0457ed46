package org.depthsweep.sweep;

import java.io.Serializable;

/**
 * Driver settings of a sweep, from its {@code run} block.
 *
 * @param cellsPerTask    cells per Spark task, >= 0, where 0 lets the driver choose
 * @param maxAttempts     attempts per cell, in [1, {@value #MAX_ATTEMPTS_LIMIT}]
 * @param progressSeconds seconds between progress reports, finite and > 0
 * @param maxCells        cell count above which the driver prompts for confirmation before it runs the sweep, >= 1
 */
public record RunSettings(long cellsPerTask, long maxAttempts, double progressSeconds, long maxCells)
        implements Serializable {
    public static final long DEFAULT_CELLS_PER_TASK = 0;
    public static final long DEFAULT_MAX_ATTEMPTS = 1;
    public static final long MAX_ATTEMPTS_LIMIT = 10;
    public static final double DEFAULT_PROGRESS_SECONDS = 10;
    public static final long DEFAULT_MAX_CELLS = 100_000;

    /** The settings of a sweep file without a {@code run} block. */
    public static final RunSettings DEFAULTS = new RunSettings(DEFAULT_CELLS_PER_TASK, DEFAULT_MAX_ATTEMPTS,
            DEFAULT_PROGRESS_SECONDS, DEFAULT_MAX_CELLS);

    /** Checks every setting, written in the positive so that NaN fails. */
    public RunSettings {
        if (!(cellsPerTask >= 0)) {
            throw new IllegalArgumentException("cellsPerTask = " + cellsPerTask + ": must be >= 0");
        }
        if (!(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS_LIMIT)) {
            throw new IllegalArgumentException("maxAttempts = " + maxAttempts + ": must be in [1, "
                    + MAX_ATTEMPTS_LIMIT + "]");
        }
        if (!(progressSeconds > 0 && Double.isFinite(progressSeconds))) {
            throw new IllegalArgumentException("progressSeconds = " + progressSeconds
                    + ": must be a finite number > 0");
        }
        if (!(maxCells >= 1)) {
            throw new IllegalArgumentException("maxCells = " + maxCells + ": must be >= 1");
        }
    }
}
