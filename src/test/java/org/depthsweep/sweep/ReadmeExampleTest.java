package org.depthsweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sweep file shown in README.md loads as printed, so a new user can start from it. */
class ReadmeExampleTest {

    /** Returns the indented block of README.md that starts with {@code name = toy-lp}, without its indent. */
    private static String readmeSweepFile() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        StringBuilder block = new StringBuilder();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("    name = toy-lp")) {
                inside = true;
            }
            if (inside) {
                if (!line.startsWith("    ")) {
                    break;
                }
                block.append(line.substring(4)).append('\n');
            }
        }
        return block.toString();
    }

    @Test
    void sweepFileExampleLoads() throws IOException {
        String text = readmeSweepFile();
        assertTrue(text.contains("zip = "), "the example shows a zip group:\n" + text);
        SweepSpec spec = Sweeps.parse(text);
        assertEquals(4 * 2 * 3 * 3 * 2, spec.cells().size(), "p x depth x lr x seed x zip pairs");
    }
}
