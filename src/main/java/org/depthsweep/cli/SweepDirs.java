package org.depthsweep.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.depthsweep.store.SweepStore;
import org.depthsweep.sweep.SweepLoader;
import org.depthsweep.sweep.SweepSpec;

/** Opens existing sweep directories by their saved {@code sweep.conf}. */
final class SweepDirs {
    private SweepDirs() {
    }

    /** Loads the resolved sweep file saved in a sweep directory (a local path or any Hadoop file system URI). */
    static SweepSpec loadSpec(String sweepDir) throws IOException {
        Path dir = new Path(sweepDir);
        FileSystem fs = dir.getFileSystem(new Configuration());
        if (!fs.exists(dir)) {
            throw new InvalidInputException("sweep directory " + sweepDir + " does not exist; give OUTPUT/<name> "
                    + "of a sweep that has run");
        }
        Path file = new Path(dir, SweepStore.SWEEP_FILE);
        String text;
        try (InputStream in = fs.open(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new InvalidInputException(sweepDir + " has no " + SweepStore.SWEEP_FILE
                    + "; it is not a sweep directory written by depthsweep run");
        }
        return SweepLoader.parse(text, file.toString(), List.of());
    }
}
