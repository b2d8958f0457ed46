package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** -V and --version print the same version line on the top-level command and on every subcommand. */
class VersionOptionTest {
    private static String versionOutput(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            code = Main.execute(args);
        } finally {
            System.setOut(savedOut);
        }
        assertEquals(0, code, String.join(" ", args));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandPrintsVersion() {
        String expected = versionOutput("--version");
        assertTrue(expected.startsWith("depthsweep "), expected);

        List<List<String>> commands = List.of(List.of("-V"), List.of("run", "-V"), List.of("run", "--version"),
                List.of("fit", "-V"), List.of("fit", "--version"), List.of("sql", "-V"),
                List.of("sql", "--version"), List.of("report", "-V"), List.of("report", "--version"));
        for (List<String> args : commands) {
            assertEquals(expected, versionOutput(args.toArray(String[]::new)), String.join(" ", args));
        }
    }
}
