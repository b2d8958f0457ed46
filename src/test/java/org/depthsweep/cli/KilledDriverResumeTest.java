package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    @Test
    void killedSweepResumesWithoutDuplicates() throws Exception {
        Process driver = DriverProcess.start(tmp, tmp.resolve("driver.log"), List.of());
        Path runs = tmp.resolve("toy-lp").resolve("runs");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (DriverProcess.committedBatches(runs) < KILL_AFTER_BATCHES && driver.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(driver.isAlive(), "the driver ended before it could be killed; log in "
                    + tmp.resolve("driver.log"));
        } finally {
            driver.destroyForcibly();
            driver.waitFor(60, TimeUnit.SECONDS);
        }
        long committedBeforeKill = DriverProcess.committedBatches(runs);
        assertTrue(committedBeforeKill >= KILL_AFTER_BATCHES);

        DriverProcess.InProcessRun second = DriverProcess.runInProcess(tmp);
        int code = second.code();
        String printed = second.printed();
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
