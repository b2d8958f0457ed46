package org.depthsweep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.depthsweep.cli.Main;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.store.ParquetIO;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs sweeps on a real Spark standalone cluster on 127.0.0.1: a master and two workers of one core each, started by
 * submit/standalone, with drivers submitted by submit/cluster, each a separate JVM. The tests check that the cluster's
 * results equal local mode's bit for bit and that a failing cell is recorded after a bounded number of attempts. They
 * check that a second driver on the same output is rejected, that a killed driver resumes without duplicates and
 * that a killed worker loses no cell. They also check that every listening socket is on 127.0.0.1 and that no log
 * shows the environment. The worker-kill test runs last because it leaves one worker.
 *
 * <p>Every process is stopped by pid: drivers after each test, the cluster in {@link #stopCluster}, and, should the
 * test JVM die first, by the watcher that submit/standalone's --watch-pid option leaves behind. The work folder
 * target/standalone-it-* keeps the logs of the cluster, its executors and the drivers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneClusterIT {
    private static final Path ROOT = Paths.get("").toAbsolutePath();
    private static final Path CONFIG = ROOT.resolve("conf").resolve("toy-lp.conf");
    private static final int TOY_CELLS = 96;
    private static final long START_TIMEOUT_SECONDS = 600;
    private static final long SWEEP_TIMEOUT_SECONDS = 900;
    /** A value put into every process's environment that must never appear in a log. */
    private static final String CANARY = "canary-" + UUID.randomUUID();

    private static Path work;
    private static Path clusterDir;
    private static String masterUrl;
    private static final List<Long> clusterPids = new ArrayList<>();
    private final List<Process> drivers = new ArrayList<>();

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static ProcessBuilder script(Path log, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("DEPTHSWEEP_NO_BUILD", "1");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("DEPTHSWEEP_IT_CANARY", CANARY);
        // The project's own SparkSubmit runs the drivers, whatever Spark the machine may have.
        builder.environment().remove("SPARK_HOME");
        return builder;
    }

    /** Runs a script to its end, or fails after the timeout having stopped it. */
    private static int runScript(Path log, long timeoutSeconds, String... command) throws Exception {
        Process process = script(log, List.of(command)).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not end within " + timeoutSeconds + " s; log " + log);
            }
            return process.exitValue();
        } finally {
            stop(process);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @BeforeAll
    static void startCluster() throws Exception {
        Path target = Files.createDirectories(ROOT.resolve("target"));
        work = Files.createTempDirectory(target, "standalone-it-");
        clusterDir = work.resolve("cluster");
        int port = freePort();
        int uiPort = freePort();
        int code = runScript(work.resolve("standalone-start.log"), START_TIMEOUT_SECONDS, "bash",
                "submit/standalone", "start", "--workers", "2", "--cores", "1", "--memory", "1g",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(uiPort),
                "--dir", clusterDir.toString(), "--watch-pid", Long.toString(ProcessHandle.current().pid()),
                "--timeout", Long.toString(START_TIMEOUT_SECONDS - 60));
        recordClusterPids();
        assertEquals(0, code, "submit/standalone start failed; log " + work.resolve("standalone-start.log"));
        masterUrl = Files.readString(clusterDir.resolve("master-url"), StandardCharsets.UTF_8).trim();
        assertEquals("spark://127.0.0.1:" + port, masterUrl);
        assertEquals(0, status(), "submit/standalone status of a running cluster; log "
                + work.resolve("standalone-status.log"));
    }

    private static int status() throws Exception {
        return runScript(work.resolve("standalone-status.log"), 120, "bash", "submit/standalone", "status", "--dir",
                clusterDir.toString());
    }

    private static void recordClusterPids() throws IOException {
        for (String name : List.of("master.pid", "worker-1.pid", "worker-2.pid", "watcher.pid")) {
            Path file = clusterDir.resolve(name);
            if (Files.exists(file)) {
                clusterPids.add(ClusterProcesses.pidFile(file));
            }
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (clusterDir == null) {
            return;
        }
        List<Long> executors = new ArrayList<>();
        for (String worker : List.of("worker-1", "worker-2")) {
            if (Files.isDirectory(clusterDir.resolve(worker))) {
                executors.addAll(ClusterProcesses.executorsUnder(clusterDir.resolve(worker)));
            }
        }
        int code = runScript(work.resolve("standalone-stop.log"), 300, "bash", "submit/standalone", "stop",
                "--dir", clusterDir.toString());
        // Whatever the script left running is killed here, so that a failed stop never leaves a process behind.
        List<Long> survivors = new ArrayList<>();
        List<Long> all = new ArrayList<>(clusterPids);
        all.addAll(executors);
        for (long pid : all) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive()) {
                survivors.add(pid);
                handle.get().destroyForcibly();
                handle.get().onExit().get(60, TimeUnit.SECONDS);
            }
        }
        deleteCopiedJars();
        assertEquals(0, code, "submit/standalone stop failed; log " + work.resolve("standalone-stop.log"));
        assertEquals(List.of(), survivors, "processes still running after submit/standalone stop");
    }

    /** Deletes the application jars that executors copied into their folders (258 MB each for the cluster jar). */
    private static void deleteCopiedJars() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.walk(clusterDir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
        }
        for (Path jar : jars) {
            Files.delete(jar);
        }
    }

    @AfterEach
    void stopDrivers() throws InterruptedException {
        for (Process driver : drivers) {
            stop(driver);
        }
        drivers.clear();
    }

    /** Starts submit/cluster against the test cluster; options go before the sweep file, run options after it. */
    private Process submit(String logName, List<String> options, List<String> runArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "submit/cluster", "--master", masterUrl,
                "--executors", "2", "--executor-cores", "1", "--executor-memory", "1g", "--driver-memory", "1g"));
        command.addAll(options);
        command.addAll(runArgs);
        Process driver = script(work.resolve(logName), command).start();
        drivers.add(driver);
        return driver;
    }

    private static List<String> toySweep(Path output, long steps) {
        return List.of(CONFIG.toString(), "--output", output.toString(), "--set", "steps=" + steps,
                "--set", "run.cells_per_task=4", "--no-fit");
    }

    /** Returns the options that submit the thin jar, enough here because the workers' class path has the rest. */
    private static List<String> thinJar() {
        return List.of("--jar", ROOT.resolve("target").resolve("depthsweep.jar").toString());
    }

    private int await(Process driver, String logName) throws Exception {
        if (!driver.waitFor(SWEEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("driver did not end within " + SWEEP_TIMEOUT_SECONDS + " s; log " + work.resolve(logName));
        }
        return driver.exitValue();
    }

    private String log(String logName) throws IOException {
        return Files.readString(work.resolve(logName), StandardCharsets.UTF_8);
    }

    private static long committedBatches(Path sweep) throws IOException {
        Path runs = sweep.resolve("runs");
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }

    /** Waits until a condition is true while the driver runs; fails when the driver ends first or time runs out. */
    private void waitWhileRunning(Process driver, String logName, String awaited, Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWEEP_TIMEOUT_SECONDS);
        while (!condition.holds()) {
            if (!driver.isAlive()) {
                fail("the driver ended before " + awaited + "; log " + work.resolve(logName));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + awaited + " within " + SWEEP_TIMEOUT_SECONDS + " s; log " + work.resolve(logName));
            }
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Reads the committed rows of a table of a toy sweep, keyed by cell id, or by cell id and step for curves. */
    private static Map<String, Object[]> rows(Path sweep, String table, String experiment) throws IOException {
        Configuration conf = new Configuration();
        SweepStore store = new SweepStore(sweep.toString(), conf);
        TableSchema runs = Tables.runs(ExperimentRegistry.get(experiment));
        TableSchema schema = Tables.RUNS.equals(table) ? runs : Tables.curves(ExperimentRegistry.get(experiment));
        Map<String, Object[]> rows = new TreeMap<>();
        for (org.apache.hadoop.fs.Path file : store.committedFiles(table, runs)) {
            for (Object[] row : ParquetIO.read(conf, file, schema)) {
                String key = Tables.RUNS.equals(table) ? (String) row[0] : row[0] + "@" + row[1];
                Object[] previous = rows.put(key, row);
                assertEquals(null, previous, "row " + key + " of " + table + " appears twice in " + sweep);
            }
        }
        return rows;
    }

    /** Turns doubles into their raw bits, so equal arrays mean bit-identical values (NaN payloads included). */
    private static Object[] exact(Object[] row, TableSchema schema, List<String> skipped) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            String name = schema.columns().get(i).name();
            if (skipped.contains(name)) {
                continue;
            }
            values.add(name + "=" + (row[i] instanceof Double ? "bits:" + Long.toHexString(
                    Double.doubleToRawLongBits((Double) row[i])) : row[i]));
        }
        return values.toArray();
    }

    private static long[] countRowsAndCells(Path sweep) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT cell_id) FROM read_parquet('"
                     + sweep.resolve("runs").resolve("*.parquet") + "')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Checks, with DuckDB reading every Parquet file, that each cell and each curve point is there exactly once. */
    private static void assertEveryCellOnce(Path sweep) throws SQLException {
        long[] counts = countRowsAndCells(sweep);
        assertEquals(TOY_CELLS, counts[0], "rows in runs");
        assertEquals(TOY_CELLS, counts[1], "distinct cells in runs");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT (cell_id, step)), "
                     + "count(DISTINCT cell_id) FROM read_parquet('" + sweep.resolve("curves").resolve("*.parquet")
                     + "')")) {
            rs.next();
            assertEquals(rs.getLong(1), rs.getLong(2), "curve rows against distinct (cell_id, step)");
            assertEquals(TOY_CELLS, rs.getLong(3), "cells with curves");
        }
    }

    private record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Runs the command line in this JVM, in local mode unless the arguments name a master. */
    private static Result runInProcess(List<String> args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            List<String> command = new ArrayList<>(List.of("run"));
            command.addAll(args);
            code = Main.execute(command.toArray(String[]::new));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void clusterResultsEqualLocalResults() throws Exception {
        long steps = 2_000_000;
        Path localOut = work.resolve("equal-local");
        Path clusterOut = work.resolve("equal-cluster");
        Result local = runInProcess(List.of(CONFIG.toString(), "--output", localOut.toString(), "--set",
                "steps=" + steps, "--no-fit", "--master", "local[2]"));
        assertEquals(0, local.code(), local.all());

        // The default jar: target/depthsweep-cluster.jar, as a user would submit it.
        Process driver = submit("equal.log", List.of(), List.of(CONFIG.toString(), "--output", clusterOut.toString(),
                "--set", "steps=" + steps, "--no-fit"));
        assertEquals(0, await(driver, "equal.log"), log("equal.log"));
        assertTrue(log("equal.log").contains("ran " + TOY_CELLS + " cells"), log("equal.log"));

        TableSchema runs = Tables.runs(ExperimentRegistry.get("toy"));
        List<String> perRun = new ArrayList<>(Tables.PROVENANCE);
        perRun.add("wall_ms");
        Map<String, Object[]> localRuns = rows(localOut.resolve("toy-lp"), Tables.RUNS, "toy");
        Map<String, Object[]> clusterRuns = rows(clusterOut.resolve("toy-lp"), Tables.RUNS, "toy");
        assertEquals(TOY_CELLS, localRuns.size(), "local cells");
        assertEquals(localRuns.keySet(), clusterRuns.keySet(), "cell ids");
        for (String cell : localRuns.keySet()) {
            assertArrayEquals(exact(localRuns.get(cell), runs, perRun), exact(clusterRuns.get(cell), runs, perRun),
                    "runs row of cell " + cell);
        }

        TableSchema curves = Tables.curves(ExperimentRegistry.get("toy"));
        Map<String, Object[]> localCurves = rows(localOut.resolve("toy-lp"), Tables.CURVES, "toy");
        Map<String, Object[]> clusterCurves = rows(clusterOut.resolve("toy-lp"), Tables.CURVES, "toy");
        assertEquals(localCurves.keySet(), clusterCurves.keySet(), "curve points (cell id @ step)");
        for (String point : localCurves.keySet()) {
            assertArrayEquals(exact(localCurves.get(point), curves, List.of()),
                    exact(clusterCurves.get(point), curves, List.of()), "curve row " + point);
        }

        // Both workers ran executors for this application, each in its own JVM.
        for (String worker : List.of("worker-1", "worker-2")) {
            try (Stream<Path> apps = Files.list(clusterDir.resolve(worker))) {
                assertTrue(apps.anyMatch(Files::isDirectory), worker + " started no executor");
            }
        }
    }

    @Test
    @Order(2)
    void failingCellIsRecordedAfterMaxAttempts() throws Exception {
        Path sweepFile = Files.writeString(work.resolve("flaky.conf"), String.join("\n",
                "name = flaky-it",
                "experiment = flaky",
                "seed = 7",
                "steps = 200",
                "zip = [ { seed = [0, 1, 2, 3, 4, 5, 6, 7], "
                        + "fail = [true, false, false, false, false, false, false, false] } ]",
                "run { max_attempts = 3, cells_per_task = 2 }",
                ""));
        Path output = work.resolve("flaky");
        List<String> options = new ArrayList<>(thinJar());
        // FlakyExperiment is a test class: the test jar carries it and its META-INF/services entry.
        options.addAll(List.of("--jars", ROOT.resolve("target").resolve("depthsweep-tests.jar").toString()));
        Process driver = submit("flaky.log", options, List.of(sweepFile.toString(), "--output", output.toString(),
                "--no-fit"));

        assertEquals(3, await(driver, "flaky.log"), "exit code for a sweep with failed cells\n" + log("flaky.log"));
        Map<String, Object[]> runs = rows(output.resolve("flaky-it"), Tables.RUNS, "flaky");
        TableSchema schema = Tables.runs(ExperimentRegistry.get("flaky"));
        int status = schema.indexOf("status");
        int message = schema.indexOf("message");
        assertEquals(8, runs.size(), "cells in runs");
        List<Object[]> failed = runs.values().stream().filter(r -> "failed".equals(r[status])).toList();
        assertEquals(1, failed.size(), "failed cells");
        String text = (String) failed.get(0)[message];
        assertTrue(text.startsWith("failed after 3 attempts"), text);
        assertTrue(text.contains("fails on purpose"), text);
        assertEquals(7, runs.values().stream().filter(r -> "ok".equals(r[status])).count(), "ok cells");
        assertTrue(log("flaky.log").contains("1 failed"), log("flaky.log"));
    }

    @Test
    @Order(3)
    void killedDriverResumesAndSecondDriverIsRejected() throws Exception {
        Path output = work.resolve("resume");
        Path sweep = output.resolve("toy-lp");
        List<String> uiOn = new ArrayList<>(thinJar());
        // The web UI is on here so that the socket check below covers it.
        uiOn.addAll(List.of("--conf", "spark.ui.enabled=true", "--conf", "spark.ui.port=0"));
        Process first = submit("resume-first.log", uiOn, toySweep(output, 10_000_000));
        waitWhileRunning(first, "resume-first.log", "two committed batches", () -> committedBatches(sweep) >= 2);
        assertTrue(Files.exists(sweep.resolve("_lock")), "the running driver holds the lock");

        assertSocketsOnLoopback(first.pid());

        // The second driver runs in this JVM in local mode: it is rejected when it takes the lock, before it needs
        // executors, and starting it here keeps its start-up short while the first driver still runs.
        long committedBefore = committedBatches(sweep);
        Result second = runInProcess(toySweep(output, 10_000_000));
        assertEquals(2, second.code(), second.all());
        assertTrue(second.err().contains("is in use by another driver"), second.all());
        assertTrue(first.isAlive(), "the first driver still runs after the second was rejected; log "
                + work.resolve("resume-first.log"));
        assertTrue(committedBatches(sweep) >= committedBefore, "the second driver removed committed batches");

        first.destroyForcibly();
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "the first driver did not end after SIGKILL");
        long committedAtKill = committedBatches(sweep);
        assertTrue(committedAtKill < TOY_CELLS / 4, "the sweep had finished before the kill");

        Process rerun = submit("resume-rerun.log", thinJar(), toySweep(output, 10_000_000));
        assertEquals(0, await(rerun, "resume-rerun.log"), log("resume-rerun.log"));
        String printed = log("resume-rerun.log");
        int done = Integer.parseInt(printed.replaceAll("(?s).*; (\\d+) were already done.*", "$1"));
        assertTrue(done >= 4 * committedAtKill, "cells already done: " + done + ", batches at the kill: "
                + committedAtKill + "\n" + printed);
        assertTrue(printed.contains("ran " + (TOY_CELLS - done) + " cells"), printed);
        assertEveryCellOnce(sweep);
        assertFalse(Files.exists(sweep.resolve("_lock")), "the lock is released");

        assertNoLogContains(CANARY);
    }

    /** Checks every listening socket of the driver, the master, the workers and the executors. */
    private static void assertSocketsOnLoopback(long driverPid) throws IOException {
        Map<String, Long> processes = new TreeMap<>();
        processes.put("driver", driverPid);
        processes.put("master", ClusterProcesses.pidFile(clusterDir.resolve("master.pid")));
        for (String worker : List.of("worker-1", "worker-2")) {
            processes.put(worker, ClusterProcesses.pidFile(clusterDir.resolve(worker + ".pid")));
            for (long executor : ClusterProcesses.executorsUnder(clusterDir.resolve(worker))) {
                processes.put(worker + " executor " + executor, executor);
            }
        }
        assertTrue(processes.size() >= 6, "the driver, master, 2 workers and their executors: " + processes);
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            List<ClusterProcesses.InetAddressAndPort> sockets = ClusterProcesses.listeningSockets(process.getValue());
            assertFalse(sockets.isEmpty(), process.getKey() + " listens on no socket");
            for (ClusterProcesses.InetAddressAndPort socket : sockets) {
                assertTrue(socket.address().isLoopbackAddress(), process.getKey() + " (pid " + process.getValue()
                        + ") listens on " + socket + ", not on 127.0.0.1");
            }
        }
    }

    /** Checks that no log or text file the cluster and drivers wrote contains a value from their environment. */
    private static void assertNoLogContains(String value) throws IOException {
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || name.endsWith(".jar") || name.endsWith(".parquet")) {
                    continue;
                }
                scanned.add(file);
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(value),
                        file + " contains a value of the environment");
            }
        }
        assertTrue(scanned.stream().anyMatch(f -> f.getFileName().toString().equals("stderr")),
                "executor logs were scanned: " + scanned);
    }

    @Test
    @Order(4)
    void killedWorkerLosesNoCell() throws Exception {
        Path output = work.resolve("worker-kill");
        Path sweep = output.resolve("toy-lp");
        Process driver = submit("worker-kill.log", thinJar(), toySweep(output, 10_000_000));
        Path workerDir = clusterDir.resolve("worker-2");
        int appsBefore;
        try (Stream<Path> apps = Files.list(workerDir)) {
            appsBefore = (int) apps.count();
        }
        waitWhileRunning(driver, "worker-kill.log", "a committed batch and an executor on worker-2",
                () -> committedBatches(sweep) >= 1 && newExecutor(workerDir, appsBefore));

        long worker = ClusterProcesses.pidFile(clusterDir.resolve("worker-2.pid"));
        List<Long> victims = new ArrayList<>(ClusterProcesses.executorsUnder(workerDir));
        victims.add(worker);
        for (long pid : victims) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        long committedAtKill = committedBatches(sweep);
        assertTrue(driver.isAlive(), "the driver ended before the worker was killed");
        assertTrue(committedAtKill < TOY_CELLS / 4, "the sweep had finished before the kill");
        assertEquals(1, status(), "submit/standalone status with a killed worker");
        assertTrue(Files.readString(work.resolve("standalone-status.log")).contains("worker-2: not running"),
                Files.readString(work.resolve("standalone-status.log")));

        assertEquals(0, await(driver, "worker-kill.log"), log("worker-kill.log"));
        assertTrue(log("worker-kill.log").contains("ran " + TOY_CELLS + " cells"), log("worker-kill.log"));
        assertTrue(log("worker-kill.log").contains("Lost executor"), "the driver noticed the lost executor\n"
                + log("worker-kill.log"));
        assertEveryCellOnce(sweep);
    }

    /** Returns whether a worker runs an executor of an application that started after {@code appsBefore}. */
    private static boolean newExecutor(Path workerDir, int appsBefore) throws IOException {
        try (Stream<Path> apps = Files.list(workerDir)) {
            if (apps.count() <= appsBefore) {
                return false;
            }
        }
        return !ClusterProcesses.executorsUnder(workerDir).isEmpty();
    }
}
