package org.depthsweep.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.store.Provenance;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the cells of a sweep that have no result yet, spread over Spark executors, and commits each task's rows to
 * the sweep directory as the task ends. A rerun of the same sweep skips every cell with status ok or diverged and
 * runs failed and missing cells again.
 */
public final class SweepDriver {
    private static final Logger LOG = LoggerFactory.getLogger(SweepDriver.class);
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final SparkSession spark;

    public SweepDriver(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Result of a run. {@code wallMillis} runs from reading the index to the last commit, Spark start-up excluded;
     * {@code cellMillis} sums the cells' own experiment time.
     */
    public record RunReport(String sweepDir, int totalCells, int alreadyDone, int rerunFailed, int ran, int ok,
                            int diverged, int failed, long cellMillis, long wallMillis) {
    }

    /**
     * Runs the missing cells of a sweep. A committed batch whose curves file is missing counts as missing too: its
     * runs file is deleted first, so its cells run again and are stored once.
     *
     * @param job        the sweep
     * @param sweepDir   directory of this sweep (output root / name), any Hadoop file system URI
     * @param limitCells run at most this many missing cells (0: all), leaving the rest for a later run
     * @param store      the opened sweep directory, locked by the caller
     * @throws org.depthsweep.store.CorruptFileException before anything is written, when a committed file of the
     *                   sweep cannot be read
     */
    public RunReport run(SweepJob job, SweepStore store, int limitCells) throws IOException {
        Experiment experiment = ExperimentRegistry.get(job.experiment());
        TableSchema runsSchema = Tables.runs(experiment);
        store.warmUp(Tables.curves(experiment));
        warmUpScheduler();
        long started = System.nanoTime();
        store.uncommitBatchesWithoutCurves();
        store.recover(runsSchema);
        store.checkCurvesFiles();
        Map<String, SweepStore.IndexEntry> index = store.readIndex(runsSchema);

        List<Cell> todo = new ArrayList<>();
        Map<String, String> superseded = new HashMap<>();
        int alreadyDone = 0;
        int rerunFailed = 0;
        for (Cell cell : job.cells()) {
            SweepStore.IndexEntry entry = index.get(cell.cellId());
            if (entry == null) {
                todo.add(cell);
            } else if ("failed".equals(entry.status())) {
                todo.add(cell);
                superseded.put(cell.cellId(), entry.fileName());
                rerunFailed++;
            } else {
                alreadyDone++;
            }
        }
        if (limitCells > 0 && todo.size() > limitCells) {
            todo = new ArrayList<>(todo.subList(0, limitCells));
        }
        store.writeText(SweepStore.SWEEP_FILE, job.configText());
        LOG.info("sweep {}: {} cells, {} already done, {} failed before and run again, {} to run now",
                job.name(), job.cells().size(), alreadyDone, rerunFailed, todo.size());
        if (todo.isEmpty()) {
            return new RunReport(store.dir().toString(), job.cells().size(), alreadyDone, rerunFailed, 0, 0, 0, 0,
                    0L, 0L);
        }

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parallelism = jsc.defaultParallelism();
        String runId = "r" + LocalDateTime.now().format(RUN_ID) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
        List<CellBatch> batches = BatchPlanner.plan(todo, experiment::estimatedSeconds, parallelism,
                job.cellsPerTask(), runId, superseded);
        LOG.info("sweep {}: {} tasks over {} cores", job.name(), batches.size(), parallelism);

        LongAccumulator cellsDone = jsc.sc().longAccumulator("cells done");
        Broadcast<HadoopConf> hadoopConf = jsc.broadcast(new HadoopConf(spark.sparkContext().hadoopConfiguration()));
        BatchTask task = new BatchTask(store.dir().toString(), job.name(), job.experiment(),
                Provenance.forDriver(job.configHash()), job.maxAttempts(), HadoopConf.broadcast(hadoopConf),
                cellsDone, SweepLock.owner(store).orElse(null));
        jsc.setJobGroup("depthsweep-" + runId, "sweep " + job.name() + ": " + todo.size() + " cells", true);
        JavaFutureAction<List<BatchReport>> future = jsc.parallelize(batches, batches.size())
                .map(task::run)
                .collectAsync();
        List<BatchReport> reports = await(future, cellsDone, todo.size(), job.progressSeconds(), started);
        // After a failed or cancelled job, stopping Spark removes the broadcast. Destroying it here while cancelled
        // tasks still ran logged warnings about missing blocks.
        hadoopConf.destroy();
        long wallMillis = (System.nanoTime() - started) / 1_000_000L;

        int ok = 0;
        int diverged = 0;
        int failed = 0;
        long cellMillis = 0;
        long taskMillis = 0;
        for (BatchReport report : reports) {
            taskMillis += report.taskMillis();
            ok += report.ok();
            diverged += report.diverged();
            failed += report.failed();
            cellMillis += report.cellMillis();
        }
        LOG.info("sweep {}: ran {} cells in {} s ({} ok, {} diverged, {} failed)", job.name(), todo.size(),
                wallMillis / 1000.0, ok, diverged, failed);
        LOG.info("sweep {}: wall {} s on {} cores against {} s of summed cell compute: wall / (compute / cores) "
                + "= {}", job.name(), wallMillis / 1000.0, parallelism, cellMillis / 1000.0,
                String.format("%.3f", wallMillis / (cellMillis / (double) parallelism)));
        LOG.info("sweep {}: {} tasks took {} s in all, of which {} s outside the cells (building rows, writing "
                + "and committing)", job.name(), reports.size(), taskMillis / 1000.0,
                (taskMillis - cellMillis) / 1000.0);
        return new RunReport(store.dir().toString(), job.cells().size(), alreadyDone, rerunFailed, todo.size(), ok,
                diverged, failed, cellMillis, wallMillis);
    }

    /**
     * Runs an empty job on every core, so that the first job's one-off costs (scheduler and executor thread start,
     * task class loading) count as Spark start-up rather than as sweep time.
     */
    private void warmUpScheduler() {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int parallelism = jsc.defaultParallelism();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            slots.add(i);
        }
        jsc.setJobDescription("depthsweep warm-up");
        jsc.parallelize(slots, parallelism).foreach(slot -> ExperimentRegistry.all().size());
        jsc.setJobDescription(null);
    }

    private static List<BatchReport> await(JavaFutureAction<List<BatchReport>> future, LongAccumulator cellsDone,
                                           int total, double progressSeconds, long started) throws IOException {
        long intervalMillis = Math.max(100L, (long) (progressSeconds * 1000));
        while (true) {
            try {
                return future.get(intervalMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                logProgress(cellsDone.value(), total, System.nanoTime() - started);
            } catch (InterruptedException e) {
                future.cancel(true);
                // The exception carries the interrupt. The flag stays clear, so that the caller's clean-up, such as
                // releasing the sweep lock and stopping Spark, runs to the end.
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the "
                        + "sweep's tasks");
                interrupted.initCause(e);
                throw interrupted;
            } catch (ExecutionException e) {
                throw new IOException("a task of the sweep failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static void logProgress(long done, int total, long elapsedNanos) {
        Duration elapsed = Duration.ofNanos(elapsedNanos);
        String eta = "unknown";
        if (done > 0) {
            long etaSeconds = (long) (elapsed.toMillis() / 1000.0 * (total - done) / done);
            eta = formatDuration(Duration.ofSeconds(etaSeconds));
        }
        LOG.info("progress: {} of {} cells done ({}%), elapsed {}, ETA {}", done, total,
                String.format("%.1f", 100.0 * done / total), formatDuration(elapsed), eta);
    }

    static String formatDuration(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }

    /** Opens the store and takes the sweep lock, failing with a clear message when another driver holds it. */
    public static SweepLock lock(SweepStore store) throws IOException {
        return SweepLock.acquire(store);
    }
}
