package org.depthsweep.sweep;

/**
 * Rejects a sweep specification. The message names the file, the key, the value, the rule it breaks and how to fix
 * it, and is raised before any Spark job starts.
 */
public final class SweepSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SweepSpecException(String message) {
        super(message);
    }
}
