package org.depthsweep.store;

import java.io.IOException;

import org.apache.hadoop.fs.Path;

/**
 * A committed result file that is missing or cannot be read as Parquet. The message names the file and the fix, such
 * as the files to delete, so that a rerun computes the affected cells again.
 */
public final class CorruptFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    CorruptFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** Returns the missing or unreadable file. */
    public Path file() {
        return file;
    }
}
