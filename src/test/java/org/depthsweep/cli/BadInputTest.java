package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the run command bad input on local Spark: names and links that leave the output root, damaged committed
 * files, grids above run.max_cells and unknown file systems. Each must end with exit code 2, a message that names the
 * value and the fix, and no file written.
 */
class BadInputTest {
    private static final Path CONFIG = Paths.get("conf", "toy-lp.conf");
    /** 2 p x 2 depth x 2 init x 2 lr x 1 seed. */
    private static final int CELLS = 16;

    @TempDir
    Path tmp;

    /** Arguments of a small toy sweep of {@value #CELLS} cells in 4 batches, plus extra arguments. */
    private static String[] sweep(Object output, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", CONFIG.toString(), "--output", output.toString(),
                "--set", "steps=2000", "--set", "p=[3,4]", "--set", "grid.seed=[1]", "--set", "run.cells_per_task=4",
                "--no-fit"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }

    /**
     * Returns every file and folder under a root with its size and modification time, to show that nothing
     * changed. The staging folder is left out because a run removes what an interrupted write left there before it
     * reads anything.
     */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (root.relativize(path).toString().contains("_staging")) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                files.put(root.relativize(path).toString(), attributes.isDirectory() ? "dir"
                        : attributes.size() + " bytes, modified " + attributes.lastModifiedTime().toMillis());
            }
        }
        return files;
    }

    private static List<Path> parts(Path table) throws IOException {
        try (Stream<Path> files = Files.list(table)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }

    /** Returns the rows and the distinct cell ids of a sweep's runs table, read by DuckDB. */
    private static long[] runsCount(Path sweep) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM read_parquet('"
                     + sweep.resolve("runs").resolve("*.parquet") + "')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    @Test
    void missingMnistFolderIsRejected() throws IOException {
        Path output = tmp.resolve("out");
        Path missing = tmp.resolve("no-such-folder");
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run("run", "conf/mnist-lenet.conf", "--output", output.toString(), "--set",
                "data.dir=" + missing, "--no-fit");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("data.dir"), result.all());
        assertTrue(result.err().contains(missing + ": MNIST data folder not found"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void truncatedMnistFileIsRejected() throws IOException {
        Path output = tmp.resolve("out");
        Path data = Files.createDirectories(tmp.resolve("data"));
        Path shared = Paths.get("..", "shared", "data", "mnist-10k");
        for (String name : List.of("train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(shared.resolve(name), data.resolve(name));
        }
        byte[] images = Files.readAllBytes(shared.resolve("train-images-idx3-ubyte.gz"));
        Files.write(data.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(images, images.length / 2));
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run("run", "conf/mnist-lenet.conf", "--output", output.toString(), "--set",
                "data.dir=" + data, "--no-fit");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("data.dir " + data), result.all());
        assertTrue(result.err().contains("train-images-idx3-ubyte.gz"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void missingCsvFileIsRejected() throws IOException {
        Path output = tmp.resolve("out");
        Path missing = tmp.resolve("no-such-file.csv");
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run("run", "conf/linear-ethanol.conf", "--output", output.toString(), "--set",
                "data.path=" + missing, "--no-fit");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains(missing + ": CSV file not found"), result.all());
        assertTrue(result.err().contains("data.path"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void csvSettingOnSyntheticSweepIsRejected() throws IOException {
        Path output = tmp.resolve("out");
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run("run", "conf/linear-lp4.conf", "--output", output.toString(), "--set",
                "data.path=/nonexistent.csv", "--no-fit");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("--set data.path=/nonexistent.csv: data.path = \"/nonexistent.csv\""),
                result.all());
        assertTrue(result.err().contains("every cell has data.source = synthetic"), result.all());
        assertTrue(result.err().contains("Fix: set data.source = csv"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void nonNumericCsvFieldIsRejected() throws IOException {
        Path output = tmp.resolve("out");
        Path csv = Files.writeString(tmp.resolve("bad.csv"), "f0,f1,concentration\n1,2,3\n4,abc,6\n");
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run("run", "conf/linear-ethanol.conf", "--output", output.toString(), "--set",
                "data.path=" + csv, "--set", "data.target=concentration", "--no-fit");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("data.path = " + csv), result.all());
        assertTrue(result.err().contains("'abc' is not a number"), result.all());
        assertTrue(result.err().contains("Fix the file"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void sweepNameLeavingRootIsRejected() throws IOException {
        Path output = tmp.resolve("out");
        Map<String, String> before = snapshot(tmp);
        CliRun.Result result = CliRun.run(sweep(output, "--set", "name=../escaped"));

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("name"), result.all());
        assertTrue(result.err().contains("../escaped"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void symlinkLeavingRootIsRejected() throws IOException {
        Path output = Files.createDirectories(tmp.resolve("out"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(output.resolve("toy-lp"), elsewhere);
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run(sweep(output));

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("outside the output root"), result.all());
        assertTrue(result.err().contains(link.toString()), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void outputRootThatIsFileIsRejected() throws IOException {
        Path output = Files.writeString(tmp.resolve("out"), "a file, not a folder");
        Map<String, String> before = snapshot(tmp);

        CliRun.Result result = CliRun.run(sweep(output));

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("output root"), result.all());
        assertTrue(result.err().contains("is not a directory"), result.all());
        assertEquals(before, snapshot(tmp), "files written");
    }

    @Test
    void unknownFileSystemIsRejected() {
        CliRun.Result result = CliRun.run(sweep("nosuchfs://bucket/out"));

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("no Hadoop file system is available"), result.all());
        assertTrue(result.err().contains("nosuchfs"), result.all());
    }

    @Test
    void gridAboveMaxCellsNeedsYes() throws IOException {
        Path output = tmp.resolve("out");
        Map<String, String> before = snapshot(tmp);
        CliRun.Result rejected = CliRun.run(sweep(output, "--set", "run.max_cells=10"));

        assertEquals(Main.EXIT_BAD_INPUT, rejected.code(), rejected.all());
        assertTrue(rejected.err().contains(CELLS + " cells"), rejected.all());
        assertTrue(rejected.err().contains("run.max_cells = 10"), rejected.all());
        assertTrue(rejected.err().contains("--yes"), rejected.all());
        assertEquals(before, snapshot(tmp), "files written");

        CliRun.Result accepted = CliRun.run(sweep(output, "--set", "run.max_cells=10", "--yes", "--limit", "1"));
        assertEquals(0, accepted.code(), accepted.all());
        assertTrue(accepted.out().contains("ran 1 cells"), accepted.all());
    }

    @Test
    void corruptRunsFileIsReported() throws IOException {
        Path output = tmp.resolve("out");
        Path sweep = output.resolve("toy-lp");
        assertEquals(0, CliRun.run(sweep(output)).code());
        Path damaged = parts(sweep.resolve("runs")).get(0);
        byte[] bytes = Files.readAllBytes(damaged);
        Files.write(damaged, Arrays.copyOf(bytes, bytes.length / 2));
        Map<String, String> before = snapshot(output);

        CliRun.Result result = CliRun.run(sweep(output));

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("cannot be read as Parquet"), result.all());
        assertTrue(result.err().contains(damaged.toString()), result.all());
        assertTrue(result.err().contains("Delete"), result.all());
        assertEquals(before, snapshot(output), "files written");

        // The fix the message gives: delete the batch's runs and curves part files and run again.
        String name = damaged.getFileName().toString();
        Files.delete(damaged);
        Files.delete(sweep.resolve("curves").resolve(name));
        CliRun.Result rerun = CliRun.run(sweep(output));
        assertEquals(0, rerun.code(), rerun.all());
        assertTrue(rerun.out().contains("ran 4 cells"), rerun.all());
        assertEquals(4, parts(sweep.resolve("runs")).size());
    }

    @Test
    void corruptCurvesFileIsReported() throws IOException {
        Path output = tmp.resolve("out");
        Path sweep = output.resolve("toy-lp");
        assertEquals(0, CliRun.run(sweep(output)).code());
        Path damaged = parts(sweep.resolve("curves")).get(1);
        Files.writeString(damaged, "overwritten by something that is not Parquet");
        Map<String, String> before = snapshot(output);

        CliRun.Result result = CliRun.run(sweep(output));

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains(damaged.toString()), result.all());
        assertTrue(result.err().contains(sweep.resolve("runs").resolve(damaged.getFileName()).toString()),
                "the fix names the runs part file that commits the batch\n" + result.all());
        assertEquals(before, snapshot(output), "files written");
    }

    @Test
    void partialFilesAreRemovedNotReported() throws IOException, SQLException {
        Path output = tmp.resolve("out");
        Path sweep = output.resolve("toy-lp");
        assertEquals(0, CliRun.run(sweep(output, "--limit", "8")).code());
        // What a driver killed mid-commit leaves: a staging folder and files of a batch without its runs part file.
        Path staging = Files.createDirectories(sweep.resolve("_staging").resolve("r1-00003-a0-1"));
        Files.writeString(staging.resolve("curves.parquet"), "half");
        Path orphanCurves = Files.writeString(sweep.resolve("curves").resolve("part-r1-00003.parquet"), "half");
        Path orphanFailed = Files.writeString(sweep.resolve("runs").resolve("failed-r1-00003-abc.parquet"), "half");

        CliRun.Result result = CliRun.run(sweep(output));

        assertEquals(0, result.code(), result.all());
        assertTrue(result.out().contains("ran 8 cells"), result.all());
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(orphanCurves));
        assertFalse(Files.exists(orphanFailed));
        assertEquals(CELLS / 4, parts(sweep.resolve("runs")).size());
        long[] counts = runsCount(sweep);
        assertEquals(CELLS, counts[0], "rows in runs");
        assertEquals(CELLS, counts[1], "distinct cells in runs");
    }
}
