package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends SIGINT, as Ctrl-C in a terminal does, or SIGTERM to a driver process in the middle of a sweep. The driver
 * must exit with code 130 or 143 after one line that states how to resume, without a stack trace. Rerunning the same
 * command must then complete the sweep with every cell once. Needs Linux with GNU coreutils 8.31 or newer, for kill
 * and env --default-signal.
 */
class InterruptedSweepTest {
    private static final long TIMEOUT_SECONDS = 300;
    private static final String MESSAGE = "sweep toy-lp interrupted: the cells committed so far are kept, and "
            + "running the same command again resumes it";

    @TempDir
    Path tmp;

    private Process startDriver(Path log) throws Exception {
        // A process that a non-interactive shell starts in the background, such as Maven in some CI set-ups,
        // inherits SIGINT as ignored, and the JVM then leaves it ignored. env restores the default action.
        return DriverProcess.start(tmp, log, List.of("env", "--default-signal=INT"));
    }

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void signalStopsSweepWithOneLine(String signal, int exitCode) throws Exception {
        Path log = tmp.resolve("driver.log");
        Path runs = tmp.resolve("toy-lp").resolve("runs");
        Process driver = startDriver(log);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (DriverProcess.committedBatches(runs) < 1 && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(driver.isAlive(), "the driver ended before SIG" + signal + "; log in " + log);

            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(driver.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "exit code of kill -" + signal);
            assertTrue(driver.waitFor(120, TimeUnit.SECONDS), "the driver did not exit after SIG" + signal);
        } finally {
            driver.destroyForcibly();
            driver.waitFor(60, TimeUnit.SECONDS);
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(exitCode, driver.exitValue(), printed);
        int messages = printed.split(Pattern.quote(MESSAGE), -1).length - 1;
        assertEquals(1, messages, "interrupt messages in:\n" + printed);
        assertFalse(printed.contains("\tat "), "stack trace in:\n" + printed);
        assertFalse(printed.contains("Exception"), "exception in:\n" + printed);
        assertFalse(Files.exists(tmp.resolve("toy-lp").resolve("_lock")), "the lock is released");
        long committedAtInterrupt = DriverProcess.committedBatches(runs);

        DriverProcess.InProcessRun second = DriverProcess.runInProcess(tmp);
        int code = second.code();
        String rerun = second.printed();
        assertEquals(0, code, rerun);
        int done = Integer.parseInt(rerun.replaceAll("(?s).*; (\\d+) were already done.*", "$1"));
        assertTrue(done >= 4 * committedAtInterrupt, "cells already done: " + done + "\n" + rerun);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM read_parquet('"
                     + runs.resolve("*.parquet") + "')")) {
            rs.next();
            assertEquals(96, rs.getLong(1), "rows in runs");
            assertEquals(96, rs.getLong(2), "distinct cells in runs");
        }
    }
}
