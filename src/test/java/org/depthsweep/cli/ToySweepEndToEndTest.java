package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shipped toy sweep file, shortened with --set, through the command line on local Spark, and reads the
 * tables back with DuckDB, whose Parquet reader shares no code with the writer.
 */
class ToySweepEndToEndTest {
    private static final Path CONFIG = Paths.get("conf", "toy-lp.conf");

    @TempDir
    Path tmp;

    private static String runCli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = Main.execute(args);
            assertEquals(0, code, "exit code of " + String.join(" ", args) + "; output:\n" + captured);
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static List<String> columns(Statement statement, String glob) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob + "')")) {
            while (rs.next()) {
                names.add(rs.getString("column_name") + ":" + rs.getString("column_type"));
            }
        }
        return names;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void shortenedToySweepWritesReadableTables() throws Exception {
        String output = tmp.toString();
        String printed = runCli("run", CONFIG.toString(), "--output", output, "--set", "steps=20000",
                "--set", "p=[3,4]", "--set", "lr=0.1", "--set", "grid.seed=[1,2]");
        assertTrue(printed.contains("slope"), printed);

        Path sweep = tmp.resolve("toy-lp");
        assertTrue(Files.isRegularFile(sweep.resolve("sweep.conf")));
        // 2 p x 2 depth x 2 init x 2 seeds
        int cells = 16;

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            String runs = sweep.resolve("runs").resolve("*.parquet").toString();
            String curves = sweep.resolve("curves").resolve("*.parquet").toString();
            String fits = sweep.resolve("fits").resolve("*.parquet").toString();

            List<String> runColumns = columns(statement, runs);
            for (String expected : List.of("cell_id:VARCHAR", "sweep:VARCHAR", "experiment:VARCHAR", "p:DOUBLE",
                    "lr:DOUBLE", "depth:BIGINT", "form:VARCHAR", "width:BIGINT", "init:VARCHAR",
                    "init_scale:DOUBLE", "seed:BIGINT", "steps:BIGINT", "y1:DOUBLE", "y2:DOUBLE", "status:VARCHAR",
                    "message:VARCHAR", "steps_run:BIGINT", "final_loss:DOUBLE", "final_error:DOUBLE",
                    "wall_ms:BIGINT", "derived_seed:BIGINT", "tool_version:VARCHAR", "git_commit:VARCHAR",
                    "config_hash:VARCHAR", "java_version:VARCHAR", "spark_version:VARCHAR",
                    "nd4j_version:VARCHAR", "host:VARCHAR")) {
                assertTrue(runColumns.contains(expected), expected + " missing from " + runColumns);
            }
            assertEquals(List.of("cell_id:VARCHAR", "step:BIGINT", "loss:DOUBLE", "error:DOUBLE", "scale:DOUBLE"),
                    columns(statement, curves));
            for (String expected : List.of("cell_id:VARCHAR", "metric:VARCHAR", "slope:DOUBLE",
                    "slope_stderr:DOUBLE", "intercept:DOUBLE", "from_step:BIGINT", "to_step:BIGINT",
                    "points:BIGINT", "theory_slope:DOUBLE")) {
                assertTrue(columns(statement, fits).contains(expected), expected);
            }

            assertEquals(cells, count(statement, "SELECT count(*) FROM read_parquet('" + runs + "')"));
            assertEquals(cells, count(statement, "SELECT count(DISTINCT cell_id) FROM read_parquet('" + runs
                    + "')"));
            assertEquals(cells, count(statement, "SELECT count(*) FROM read_parquet('" + runs
                    + "') WHERE status = 'ok'"));
            assertEquals(0, count(statement, "SELECT count(*) FROM read_parquet('" + runs
                    + "') WHERE depth = 1 AND (form <> 'plain' OR width IS NOT NULL)"));
            assertEquals(cells, count(statement, "SELECT count(DISTINCT cell_id) FROM read_parquet('" + curves
                    + "')"));
            // an error and a loss fit per cell, over the last decade and over the detected window
            assertEquals(2L * cells, count(statement, "SELECT count(*) FROM read_parquet('" + fits
                    + "') WHERE \"window\" = 'last_decade'"));
            assertEquals(2L * cells, count(statement, "SELECT count(*) FROM read_parquet('" + fits
                    + "') WHERE \"window\" = 'auto'"));
            assertEquals(0, count(statement, "SELECT count(*) FROM (SELECT cell_id, step FROM read_parquet('"
                    + curves + "') GROUP BY cell_id, step HAVING count(*) > 1)"));
        }

        String rerun = runCli("run", CONFIG.toString(), "--output", output, "--set", "steps=20000",
                "--set", "p=[3,4]", "--set", "lr=0.1", "--set", "grid.seed=[1,2]", "--no-fit");
        assertTrue(rerun.contains("ran 0 cells"), rerun);
        assertTrue(rerun.contains(cells + " were already done"), rerun);

        String extended = runCli("run", CONFIG.toString(), "--output", output, "--set", "steps=20000",
                "--set", "p=[3,4,6]", "--set", "lr=0.1", "--set", "grid.seed=[1,2]", "--no-fit");
        assertTrue(extended.contains("ran 8 cells"), extended);
        assertTrue(extended.contains(cells + " were already done"), extended);

        String query = runCli("sql", sweep.toString(),
                "SELECT count(*) AS n FROM runs WHERE p = 6");
        assertTrue(query.contains("|8  |"), query);
    }

    /**
     * Runs conf/toy-lp.conf unchanged (96 cells of 10^7 steps, about 20 s on 2 cores) and checks the median fitted
     * error slope per p and depth against -1/(p-2): within 0.005 at depth 1 and 0.03 at scalar depth 2.
     */
    @Test
    void toySweepSlopesMatchTheory() throws Exception {
        runCli("run", CONFIG.toString(), "--output", tmp.toString());
        Path sweep = tmp.resolve("toy-lp");
        String runs = sweep.resolve("runs").resolve("*.parquet").toString();
        String fits = sweep.resolve("fits").resolve("*.parquet").toString();
        int groups = 0;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT r.p, r.depth, median(f.slope) AS slope, count(*) AS n "
                     + "FROM read_parquet('" + runs + "') r JOIN read_parquet('" + fits + "') f USING (cell_id) "
                     + "WHERE f.metric = 'error' AND f.\"window\" = 'last_decade' GROUP BY r.p, r.depth "
                     + "ORDER BY r.p, r.depth")) {
            while (rs.next()) {
                double p = rs.getDouble("p");
                long depth = rs.getLong("depth");
                double slope = rs.getDouble("slope");
                double theory = -1.0 / (p - 2);
                double tolerance = depth == 1 ? 0.005 : 0.03;
                assertEquals(theory, slope, tolerance, "median error slope at p = " + p + ", depth " + depth);
                assertEquals(12, rs.getLong("n"), "cells at p = " + p + ", depth " + depth);
                groups++;
            }
        }
        assertEquals(8, groups);
    }
}
