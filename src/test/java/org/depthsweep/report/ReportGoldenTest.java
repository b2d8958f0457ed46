package org.depthsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.depthsweep.cli.Main;
import org.depthsweep.experiment.toy.ToyExperiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.SweepLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fit} and {@code report} through the command line on a fixed synthetic toy sweep and compares
 * report.md with a golden file. Its curves are closed-form, {@code error = a_seed * (1 + k * t)^(-b_seed / (p-2))}
 * with a_seed and b_seed a few percent from 1, so the tables are exactly reproducible and the seeds differ; the
 * figures are checked for presence and size.
 *
 * <p>After an intended change of the report, rerun with {@code -Ddepthsweep.updateGolden=true} to rewrite the
 * golden file, and review its diff.
 */
class ReportGoldenTest {
    private static final Path GOLDEN = Paths.get("src", "test", "resources", "report", "toy-report.md");
    private static final String UPDATE_PROPERTY = "depthsweep.updateGolden";
    private static final String SWEEP_FILE = String.join("\n",
            "name = synthetic",
            "experiment = toy",
            "description = \"Closed-form curves: depth 2 runs 1.7 times faster than depth 1\"",
            "seed = 1",
            "steps = 100000",
            "lr = 0.1",
            "grid { p = [3, 4], depth = [1, 2], seed = [1, 2, 3] }",
            "fit { tail_fraction = 0.1, eps = 0.2 }",
            "");

    @TempDir
    Path tmp;

    /**
     * Writes 2 p x 2 depth x 3 seeds of closed-form curves with 20 points per decade up to step 10^5, under the cell
     * ids and parameters of {@link #SWEEP_FILE}, so that fit and report take them as the sweep's current cells.
     */
    static void writeSweep(Path dir) throws IOException {
        SyntheticSweep sweep = new SyntheticSweep(new ToyExperiment());
        long[] steps = SyntheticSweep.logSteps(20, 100_000);
        for (Cell cell : SweepLoader.parse(SWEEP_FILE, "sweep.conf", List.of()).cells()) {
            double p = cell.getDouble("p");
            long depth = cell.getLong("depth");
            long seed = cell.getLong("seed");
            double rate = 0.1 * (depth == 2 ? 1.7 : 1.0);
            double amplitude = 1 + 0.02 * (seed - 2);
            double exponent = (1 + 0.01 * (seed - 2)) / (p - 2);
            boolean deep = depth == 2;
            sweep.addCell(cell.cellId(), cell.values(), steps, step -> {
                double error = amplitude * Math.pow(1 + rate * step, -exponent);
                Map<String, Double> point = new HashMap<>();
                point.put("error", error);
                point.put("loss", Math.pow(error, p) / p);
                point.put("scale", deep ? 1 + 0.3 * (1 - 1 / (1 + rate * step)) : null);
                return point;
            }, 1000 * depth);
        }
        sweep.write(dir, SWEEP_FILE);
    }

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

    @Test
    void reportMarkdownMatchesGolden() throws Exception {
        Path sweep = tmp.resolve("synthetic");
        writeSweep(sweep);
        runCli("fit", sweep.toString(), "--master", "local[2]");
        String printed = runCli("report", sweep.toString(), "--master", "local[2]");
        assertTrue(printed.contains("report with 7 figures and 3 tables"), printed);

        Path report = sweep.resolve("report");
        String markdown = Files.readString(report.resolve("report.md"), StandardCharsets.UTF_8);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(GOLDEN, markdown, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), markdown,
                "report.md differs from " + GOLDEN + "; if the change is intended, rerun with -D" + UPDATE_PROPERTY
                        + "=true and review the diff");

        List<String> figures = List.of("error-p3", "scale-p3", "error-p4", "scale-p4", "local-slope-p3",
                "local-slope-p4", "acceleration");
        for (String figure : figures) {
            Path png = report.resolve("figures").resolve(figure + ".png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(Charts.WIDTH, image.getWidth(), "width of " + png);
            assertEquals(Charts.HEIGHT, image.getHeight(), "height of " + png);
            String svg = Files.readString(report.resolve("figures").resolve(figure + ".svg"));
            assertTrue(svg.contains("<svg"), "no <svg element in " + figure + ".svg");
        }
        String html = Files.readString(report.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<img src=\"figures/error-p3.png\""), "index.html lacks the error-p3 image");
        assertTrue(html.contains("<td>last_decade</td>"), "index.html lacks the slope table");
    }
}
