package org.depthsweep.experiment;

/** Final state of a cell, stored in the {@code status} column of the runs table. */
public enum RunStatus {
    /** Ran to {@code steps}, or stopped early at a target the cell set; the reason is in {@code message}. */
    OK,
    /** Stopped because the loss became non-finite or the error grew past the divergence bound. */
    DIVERGED,
    /** Threw an exception; the message contains it. A rerun of the sweep runs failed cells again. */
    FAILED;

    /** Returns the lower-case name stored in the tables. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
