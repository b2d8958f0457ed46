package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a driver process with SIGKILL in the middle of a sweep, reruns the sweep and checks that every cell is in
 * the tables exactly once and that the rerun ran only the missing cells.
 */
class KilledDriverResumeTest {
    private static final long KILL_AFTER_BATCHES = 2;
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path tmp;

    private static List<String> sweepArgs(Path output) {
        return List.of("run", Paths.get("conf", "toy-lp.conf").toString(), "--output", output.toString(),
                "--set", "steps=3000000", "--set", "run.cells_per_task=4", "--no-fit");
    }

    private static long committedBatches(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }

    @Test
    void killedSweepResumesWithoutDuplicates() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Paths.get("conf", "jvm.options").toAbsolutePath());
        command.add("-Dlog4j2.configurationFile=" + Paths.get("conf", "log4j2-test.properties").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(sweepArgs(tmp));
        Process driver = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("driver.log").toFile())
                .start();
        Path runs = tmp.resolve("toy-lp").resolve("runs");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (committedBatches(runs) < KILL_AFTER_BATCHES && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(driver.isAlive(), "the driver ended before it could be killed; log in "
                    + tmp.resolve("driver.log"));
        } finally {
            driver.destroyForcibly();
            driver.waitFor(60, TimeUnit.SECONDS);
        }
        long committedBeforeKill = committedBatches(runs);
        assertTrue(committedBeforeKill >= KILL_AFTER_BATCHES);

        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = Main.execute(sweepArgs(tmp).toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM read_parquet('"
                     + runs.resolve("*.parquet") + "')")) {
            rs.next();
            assertEquals(96, rs.getLong(1), "rows in runs");
            assertEquals(96, rs.getLong(2), "distinct cells in runs");
        }
        int done = Integer.parseInt(printed.replaceAll("(?s).*; (\\d+) were already done.*", "$1"));
        assertTrue(done >= 4 * committedBeforeKill, "cells already done: " + done + "\n" + printed);
        assertTrue(printed.contains("ran " + (96 - done) + " cells"), printed);
        assertFalse(Files.exists(tmp.resolve("toy-lp").resolve("_lock")), "the lock is released");
    }
}
