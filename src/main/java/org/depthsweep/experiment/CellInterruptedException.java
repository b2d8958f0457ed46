package org.depthsweep.experiment;

/**
 * Thrown by an experiment's loop when its thread is interrupted, as Spark interrupts the tasks of a cancelled job.
 * {@link CellRunner} passes it on rather than recording the cell as failed, so the cell runs again in a later run.
 */
public final class CellInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CellInterruptedException() {
        super("the cell stopped because its thread was interrupted");
    }

    /** Throws when the current thread is interrupted. Loops call it at least every few seconds of work. */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CellInterruptedException();
        }
    }
}
