package org.depthsweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.depthsweep.cli.Main;
import org.depthsweep.sweep.SweepLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every sweep file in conf/, shortened with --set, with {@code run --report}, opens each index.html from disk
 * in headless Chromium and checks that every image loads and every table has rows.
 *
 * <p>Chromium must be installed: Debian's {@code chromium} package, which .ci/run installs when it is missing. Set
 * the {@code CHROMIUM} environment variable to use another executable. Screenshots of the pages are saved under
 * target/report-browser/ for a person to look at.
 */
class ReportBrowserTest {
    private static final Path CONF = Paths.get("conf");
    private static final Path SCREENSHOTS = Paths.get("target", "report-browser");

    /**
     * The --set overrides that make each shipped sweep file small enough for the test suite. A new sweep file in
     * conf/ needs an entry here; the test fails until it has one.
     */
    private static final Path MNIST_10K = Path.of(System.getProperty("user.dir")).resolve("../shared/data/mnist-10k")
            .normalize();

    /** Overrides that make each shipped sweep file run in seconds; {@code ETHANOL_CSV} is replaced by a path. */
    private static final Map<String, List<String>> SHORTENED = Map.of(
            "toy-lp.conf", List.of("steps=20000", "grid.seed=[1,2]"),
            "bench-1000.conf", List.of("steps=20000", "lr={log=[0.001,0.1],count=3}"),
            "bench-scaling.conf", List.of("steps=20000", "lr={log=[0.001,0.01],count=3}"),
            "linear-lp4.conf", List.of("steps=2000", "lr={log=[0.01,1],count=3}"),
            "linear-lp2.conf", List.of("steps=2000", "lr={log=[0.01,1],count=3}"),
            "linear-ethanol.conf", List.of("steps=500", "width=8", "lr={log=[0.001,0.1],count=3}",
                    "data.path=ETHANOL_CSV"),
            "mnist-lenet.conf", List.of("data.dir=" + MNIST_10K, "epochs=1", "train_size=256", "record_every=2",
                    "grid.seed=[1]"));

    /** Writes a small CSV in the shape of the Ethanol task: 128 numeric features and a concentration target. */
    private static Path writeEthanolCsv(Path dir) throws java.io.IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < 128; j++) {
            csv.append('f').append(j).append(',');
        }
        csv.append("concentration\n");
        // More rows than features, so the l_2 cells have a least-squares optimum and error curves to draw.
        for (int i = 0; i < 200; i++) {
            double target = 0;
            for (int j = 0; j < 128; j++) {
                double x = random.nextGaussian();
                target += x * (j % 5) * 0.01;
                csv.append(x).append(',');
            }
            csv.append(target).append('\n');
        }
        Path file = dir.resolve("ethanol.csv");
        Files.writeString(file, csv);
        return file;
    }

    /**
     * Waits for the page's load event (all images loaded or failed), then returns each image's source and natural
     * width, and the body row count of each table.
     */
    private static final String INSPECT_PAGE = String.join("\n",
            "new Promise(resolve => {",
            "  const inspect = () => resolve({",
            "    href: location.href,",
            "    images: Array.from(document.images).map(image => ({",
            "      src: image.getAttribute('src'), complete: image.complete, width: image.naturalWidth})),",
            "    tables: Array.from(document.querySelectorAll('table')).map(table =>",
            "      table.querySelectorAll('tbody tr').length)",
            "  });",
            "  if (document.readyState === 'complete') { inspect(); } else { window.addEventListener('load', inspect); }",
            "})");

    /** Seconds to wait for Chromium to replace its first blank page with the report. */
    private static final long PAGE_TIMEOUT_SECONDS = 60;

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

    private static List<Path> sweepFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(CONF, "*.conf")) {
            stream.forEach(files::add);
        }
        files.sort(null);
        return files;
    }

    @Test
    void everyConfigReportLoadsInChromium() throws Exception {
        String chromium = HeadlessChromium.findCommand();
        assertNotNull(chromium, "Chromium not found on the PATH. Install Debian's package (apt-get install -y "
                + "chromium, as .ci/run does), or set CHROMIUM to a Chromium executable.");
        Files.createDirectories(SCREENSHOTS);

        List<Path> files = sweepFiles();
        assertFalse(files.isEmpty(), "no *.conf file in " + CONF.toAbsolutePath());
        for (Path file : files) {
            List<String> sets = SHORTENED.get(file.getFileName().toString());
            if (sets != null && sets.stream().anyMatch(set -> set.contains("ETHANOL_CSV"))) {
                String csv = writeEthanolCsv(tmp).toString();
                sets = sets.stream().map(set -> set.replace("ETHANOL_CSV", csv)).toList();
            }
            if (sets == null) {
                fail(file + " has no shortened form in ReportBrowserTest.SHORTENED; add the --set overrides that "
                        + "make it run in seconds");
            }
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--output", tmp.toString(),
                    "--master", "local[2]", "--report"));
            for (String set : sets) {
                args.add("--set");
                args.add(set);
            }
            runCli(args.toArray(String[]::new));

            String name = SweepLoader.load(file, sets).name();
            Path index = tmp.resolve(name).resolve("report").resolve("index.html");
            assertTrue(Files.isRegularFile(index), index + " was not written");
            checkPage(chromium, index, name);
        }
    }

    private void checkPage(String chromium, Path index, String name) throws Exception {
        Path profile = Files.createDirectory(tmp.resolve("chromium-profile-" + name));
        String url = index.toUri().toString();
        try (HeadlessChromium browser = HeadlessChromium.open(chromium, url, profile)) {
            // Chromium lists the page under its URL before the navigation from the initial blank document commits,
            // so an early evaluation can see about:blank; evaluate again until the report itself responds.
            JsonNode page = null;
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(PAGE_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline) {
                try {
                    page = browser.evaluate(INSPECT_PAGE);
                    if (page.path("href").asText().startsWith("file:")) {
                        break;
                    }
                } catch (IOException e) {
                    page = null;
                }
                Thread.sleep(200);
            }
            assertNotNull(page, name + ": Chromium did not return the page within " + PAGE_TIMEOUT_SECONDS + " s");
            assertTrue(page.path("href").asText().startsWith("file:"), name + ": Chromium still shows "
                    + page.path("href").asText());
            try {
                browser.screenshot(SCREENSHOTS.resolve(name + ".png"));
            } catch (IOException e) {
                // The screenshot is for people only; the checks below decide the test.
                System.err.println("warning: no screenshot of " + name + ": " + e.getMessage());
            }

            JsonNode images = page.path("images");
            assertTrue(images.size() > 0, name + ": index.html has no images");
            for (JsonNode image : images) {
                assertTrue(image.path("complete").asBoolean(), name + ": image not loaded: " + image);
                assertTrue(image.path("width").asInt() > 0, name + ": image did not decode: " + image);
            }
            JsonNode tables = page.path("tables");
            assertTrue(tables.size() >= 2, name + ": expected the runs and slope tables, got " + tables);
            for (int i = 0; i < tables.size(); i++) {
                assertTrue(tables.get(i).asInt() > 0, name + ": table " + i + " has no rows");
            }
        }
    }
}
