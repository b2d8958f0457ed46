package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.analysis.FitJob;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.SweepStore;
import org.depthsweep.sweep.SweepLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a small toy sweep twice with different {@code steps}, so that the sweep folder contains the cells of two
 * settings, and checks that {@code fit} and {@code report} cover the cells of the saved sweep.conf as {@code run}
 * does, and every cell when sweep.conf is missing or unreadable.
 */
class FitCommandTest {
    private static final Path CONFIG = Paths.get("conf", "toy-lp.conf");
    /** 2 p x 2 depth x 2 init x 2 lr x 1 seed. */
    private static final int CELLS = 16;

    @TempDir
    Path tmp;

    private static CliRun.Result runCli(String... args) {
        CliRun.Result result = CliRun.run(args);
        assertEquals(0, result.code(), result.all());
        return result;
    }

    private static String[] sweepArgs(Path output, String steps) {
        return new String[] {"run", CONFIG.toString(), "--output", output.toString(), "--master", "local[2]",
                "--set", "steps=" + steps, "--set", "p=[3,4]", "--set", "grid.seed=[1]", "--no-fit"};
    }

    /** Runs the sweep with steps = 2000, then with steps = 3000, and returns the sweep folder. */
    private Path runTwice() {
        runCli(sweepArgs(tmp, "2000"));
        runCli(sweepArgs(tmp, "3000"));
        return tmp.resolve("toy-lp");
    }

    private static long count(Path sweep, String table, String where) throws SQLException {
        String files = sweep.resolve(table).resolve("*.parquet").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(DISTINCT cell_id) FROM read_parquet('" + files
                     + "')" + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sumOfCells(Path sweep, String table, String where) throws SQLException {
        String files = sweep.resolve(table).resolve("*.parquet").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sum(cells) FROM read_parquet('" + files + "')"
                     + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String reportTotalRow(Path sweep) throws Exception {
        String markdown = Files.readString(sweep.resolve("report").resolve("report.md"), StandardCharsets.UTF_8);
        return markdown.lines().filter(line -> line.startsWith("| total |")).findFirst().orElse(markdown);
    }

    @Test
    void fitUsesCellsOfSavedSweepFile() throws Exception {
        Path sweep = runTwice();
        assertEquals(2L * CELLS, count(sweep, "runs", ""));

        CliRun.Result fit = runCli("fit", sweep.toString(), "--master", "local[2]");
        assertTrue(fit.out().contains(CELLS + " cells of earlier runs with other settings are left out"), fit.all());
        assertFalse(fit.err().contains("warning: "), fit.all());
        String currentSteps = " WHERE steps = 3000";
        assertEquals(CELLS, count(sweep, "fits", ""));
        assertEquals(CELLS, count(sweep, "acceleration", ""));
        assertEquals(CELLS, sumOfCells(sweep, "fits_summary", " WHERE metric = 'error' AND \"window\" = 'auto'"));
        assertEquals(CELLS, sumOfCells(sweep, "fits_summary", currentSteps + " AND metric = 'error'"
                + " AND \"window\" = 'auto'"));
        assertEquals(CELLS, sumOfCells(sweep, "acceleration_summary", ""));

        runCli("report", sweep.toString(), "--master", "local[2]");
        assertEquals("| total | " + CELLS + " |", reportTotalRow(sweep));
    }

    @Test
    void fitCountsOnlyFittedCells() throws Exception {
        Path sweep = runTwice();
        Set<String> current = SweepDirs.currentCellIds(SweepLoader.load(CONFIG, List.of("steps=3000",
                "p=[3,4]", "grid.seed=[1]")));
        assertEquals(CELLS, current.size());

        SparkSession spark = SparkSessions.create("local[2]", "FitCommandTest");
        try {
            SweepStore store = new SweepStore(sweep.toString(), new Configuration());
            FitJob.Result currentFit = new FitJob(spark).fit(store, "toy", 0.1, 0.2, current);
            assertEquals(CELLS, currentFit.cells());
            FitJob.Result allFit = new FitJob(spark).fit(store, "toy", 0.1, 0.2, null);
            assertEquals(2 * CELLS, allFit.cells());
        } finally {
            SparkSessions.stop(spark);
        }
    }

    @Test
    void fitWithoutSweepFileUsesAllCells() throws Exception {
        Path sweep = runTwice();
        Path sweepFile = sweep.resolve("sweep.conf");

        Files.delete(sweepFile);
        CliRun.Result missing = runCli("fit", sweep.toString(), "--master", "local[2]");
        List<String> warnings = missing.err().lines().filter(line -> line.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), missing.all());
        assertTrue(warnings.get(0).contains("sweep.conf is missing, so fit uses every cell"), missing.all());
        assertEquals(2L * CELLS, count(sweep, "fits", ""));
        assertEquals(2L * CELLS, sumOfCells(sweep, "acceleration_summary", ""));

        Files.writeString(sweepFile, "name = toy-lp\nexperiment = no-such-kind\n", StandardCharsets.UTF_8);
        CliRun.Result unreadable = runCli("report", sweep.toString(), "--master", "local[2]");
        warnings = unreadable.err().lines().filter(line -> line.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), unreadable.all());
        assertTrue(warnings.get(0).contains("sweep.conf cannot be read ("), unreadable.all());
        assertTrue(warnings.get(0).contains("so the report covers every cell"), unreadable.all());
        assertEquals("| total | " + 2 * CELLS + " |", reportTotalRow(sweep));
    }

    @Test
    void fitKeepsTablesWhenNoCellIsCurrent() throws Exception {
        Path sweep = runTwice();
        runCli("fit", sweep.toString(), "--master", "local[2]");
        Path sweepFile = sweep.resolve("sweep.conf");
        String saved = Files.readString(sweepFile, StandardCharsets.UTF_8);
        String changed = saved.replaceFirst("steps\\s*[=:]\\s*3000", "steps = 4000");
        assertNotEquals(saved, changed, "the saved sweep file sets steps");
        Files.writeString(sweepFile, changed, StandardCharsets.UTF_8);

        CliRun.Result fit = CliRun.run("fit", sweep.toString(), "--master", "local[2]");
        assertEquals(Main.EXIT_BAD_INPUT, fit.code(), fit.all());
        assertTrue(fit.err().contains("none of the " + 2 * CELLS + " committed cells"), fit.all());
        assertTrue(fit.err().contains("Nothing was rewritten"), fit.all());
        assertEquals(CELLS, count(sweep, "fits", ""), "the fits of the earlier fit stay");

        CliRun.Result report = CliRun.run("report", sweep.toString(), "--master", "local[2]");
        assertEquals(Main.EXIT_BAD_INPUT, report.code(), report.all());
        assertFalse(Files.exists(sweep.resolve("report")), "no report is written");
    }
}
