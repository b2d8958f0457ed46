package org.depthsweep.cli;

/** Rejects a command-line value, such as an output path or a sweep directory that does not exist. */
final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidInputException(String message) {
        super(message);
    }

    InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
