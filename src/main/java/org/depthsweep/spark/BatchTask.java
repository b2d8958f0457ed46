package org.depthsweep.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.depthsweep.experiment.CellResult;
import org.depthsweep.experiment.CellRunner;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.store.Provenance;
import org.depthsweep.store.ResultRows;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.Cell;

/** The work of one Spark task: run a batch of cells and commit their rows to the sweep directory. */
final class BatchTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String sweepDir;
    private final String sweepName;
    private final String experimentName;
    private final Provenance provenance;
    private final int maxAttempts;
    private final HadoopConf.Source hadoopConf;
    private final LongAccumulator cellsDone;
    private final String lockOwner;

    /**
     * @param lockOwner content of the sweep lock file when the driver planned the tasks, or null to commit without
     *                  checking the lock
     */
    BatchTask(String sweepDir, String sweepName, String experimentName, Provenance provenance, int maxAttempts,
              HadoopConf.Source hadoopConf, LongAccumulator cellsDone, String lockOwner) {
        this.sweepDir = sweepDir;
        this.sweepName = sweepName;
        this.experimentName = experimentName;
        this.provenance = provenance;
        this.maxAttempts = maxAttempts;
        this.hadoopConf = hadoopConf;
        this.cellsDone = cellsDone;
        this.lockOwner = lockOwner;
    }

    BatchReport run(CellBatch batch) {
        long started = System.nanoTime();
        try {
            SweepStore store = new SweepStore(sweepDir, hadoopConf.get());
            if (store.isCommitted(batch.batchId())) {
                return new BatchReport(batch.batchId(), false, batch.cells().size(), 0, 0, 0, 0L, 0L);
            }
            Experiment experiment = ExperimentRegistry.get(experimentName);
            TableSchema runs = Tables.runs(experiment);
            TableSchema curves = Tables.curves(experiment);
            List<String> provenanceValues = provenance.columnValues();

            List<Object[]> runRows = new ArrayList<>();
            Map<String, Object[]> failedRows = new TreeMap<>();
            List<Object[]> curveRows = new ArrayList<>();
            int ok = 0;
            int diverged = 0;
            long cellNanos = 0;
            for (Cell cell : batch.cells()) {
                CellResult result = CellRunner.run(cell, maxAttempts);
                cellNanos += result.wallNanos();
                Object[] row = ResultRows.runRow(sweepName, experiment, result, provenanceValues);
                if (result.status() == RunStatus.FAILED) {
                    failedRows.put(cell.cellId(), row);
                } else {
                    runRows.add(row);
                    ResultRows.addCurveRows(result, curveRows);
                    if (result.status() == RunStatus.OK) {
                        ok++;
                    } else {
                        diverged++;
                    }
                }
                if (cellsDone != null) {
                    cellsDone.add(1);
                }
            }
            checkLockOwner(store, batch);
            String attempt = attemptTag();
            boolean committed = store.commitBatch(batch.batchId(), attempt, runs, runRows, failedRows, curves,
                    curveRows, new ArrayList<>(batch.superseded().values()));
            long taskMillis = (System.nanoTime() - started) / 1_000_000L;
            return new BatchReport(batch.batchId(), committed, batch.cells().size(), ok, diverged, failedRows.size(),
                    cellNanos / 1_000_000L, taskMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("batch " + batch.batchId() + " could not be written to " + sweepDir, e);
        }
    }

    /**
     * Rejects the commit when another driver has taken over the sweep lock since this task was planned, for example
     * after this task's driver was killed while its executor kept running. The new driver has already read the index
     * and runs these cells itself, so a commit here would duplicate them. A takeover between this check and the
     * commit's final rename is not caught.
     */
    private void checkLockOwner(SweepStore store, CellBatch batch) throws IOException {
        if (lockOwner == null) {
            return;
        }
        Optional<String> current = SweepLock.owner(store);
        if (!current.equals(Optional.of(lockOwner))) {
            throw new IllegalStateException("batch " + batch.batchId() + " was not committed: the lock of "
                    + sweepDir + " belongs to " + current.map(o -> "another driver (" + o + ")").orElse("no driver")
                    + ", not to the driver that started this task (" + lockOwner + ")");
        }
    }

    private static String attemptTag() {
        TaskContext context = TaskContext.get();
        String random = Long.toHexString(Double.doubleToLongBits(Math.random()) ^ System.nanoTime());
        return context == null ? "local-" + random : "a" + context.attemptNumber() + "-" + random;
    }
}
