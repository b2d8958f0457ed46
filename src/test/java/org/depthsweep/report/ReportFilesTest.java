package org.depthsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.depthsweep.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report command replaces only the files it writes, and stops when SWEEP_DIR/report is a regular file. */
class ReportFilesTest {
    /** Exit code for invalid input. */
    private static final int EXIT_BAD_INPUT = 2;

    @TempDir
    Path tmp;

    private static CliRun.Result report(Path sweep) {
        return CliRun.run("report", sweep.toString(), "--master", "local[2]");
    }

    @Test
    void reportFileRejected() throws IOException {
        Path sweep = tmp.resolve("synthetic");
        ReportGoldenTest.writeSweep(sweep);
        Path file = Files.writeString(sweep.resolve("report"), "the user's own file");

        CliRun.Result result = report(sweep);

        assertEquals(EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("report folder " + file), result.all());
        assertTrue(result.err().contains("Fix: move or rename the file"), result.all());
        assertEquals("the user's own file", Files.readString(file), "file changed");
    }

    @Test
    void otherFilesKept() throws IOException {
        Path sweep = tmp.resolve("synthetic");
        ReportGoldenTest.writeSweep(sweep);
        CliRun.Result first = report(sweep);
        assertEquals(0, first.code(), first.all());
        Path folder = sweep.resolve("report");
        Path figures = folder.resolve("figures");
        Path notes = Files.writeString(folder.resolve("notes.txt"), "my notes");
        Path ownFigure = Files.writeString(figures.resolve("mine.png"), "my figure");
        // A figure that an earlier report wrote and listed, but that the sweep no longer has.
        Path staleFigure = Files.writeString(figures.resolve("error-p5.png"), "stale");
        Files.writeString(folder.resolve(ReportJob.MANIFEST), "figures/error-p5.png\n", StandardOpenOption.APPEND);
        Path index = folder.resolve(ReportJob.INDEX_HTML);
        Files.writeString(index, "an index.html from an earlier report");

        CliRun.Result second = report(sweep);

        assertEquals(0, second.code(), second.all());
        assertEquals("my notes", Files.readString(notes));
        assertEquals("my figure", Files.readString(ownFigure));
        assertFalse(Files.exists(staleFigure), "stale figure kept");
        assertNotEquals("an index.html from an earlier report", Files.readString(index));
        assertTrue(Files.readString(index).contains("<img src=\"figures/error-p3.png\""), "index.html rewritten");
        assertTrue(Files.exists(figures.resolve("error-p3.svg")));
        assertFalse(Files.readString(folder.resolve(ReportJob.MANIFEST)).contains("error-p5"), "manifest");
        try (var staging = Files.list(sweep.resolve("_staging"))) {
            assertEquals(0, staging.count(), "staging folders left");
        }
    }
}
