package org.depthsweep.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.depthsweep.sweep.ParamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one sweep directory and the protocol that makes result writes all-or-nothing.
 *
 * <p>Layout under the sweep directory:
 * <pre>
 *   sweep.conf                                 resolved sweep file of the last run
 *   runs/part-BATCH.parquet                    ok and diverged rows of one batch; its presence commits the batch
 *   runs/failed-BATCH-CELL.parquet             the row of one failed cell, deleted once the cell runs again
 *   curves/part-BATCH.parquet                  curve rows of one batch
 *   fits/, acceleration/                       derived tables, rewritten as a whole by each fit
 *   _staging/                                  files being written; never read as results
 * </pre>
 *
 * <p>A batch is written to {@code _staging} first, then its curves and failed rows are renamed into place, and the
 * runs part file is renamed last. Until that last rename the batch is not committed: {@link #recover()} deletes its
 * curves and failed files, and readers skip them. Batch ids sort in the order they were created, so the newest row
 * of a cell wins. Spark and Hive ignore files whose names start with {@code _} or {@code .}, so outside readers of
 * {@code runs/} and {@code curves/} see committed files and, at worst, an uncommitted batch from a driver that was
 * killed mid-commit and not yet recovered.
 */
public final class SweepStore {
    private static final Logger LOG = LoggerFactory.getLogger(SweepStore.class);

    public static final String SWEEP_FILE = "sweep.conf";
    public static final String STAGING = "_staging";
    private static final String PART_PREFIX = "part-";
    private static final String FAILED_PREFIX = "failed-";
    private static final String SUFFIX = ".parquet";

    private final Path dir;
    private final Configuration conf;
    private final FileSystem fs;

    /**
     * Opens a sweep directory; nothing is created until something is written.
     *
     * @param dir  any Hadoop file system URI or a local path
     * @param conf Hadoop configuration used for the file system
     */
    public SweepStore(String dir, Configuration conf) throws IOException {
        this.conf = conf;
        Path path = new Path(dir);
        FileSystem resolved = path.getFileSystem(conf);
        if (resolved instanceof LocalFileSystem) {
            // Checksum side files (.crc) would only clutter a local results folder, so the shared instance
            // writes none.
            resolved = NioLocalFileSystem.shared(conf);
        }
        this.fs = resolved;
        this.dir = fs.makeQualified(path);
    }

    public Path dir() {
        return dir;
    }

    public Configuration conf() {
        return conf;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    /** Folder of a table. */
    public Path table(String table) {
        return new Path(dir, table);
    }

    /** Returns whether the batch's runs part file exists, which is what commits it. */
    public boolean isCommitted(String batchId) throws IOException {
        return fs.exists(partFile(Tables.RUNS, batchId));
    }

    /**
     * Writes and commits one batch. Safe to call again for the same batch after a failed attempt: files of the
     * earlier attempt are replaced. Returns false, writing nothing, when the batch is already committed.
     *
     * @param batchId        sortable, unique id of the batch
     * @param attempt        distinguishes staging folders of concurrent or repeated attempts
     * @param runRows        ok and diverged rows in runs order
     * @param failedRows     rows of failed cells, keyed by cell id
     * @param curveRows      curve rows of every cell in the batch
     * @param supersededRuns failed-row files of earlier runs for the cells in this batch, deleted after the commit
     */
    public boolean commitBatch(String batchId, String attempt, TableSchema runsSchema, List<Object[]> runRows,
                               Map<String, Object[]> failedRows, TableSchema curvesSchema, List<Object[]> curveRows,
                               List<String> supersededRuns) throws IOException {
        if (isCommitted(batchId)) {
            return false;
        }
        Path staging = new Path(new Path(dir, STAGING), batchId + "-" + attempt);
        fs.mkdirs(staging);
        Path stagedCurves = new Path(staging, "curves" + SUFFIX);
        Path stagedRuns = new Path(staging, "runs" + SUFFIX);
        ParquetIO.write(conf, fs, stagedCurves, curvesSchema, curveRows);
        ParquetIO.write(conf, fs, stagedRuns, runsSchema, runRows);
        Map<String, Path> stagedFailed = new TreeMap<>();
        for (Map.Entry<String, Object[]> e : failedRows.entrySet()) {
            Path file = new Path(staging, "failed-" + e.getKey() + SUFFIX);
            ParquetIO.write(conf, fs, file, runsSchema, List.<Object[]>of(e.getValue()));
            stagedFailed.put(e.getKey(), file);
        }

        fs.mkdirs(table(Tables.CURVES));
        fs.mkdirs(table(Tables.RUNS));
        moveReplacing(stagedCurves, partFile(Tables.CURVES, batchId));
        for (Map.Entry<String, Path> e : stagedFailed.entrySet()) {
            moveReplacing(e.getValue(), new Path(table(Tables.RUNS), failedName(batchId, e.getKey())));
        }
        Path committed = partFile(Tables.RUNS, batchId);
        if (fs.exists(committed)) {
            // Another attempt of this batch committed while this one was writing.
            fs.delete(staging, true);
            return false;
        }
        if (!fs.rename(stagedRuns, committed)) {
            throw new IOException("could not rename " + stagedRuns + " to " + committed);
        }
        fs.delete(staging, true);
        for (String name : supersededRuns) {
            fs.delete(new Path(table(Tables.RUNS), name), false);
        }
        return true;
    }

    /** Returns the name of the file that contains a failed cell's row. */
    static String failedName(String batchId, String cellId) {
        return FAILED_PREFIX + batchId + "-" + cellId + SUFFIX;
    }

    private void moveReplacing(Path from, Path to) throws IOException {
        if (fs.exists(to)) {
            fs.delete(to, false);
        }
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }

    /** Counts of the files that {@link #recover} removed. */
    public record Recovery(int stagingRemoved, int orphanFilesRemoved, int supersededFailedRemoved) {
        public boolean changedAnything() {
            return stagingRemoved + orphanFilesRemoved + supersededFailedRemoved > 0;
        }
    }

    /**
     * Removes what an interrupted driver left behind: the staging folder, curves and failed-row files of batches
     * whose runs part file never landed, and failed-row files of cells that have a newer row. Call it only while
     * holding the sweep lock.
     */
    public Recovery recover(TableSchema runsSchema) throws IOException {
        int staging = 0;
        Path stagingDir = new Path(dir, STAGING);
        if (fs.exists(stagingDir)) {
            staging = fs.listStatus(stagingDir).length;
            fs.delete(stagingDir, true);
        }
        Set<String> committed = committedBatches();
        int orphans = 0;
        for (FileStatus file : list(Tables.CURVES)) {
            String batch = batchOfPart(file.getPath().getName());
            if (batch != null && !committed.contains(batch)) {
                fs.delete(file.getPath(), false);
                orphans++;
            }
        }
        for (FileStatus file : list(Tables.RUNS)) {
            String[] failed = parseFailed(file.getPath().getName());
            if (failed != null && !committed.contains(failed[0])) {
                fs.delete(file.getPath(), false);
                orphans++;
            }
        }
        int superseded = 0;
        for (String name : supersededFailedFiles(runsSchema)) {
            fs.delete(new Path(table(Tables.RUNS), name), false);
            superseded++;
        }
        Recovery recovery = new Recovery(staging, orphans, superseded);
        if (recovery.changedAnything()) {
            LOG.info("recovered {}: removed {} staging folders, {} files of uncommitted batches and {} superseded "
                    + "failed rows", dir, staging, orphans, superseded);
        }
        return recovery;
    }

    /** Ids of committed batches: those whose runs part file exists. */
    public Set<String> committedBatches() throws IOException {
        Set<String> batches = new HashSet<>();
        for (FileStatus file : list(Tables.RUNS)) {
            String batch = batchOfPart(file.getPath().getName());
            if (batch != null) {
                batches.add(batch);
            }
        }
        return batches;
    }

    /** The newest committed row of every cell, with the file it is in. */
    public record IndexEntry(String cellId, String status, String batchId, String fileName) {
    }

    /**
     * Reads the status of every committed cell: from the runs part files of committed batches and the failed-row
     * files, the newest row of each cell.
     *
     * @throws CorruptFileException when a committed runs file cannot be read as Parquet
     */
    public Map<String, IndexEntry> readIndex(TableSchema runsSchema) throws IOException {
        Set<String> committed = committedBatches();
        TableSchema idAndStatus = new TableSchema(Tables.RUNS, List.of(runsSchema.columns().get(
                runsSchema.indexOf("cell_id")), runsSchema.columns().get(runsSchema.indexOf("status"))));
        List<FileStatus> files = new ArrayList<>(list(Tables.RUNS));
        files.sort(Comparator.comparing(f -> batchSortKey(f.getPath().getName())));
        Map<String, IndexEntry> index = new HashMap<>();
        for (FileStatus file : files) {
            String name = file.getPath().getName();
            String owner = ownerBatch(name);
            if (owner == null || !committed.contains(owner)) {
                continue;
            }
            for (Object[] row : readCommitted(file.getPath(), idAndStatus)) {
                index.put((String) row[0], new IndexEntry((String) row[0], (String) row[1], owner, name));
            }
        }
        return index;
    }

    /**
     * Reads the {@code experiment} column of every committed runs file, for a sweep directory whose sweep file is
     * lost. The columns it reads are the same for every experiment kind.
     *
     * @return the experiment names, sorted; empty when no batch is committed
     * @throws CorruptFileException when a committed runs file cannot be read as Parquet
     */
    public SortedSet<String> experimentNames() throws IOException {
        Column cellId = Column.required("cell_id", ParamType.STRING);
        Column status = Column.required("status", ParamType.STRING);
        Column experiment = Column.required("experiment", ParamType.STRING);
        TableSchema indexColumns = new TableSchema(Tables.RUNS, List.of(cellId, status));
        TableSchema experimentColumn = new TableSchema(Tables.RUNS, List.of(experiment));
        SortedSet<String> names = new TreeSet<>();
        for (Path file : committedFiles(Tables.RUNS, indexColumns)) {
            for (Object[] row : readCommitted(file, experimentColumn)) {
                names.add((String) row[0]);
            }
        }
        return names;
    }

    /**
     * Uncommits each committed batch whose curves part file is missing, for example because a user deleted it, by
     * deleting the batch's runs part file. Its cells then count as missing, so the run computes them again and stores
     * each of their rows once. Its failed-row files become files of an uncommitted batch, which {@link #recover}
     * removes. Call it only while holding the sweep lock, and before {@link #recover}.
     *
     * <p>NOTE: a second task attempt that commits the same batch deletes and replaces its curves file, so a call
     * while tasks commit could uncommit a complete batch. Drivers therefore call it before they start their tasks.
     *
     * @return ids of the uncommitted batches, sorted
     */
    public List<String> uncommitBatchesWithoutCurves() throws IOException {
        List<String> batches = batchesWithoutCurves();
        for (String batch : batches) {
            Path runsPart = partFile(Tables.RUNS, batch);
            fs.delete(runsPart, false);
            LOG.warn("curves file {} of committed batch {} is missing; deleted its runs file {} so that the batch's "
                    + "cells run again", partFile(Tables.CURVES, batch), batch, runsPart);
        }
        return batches;
    }

    /** Returns the ids of committed batches without a curves part file, sorted. */
    private List<String> batchesWithoutCurves() throws IOException {
        Set<String> withCurves = new HashSet<>();
        for (FileStatus file : list(Tables.CURVES)) {
            String batch = batchOfPart(file.getPath().getName());
            if (batch != null) {
                withCurves.add(batch);
            }
        }
        List<String> missing = new ArrayList<>(committedBatches());
        missing.removeAll(withCurves);
        missing.sort(Comparator.naturalOrder());
        return missing;
    }

    /** Returns the committed part file of a batch in a table: {@code TABLE/part-BATCH.parquet}. */
    private Path partFile(String table, String batchId) {
        return new Path(table(table), PART_PREFIX + batchId + SUFFIX);
    }

    /**
     * Checks that every committed batch has a curves file and that its footer can be read, so that a missing or
     * damaged file is reported before a run writes anything rather than by a Spark job that reads it later. This
     * catches deleted, truncated and overwritten files but not damaged data pages. Runs files need no separate check
     * because {@link #readIndex} reads them whole.
     *
     * @throws CorruptFileException naming the first missing or unreadable file and the fix
     */
    public void checkCurvesFiles() throws IOException {
        List<String> withoutCurves = batchesWithoutCurves();
        if (!withoutCurves.isEmpty()) {
            throw missingCurves(withoutCurves.get(0));
        }
        Set<String> committed = committedBatches();
        List<FileStatus> curves = new ArrayList<>(list(Tables.CURVES));
        curves.sort(Comparator.comparing(f -> f.getPath().getName()));
        for (FileStatus file : curves) {
            String batch = batchOfPart(file.getPath().getName());
            if (batch == null || !committed.contains(batch)) {
                continue;
            }
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file.getPath(), conf))) {
                reader.getFooter();
            } catch (FileNotFoundException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw corrupt(file.getPath(), e);
            }
        }
    }

    /** Reads a committed runs file, reporting a file that is not readable Parquet as {@link CorruptFileException}. */
    private List<Object[]> readCommitted(Path file, TableSchema schema) throws IOException {
        try {
            return ParquetIO.read(conf, file, schema);
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    /**
     * Describes a committed batch whose curves file is missing, and its fix: a run of the sweep file uncommits the
     * batch with {@link #uncommitBatchesWithoutCurves} and computes its cells again.
     */
    private CorruptFileException missingCurves(String batch) {
        Path curvesPart = partFile(Tables.CURVES, batch);
        Path runsPart = partFile(Tables.RUNS, batch);
        return new CorruptFileException(curvesPart, "curves file " + curvesPart + " of committed batch " + batch
                + " is missing. Run the sweep file again with the same --output: the run deletes " + runsPart
                + " and computes the batch's cells again.", null);
    }

    /**
     * Describes an unreadable committed file and its fix. Deleting a batch's runs part file uncommits the batch, so
     * the next run removes the batch's other files in {@link #recover} and computes its cells again.
     */
    private CorruptFileException corrupt(Path file, Throwable cause) {
        String name = file.getName();
        String batch = batchOfPart(name);
        String[] failed = parseFailed(name);
        String fix;
        if (failed != null) {
            fix = "Delete " + file + " and run the same command again: cell " + failed[1] + " then runs again.";
        } else {
            Path runsPart = partFile(Tables.RUNS, batch);
            Path curvesPart = partFile(Tables.CURVES, batch);
            fix = "Delete " + runsPart + " and " + curvesPart + ", then run the same command again: the cells of "
                    + "batch " + batch + " then run again.";
        }
        return new CorruptFileException(file, "committed result file " + file + " cannot be read as Parquet ("
                + cause + "). " + fix, cause);
    }

    /** Committed files of a table (runs: part and live failed files; curves: part files of committed batches). */
    public List<Path> committedFiles(String table, TableSchema runsSchema) throws IOException {
        Set<String> committed = committedBatches();
        Set<String> superseded = Tables.RUNS.equals(table) ? new HashSet<>(supersededFailedFiles(runsSchema))
                : Set.of();
        List<Path> files = new ArrayList<>();
        for (FileStatus file : list(table)) {
            String name = file.getPath().getName();
            String owner = ownerBatch(name);
            if (owner != null && committed.contains(owner) && !superseded.contains(name)) {
                files.add(file.getPath());
            }
        }
        files.sort(Comparator.comparing(Path::getName));
        return files;
    }

    private List<String> supersededFailedFiles(TableSchema runsSchema) throws IOException {
        Map<String, IndexEntry> newest = readIndex(runsSchema);
        List<String> superseded = new ArrayList<>();
        Set<String> committed = committedBatches();
        for (FileStatus file : list(Tables.RUNS)) {
            String[] failed = parseFailed(file.getPath().getName());
            if (failed == null || !committed.contains(failed[0])) {
                continue;
            }
            IndexEntry entry = newest.get(failed[1]);
            if (entry != null && !entry.fileName().equals(file.getPath().getName())) {
                superseded.add(file.getPath().getName());
            }
        }
        return superseded;
    }

    private List<FileStatus> list(String table) throws IOException {
        Path path = table(table);
        if (!fs.exists(path)) {
            return List.of();
        }
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus status : fs.listStatus(path)) {
            if (status.isFile()) {
                files.add(status);
            }
        }
        return files;
    }

    /** Returns the batch a runs or curves file belongs to, or null for a file of another kind. */
    private static String ownerBatch(String name) {
        String batch = batchOfPart(name);
        if (batch != null) {
            return batch;
        }
        String[] failed = parseFailed(name);
        return failed == null ? null : failed[0];
    }

    private static String batchOfPart(String name) {
        if (name.startsWith(PART_PREFIX) && name.endsWith(SUFFIX)) {
            return name.substring(PART_PREFIX.length(), name.length() - SUFFIX.length());
        }
        return null;
    }

    /** Splits {@code failed-BATCH-CELL.parquet} into batch id and cell id; null for other names. */
    private static String[] parseFailed(String name) {
        if (!name.startsWith(FAILED_PREFIX) || !name.endsWith(SUFFIX)) {
            return null;
        }
        String body = name.substring(FAILED_PREFIX.length(), name.length() - SUFFIX.length());
        int cut = body.lastIndexOf('-');
        if (cut <= 0) {
            return null;
        }
        return new String[] {body.substring(0, cut), body.substring(cut + 1)};
    }

    /** Orders part and failed files by batch id, and a part file after the failed files of its own batch. */
    private static String batchSortKey(String name) {
        String batch = batchOfPart(name);
        if (batch != null) {
            return batch + "~";
        }
        String[] failed = parseFailed(name);
        return failed != null ? failed[0] + "!" + failed[1] : name;
    }

    /**
     * Writes and deletes an empty file of the given table in the staging folder. This loads and compiles the Parquet
     * writer once, at start-up, rather than in the first task: in local mode the tasks run in this JVM.
     */
    public void warmUp(TableSchema schema) throws IOException {
        Path file = new Path(new Path(dir, STAGING), "warm-up-" + System.nanoTime() + SUFFIX);
        ParquetIO.write(conf, fs, file, schema, List.of());
        fs.delete(file, false);
    }

    /** Writes a small text file atomically (temporary file, then rename). */
    public void writeText(String name, String text) throws IOException {
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "." + name + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        moveReplacing(tmp, new Path(dir, name));
    }

    /**
     * Replaces a derived table as a whole: writes it to staging, removes the old folder and renames the new one into
     * place. A derived table can always be computed again from runs and curves.
     */
    public void replaceTable(TableSchema schema, List<Object[]> rows, String token) throws IOException {
        Path staging = new Path(new Path(dir, STAGING), schema.table() + "-" + token);
        fs.mkdirs(staging);
        ParquetIO.write(conf, fs, new Path(staging, "part-00000" + SUFFIX), schema, rows);
        Path target = table(schema.table());
        if (fs.exists(target)) {
            fs.delete(target, true);
        }
        if (!fs.rename(staging, target)) {
            throw new IOException("could not rename " + staging + " to " + target);
        }
    }
}
