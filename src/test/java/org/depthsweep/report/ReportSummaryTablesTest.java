package org.depthsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.depthsweep.cli.Main;
import org.depthsweep.experiment.toy.ToyExperiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.SweepLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fit} and {@code report} on a synthetic toy sweep whose lr = 10 cells diverged, and whose depth-2 cells
 * at lr = 0.01 reach eps while their depth-1 partners do not, and checks what the summary tables and the report's
 * tables count.
 */
class ReportSummaryTablesTest {
    private static final String SWEEP_FILE = String.join("\n",
            "name = synthetic",
            "experiment = toy",
            "seed = 1",
            "steps = 100000",
            "p = 4",
            "grid { lr = [0.01, 10], depth = [1, 2], seed = [1, 2] }",
            "fit { tail_fraction = 0.1, eps = 0.2 }",
            "");
    private static final int CELLS = 8;
    private static final int DIVERGED = 4;

    @TempDir
    static Path tmp;

    private static Path sweepDir;
    private static String markdown;

    @BeforeAll
    static void fitAndReport() throws Exception {
        SyntheticSweep sweep = new SyntheticSweep(new ToyExperiment());
        List<Cell> cells = SweepLoader.parse(SWEEP_FILE, "sweep.conf", List.of()).cells();
        assertEquals(CELLS, cells.size());
        for (Cell cell : cells) {
            boolean diverged = cell.getDouble("lr") == 10;
            // depth 1 stays above eps = 0.2 (error 0.30 at the last step), depth 2 crosses it near step 24000
            double rate = cell.getLong("depth") == 1 ? 1e-4 : 1e-3;
            long[] steps = SyntheticSweep.logSteps(20, diverged ? 1000 : 100_000);
            sweep.addCell(cell.cellId(), cell.values(), steps, step -> {
                double error = diverged ? 1 + step : Math.pow(1 + rate * step, -0.5);
                Map<String, Double> point = new HashMap<>();
                point.put("error", error);
                point.put("loss", Math.pow(error, 4) / 4);
                return point;
            }, 1000, diverged ? "diverged" : "ok");
        }
        sweepDir = tmp.resolve("synthetic");
        sweep.write(sweepDir, SWEEP_FILE);

        runCli("fit", sweepDir.toString(), "--master", "local[2]");
        runCli("report", sweepDir.toString(), "--master", "local[2]");
        markdown = Files.readString(sweepDir.resolve("report").resolve("report.md"), StandardCharsets.UTF_8);
    }

    private static void runCli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = Main.execute(args);
            assertEquals(0, code, "exit code of " + String.join(" ", args) + "; output:\n" + captured);
        } finally {
            System.setOut(saved);
        }
    }

    private static long queryLong(String table, String select) throws Exception {
        String files = sweepDir.resolve(table).resolve("*.parquet").toString();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery(select.replace("TABLE", "read_parquet('" + files + "')"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Returns the cells of each pipe-table line of report.md section title, the header first. */
    private static List<List<String>> table(String title) {
        String section = markdown.substring(markdown.indexOf("## " + title));
        section = section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length()
                : section.indexOf("\n## ", 1));
        return section.lines()
                .filter(line -> line.startsWith("|") && !line.startsWith("| ---"))
                .map(line -> Arrays.stream(line.substring(1, line.length() - 1).split("\\|"))
                        .map(String::trim).toList())
                .toList();
    }

    private static String note(String title) {
        String section = markdown.substring(markdown.indexOf("## " + title));
        return section.lines().skip(2).findFirst().orElse("");
    }

    @Test
    void summariesLeaveOutDivergedCells() throws Exception {
        assertEquals(DIVERGED, queryLong("runs", "SELECT count(*) FROM TABLE WHERE status = 'diverged'"));
        assertEquals(CELLS, queryLong("fits", "SELECT count(DISTINCT cell_id) FROM TABLE"),
                "the per-cell fits table keeps every cell");
        assertEquals(0, queryLong("fits_summary", "SELECT count(*) FROM TABLE WHERE lr = 10"));
        assertEquals(CELLS - DIVERGED, queryLong("fits_summary",
                "SELECT sum(cells) FROM TABLE WHERE metric = 'error' AND \"window\" = 'auto'"));
        assertEquals(0, queryLong("acceleration_summary", "SELECT count(*) FROM TABLE WHERE lr = 10"));
        assertEquals(CELLS - DIVERGED, queryLong("acceleration_summary", "SELECT sum(cells) FROM TABLE"));
    }

    @Test
    void reportTablesLeaveOutDivergedCells() {
        List<List<String>> slopes = table("Slopes against theory");
        int lr = slopes.get(0).indexOf("lr");
        assertTrue(lr >= 0, "no lr column in " + slopes.get(0));
        for (List<String> row : slopes.subList(1, slopes.size())) {
            assertEquals("0.01", row.get(lr), "slope table row " + row);
        }
        String leftOut = "Failed and diverged cells are left out: " + DIVERGED + " of " + CELLS + " cells.";
        assertTrue(note("Slopes against theory").contains(leftOut), note("Slopes against theory"));
        assertTrue(note("Acceleration factors").contains(leftOut), note("Acceleration factors"));
    }

    /** Depth 2 at lr = 0.01 reached eps, but its partner did not, so it has no factor and is not counted. */
    @Test
    void reachedCountsCellsWithFactor() {
        List<List<String>> acceleration = table("Acceleration factors");
        List<String> header = acceleration.get(0);
        assertFalse(header.contains("reached eps"), header.toString());
        int reached = header.indexOf("reached");
        int factor = header.indexOf("mean factor");
        assertTrue(reached >= 0, "no reached column in " + header);
        assertEquals(2, acceleration.size(), "one depth-2 row: " + acceleration);
        List<String> row = acceleration.get(1);
        assertEquals("0", row.get(reached), "row " + row);
        assertEquals("-", row.get(factor), "row " + row);
    }
}
