package org.depthsweep.data;

/**
 * Rejects a data file or data settings. The message names the file and, where it applies, the line and column, the
 * rule that failed and how to fix it.
 */
public final class InvalidDataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
