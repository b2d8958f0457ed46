package org.depthsweep.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is not in the expected format: wrong magic number, wrong sizes, truncated or corrupt. */
public class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file   the file that failed to parse; its name starts the message
     * @param reason what is wrong and, where it helps, what to do
     */
    public IdxFormatException(Path file, String reason) {
        super("IDX file " + file + ": " + reason);
        this.file = file;
    }

    /** Like {@link #IdxFormatException(Path, String)}, keeping the low-level error as the cause. */
    public IdxFormatException(Path file, String reason, Throwable cause) {
        super("IDX file " + file + ": " + reason, cause);
        this.file = file;
    }

    /** Returns the file that failed to parse. */
    public Path file() {
        return file;
    }
}
