package org.depthsweep.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.store.SweepStore;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.SweepLoader;
import org.depthsweep.sweep.SweepSpec;
import org.depthsweep.sweep.SweepSpecException;

/** Opens existing sweep directories by their saved {@code sweep.conf}. */
final class SweepDirs {
    private SweepDirs() {
    }

    /** Loads the resolved sweep file saved in a sweep directory (a local path or any Hadoop file system URI). */
    static SweepSpec loadSpec(String sweepDir) throws IOException {
        Path file = sweepFile(sweepDir);
        String text;
        try (InputStream in = file.getFileSystem(new Configuration()).open(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            throw new InvalidInputException(sweepDir + " has no " + SweepStore.SWEEP_FILE
                    + "; it is not a sweep directory written by depthsweep run");
        }
        return SweepLoader.parse(text, file.toString(), List.of());
    }

    /**
     * Loads the resolved sweep file of the last run, saved in a sweep directory, which fixes the sweep's current
     * cells. When the file is missing or cannot be read or parsed, prints a one-line warning to standard error that
     * names the file, the reason and the fallback, and returns empty.
     *
     * @param fallback what the command does without the file, completing "so ..." in the warning
     * @throws InvalidInputException when the sweep directory does not exist
     */
    static Optional<SweepSpec> loadSavedSpec(String sweepDir, String fallback) throws IOException {
        Path file = sweepFile(sweepDir);
        String problem;
        try (InputStream in = file.getFileSystem(new Configuration()).open(file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(SweepLoader.parse(text, file.toString(), List.of()));
        } catch (FileNotFoundException e) {
            problem = "is missing";
        } catch (IOException | SweepSpecException e) {
            problem = "cannot be read (" + firstLine(e.getMessage()) + ")";
        }
        System.err.printf("warning: %s %s, so %s%n", file, problem, fallback);
        return Optional.empty();
    }

    /** Returns the ids of cells. */
    static Set<String> cellIds(List<Cell> cells) {
        Set<String> ids = new HashSet<>();
        cells.forEach(cell -> ids.add(cell.cellId()));
        return ids;
    }

    /**
     * Returns the ids of a saved sweep file's cells as a run of it computes them, with the fingerprints of the data
     * files they read. When a data file cannot be read any more, prints a one-line warning and returns null, which
     * stands for every cell in the folder: fitting and reporting do not need the data.
     */
    static Set<String> currentCellIds(SweepSpec spec) {
        Experiment experiment = ExperimentRegistry.get(spec.experiment());
        try {
            return cellIds(experiment.withInputFingerprints(spec.cells()));
        } catch (SweepSpecException e) {
            System.err.printf("warning: the data of sweep %s cannot be read (%s), so every cell in the folder is "
                    + "used%n", spec.name(), firstLine(e.getMessage()));
            return null;
        }
    }

    /**
     * Stops a command that would cover none of the committed cells. This happens when the settings or the data files
     * changed after the last run, so that the saved sweep file's cells, with the data fingerprints as they read now,
     * include no committed cell. Fitting or reporting them would replace the derived tables or the report with empty
     * ones.
     *
     * @param committed ids of the committed cells, from {@link SweepStore#readIndex}
     * @param cellIds   ids of the current cells, or null for every committed cell, which always passes
     * @throws InvalidInputException naming the folder and the fix, before anything is written
     */
    static void requireCurrentCells(SweepStore store, Set<String> committed, Set<String> cellIds) {
        if (cellIds == null) {
            return;
        }
        if (committed.isEmpty() || committed.stream().anyMatch(cellIds::contains)) {
            return;
        }
        throw new InvalidInputException("none of the " + committed.size() + " committed cells of " + store.dir()
                + " belongs to its " + SweepStore.SWEEP_FILE + " as it reads now, so the settings or the data files "
                + "(data.path, data.dir) changed after the last run. Nothing was rewritten. Fix: run the sweep file "
                + "again to compute its cells, then run this command again.");
    }

    /**
     * Returns the experiment kind named in a sweep directory's committed runs, for a directory whose sweep file is
     * lost.
     *
     * @throws InvalidInputException when no batch is committed or the runs name more than one experiment
     */
    static String experimentOfRuns(SweepStore store) throws IOException {
        SortedSet<String> names = store.experimentNames();
        if (names.isEmpty()) {
            throw new InvalidInputException(store.dir() + " has neither a readable " + SweepStore.SWEEP_FILE
                    + " nor committed runs; give OUTPUT/<name> of a sweep that has run");
        }
        if (names.size() > 1) {
            throw new InvalidInputException("the runs in " + store.dir() + " name several experiments " + names
                    + " and " + SweepStore.SWEEP_FILE + " is missing or unreadable, so the experiment is unknown; "
                    + "run the sweep file again to write " + SweepStore.SWEEP_FILE);
        }
        return names.first();
    }

    /** Returns the sweep file's path in a sweep directory that exists. */
    private static Path sweepFile(String sweepDir) throws IOException {
        Path dir = new Path(sweepDir);
        FileSystem fs = dir.getFileSystem(new Configuration());
        if (!fs.exists(dir)) {
            throw new InvalidInputException("sweep directory " + sweepDir + " does not exist; give OUTPUT/<name> "
                    + "of a sweep that has run");
        }
        return new Path(dir, SweepStore.SWEEP_FILE);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
