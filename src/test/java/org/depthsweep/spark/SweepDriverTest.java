package org.depthsweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.store.CorruptFileException;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepDriverTest {
    private static final int CELLS = 12;
    private static final long STEPS = 10;
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.create("local[2]", "SweepDriverTest");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @BeforeEach
    void resetFlaky() {
        FlakyExperiment.FAILING.set(true);
    }

    private static SweepJob job(int failing, int maxAttempts, int cellsPerTask) {
        List<Cell> cells = new ArrayList<>();
        for (long seed = 0; seed < CELLS; seed++) {
            Map<String, Object> values = new TreeMap<>();
            values.put("seed", seed);
            values.put("steps", STEPS);
            values.put("fail", seed < failing);
            cells.add(new Cell("flaky", 7L, values));
        }
        return new SweepJob("flaky-test", "flaky", cells, "name = flaky-test\nexperiment = flaky\n", "hash",
                cellsPerTask, maxAttempts, 0.2);
    }

    private SweepStore store() throws IOException {
        return new SweepStore(tmp.resolve("flaky-test").toString(), spark.sparkContext().hadoopConfiguration());
    }

    private SweepDriver.RunReport run(SweepJob job, int limit) throws IOException {
        SweepStore store = store();
        try (SweepLock lock = SweepLock.acquire(store)) {
            return new SweepDriver(spark).run(job, store, limit);
        }
    }

    private List<Row> table(String name) throws IOException {
        TableSchema runs = Tables.runs(ExperimentRegistry.get("flaky"));
        TableSchema schema = Tables.RUNS.equals(name) ? runs : Tables.curves(ExperimentRegistry.get("flaky"));
        Dataset<Row> rows = new TableReader(spark, store(), runs).read(schema);
        return rows.collectAsList();
    }

    private static long distinctCells(List<Row> rows) {
        return rows.stream().map(r -> r.getString(r.fieldIndex("cell_id"))).distinct().count();
    }

    @Test
    void resumeRunsOnlyMissingCells() throws IOException {
        SweepJob job = job(0, 1, 2);

        SweepDriver.RunReport first = run(job, 5);
        assertEquals(5, first.ran());
        assertEquals(5, table(Tables.RUNS).size());

        SweepDriver.RunReport second = run(job, 0);
        assertEquals(5, second.alreadyDone());
        assertEquals(CELLS - 5, second.ran());

        List<Row> runs = table(Tables.RUNS);
        assertEquals(CELLS, runs.size());
        assertEquals(CELLS, distinctCells(runs));
        List<Row> curves = table(Tables.CURVES);
        assertEquals(CELLS * (STEPS + 1), curves.size());

        SweepDriver.RunReport third = run(job, 0);
        assertEquals(0, third.ran());
        assertEquals(CELLS, third.alreadyDone());
        assertEquals(CELLS, table(Tables.RUNS).size());
    }

    @Test
    void failedCellsRunAgainWithoutDuplicates() throws IOException {
        SweepJob job = job(3, 1, 0);

        SweepDriver.RunReport first = run(job, 0);
        assertEquals(3, first.failed());
        List<Row> runs = table(Tables.RUNS);
        assertEquals(CELLS, runs.size());
        assertEquals(3, runs.stream().filter(r -> "failed".equals(r.getString(r.fieldIndex("status")))).count());
        assertEquals((CELLS - 3) * (STEPS + 1), table(Tables.CURVES).size());

        FlakyExperiment.FAILING.set(false);
        SweepDriver.RunReport second = run(job, 0);
        assertEquals(3, second.rerunFailed());
        assertEquals(3, second.ran());
        assertEquals(0, second.failed());

        runs = table(Tables.RUNS);
        assertEquals(CELLS, runs.size());
        assertEquals(CELLS, distinctCells(runs));
        assertTrue(runs.stream().allMatch(r -> "ok".equals(r.getString(r.fieldIndex("status")))));
        assertEquals(CELLS * (STEPS + 1), table(Tables.CURVES).size());
        try (Stream<Path> files = Files.list(tmp.resolve("flaky-test").resolve(Tables.RUNS))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("failed-")));
        }
    }

    @Test
    void failingCellRetriesBoundedTimes() throws IOException {
        SweepDriver.RunReport report = run(job(1, 3, 0), 0);
        assertEquals(1, report.failed());
        Row failed = table(Tables.RUNS).stream()
                .filter(r -> "failed".equals(r.getString(r.fieldIndex("status")))).findFirst().orElseThrow();
        String message = failed.getString(failed.fieldIndex("message"));
        assertTrue(message.startsWith("failed after 3 attempts"), message);
        assertTrue(message.contains("fails on purpose"), message);
    }

    @Test
    void uncommittedBatchIsNeverRead() throws IOException {
        SweepJob job = job(0, 1, 3);
        run(job, 6);
        Path sweep = tmp.resolve("flaky-test");
        Path anyCurves;
        try (Stream<Path> files = Files.list(sweep.resolve(Tables.CURVES))) {
            anyCurves = files.filter(f -> f.getFileName().toString().startsWith("part-")).findFirst().orElseThrow();
        }
        // A driver killed between renaming its curves and its runs file leaves curves without a commit.
        Path orphan = sweep.resolve(Tables.CURVES).resolve("part-r00000000T000000000-000000-00000.parquet");
        Files.copy(anyCurves, orphan);
        Files.createDirectories(sweep.resolve(SweepStore.STAGING).resolve("half-written"));

        assertEquals(6 * (STEPS + 1), table(Tables.CURVES).size());

        SweepDriver.RunReport rest = run(job, 0);
        assertEquals(CELLS - 6, rest.ran());
        assertFalse(Files.exists(orphan));
        assertFalse(Files.exists(sweep.resolve(SweepStore.STAGING).resolve("half-written")));
        assertEquals(CELLS * (STEPS + 1), table(Tables.CURVES).size());
        assertEquals(CELLS, distinctCells(table(Tables.RUNS)));
    }

    private Path sweepTable(String table) {
        return tmp.resolve("flaky-test").resolve(table);
    }

    private List<String> fileNames(String table, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(sweepTable(table))) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith(prefix)).sorted()
                    .toList();
        }
    }

    private long duplicateCurvePoints() throws IOException {
        return table(Tables.CURVES).stream()
                .collect(Collectors.groupingBy(r -> r.getString(r.fieldIndex("cell_id")) + "@"
                        + r.getLong(r.fieldIndex("step")), Collectors.counting()))
                .values().stream().filter(n -> n > 1).count();
    }

    @Test
    void deletedCurvesFileRunsItsCellsAgain() throws IOException {
        SweepJob job = job(0, 1, 3);
        run(job, 0);
        List<String> curveParts = fileNames(Tables.CURVES, "part-");
        assertEquals(CELLS / 3, curveParts.size());
        String deleted = curveParts.get(1);
        Files.delete(sweepTable(Tables.CURVES).resolve(deleted));

        SweepDriver.RunReport rerun = run(job, 0);

        assertEquals(3, rerun.ran(), "the cells of the batch without curves");
        assertEquals(CELLS - 3, rerun.alreadyDone());
        assertFalse(fileNames(Tables.RUNS, "part-").contains(deleted), "runs part of the uncommitted batch");
        List<Row> runs = table(Tables.RUNS);
        assertEquals(CELLS, runs.size());
        assertEquals(CELLS, distinctCells(runs));
        assertEquals(CELLS * (STEPS + 1), table(Tables.CURVES).size());
        assertEquals(0, duplicateCurvePoints());
    }

    /** The failed-row files of a batch without curves go with its runs part file, so no cell has two rows. */
    @Test
    void deletedCurvesWithFailedCells() throws IOException {
        SweepJob job = job(3, 1, 3);
        run(job, 0);
        String failedFile = fileNames(Tables.RUNS, "failed-").get(0);
        String batch = failedFile.substring("failed-".length(), failedFile.lastIndexOf('-'));
        Files.delete(sweepTable(Tables.CURVES).resolve("part-" + batch + ".parquet"));
        FlakyExperiment.FAILING.set(false);

        SweepDriver.RunReport rerun = run(job, 0);

        assertEquals(0, rerun.failed());
        List<Row> runs = table(Tables.RUNS);
        assertEquals(CELLS, runs.size());
        assertEquals(CELLS, distinctCells(runs));
        assertTrue(runs.stream().allMatch(r -> "ok".equals(r.getString(r.fieldIndex("status")))));
        assertEquals(CELLS * (STEPS + 1), table(Tables.CURVES).size());
        assertEquals(0, duplicateCurvePoints());
        assertEquals(List.of(), fileNames(Tables.RUNS, "failed-"));
    }

    @Test
    void curvesCheckNamesMissingFile() throws IOException {
        run(job(0, 1, 3), 0);
        String deleted = fileNames(Tables.CURVES, "part-").get(0);
        Files.delete(sweepTable(Tables.CURVES).resolve(deleted));

        CorruptFileException e = assertThrows(CorruptFileException.class, () -> store().checkCurvesFiles());

        assertTrue(e.getMessage().contains(deleted), e.getMessage());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        assertTrue(Files.exists(sweepTable(Tables.RUNS).resolve(deleted)), "the check deletes nothing");
    }

    @Test
    void secondDriverIsRefused() throws IOException {
        SweepStore store = store();
        try (SweepLock lock = SweepLock.acquire(store)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SweepLock.acquire(store()));
            assertTrue(e.getMessage().contains("in use by another driver"), e.getMessage());
        }
        try (SweepLock again = SweepLock.acquire(store)) {
            assertTrue(Files.exists(tmp.resolve("flaky-test").resolve("_lock")));
        }
    }
}
