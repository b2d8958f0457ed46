package org.depthsweep.cli;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.depthsweep.analysis.FitJob;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.FitSettings;
import org.depthsweep.sweep.SweepSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fit SWEEP_DIR}: fits slopes again, for example with another window or threshold. Like {@code run}, it fits
 * only the cells of the sweep's saved {@code sweep.conf}, the resolved sweep file of the last run. Without a readable
 * {@code sweep.conf} it warns and fits every cell in the folder with the default fit settings.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Fits log-log convergence slopes and acceleration factors of a sweep's curves, rewrites the "
                + "fits and acceleration tables and prints the summary.",
                "Fits the cells of the sweep's saved sweep.conf, the sweep file of the last run, as run does; "
                        + "cells of earlier runs with other settings are left out. Defaults come from its fit "
                        + "block."})
final class FitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "a sweep directory, OUTPUT/<name>")
    String sweepDir;

    @Option(names = "--tail-fraction", paramLabel = "F",
            description = "fit the recorded steps t >= F * t_last, 0 < F < 1 (default: fit.tail_fraction)")
    Double tailFraction;

    @Option(names = "--eps", paramLabel = "E",
            description = "error threshold of the acceleration factors, > 0 (default: fit.eps)")
    Double eps;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        SparkStart.checkMaster(master);
        Optional<SweepSpec> spec = SweepDirs.loadSavedSpec(sweepDir, "fit uses every cell in the folder, "
                + "including cells of earlier runs with other settings, and the default fit settings");
        StopSignalHandler.setMessage("fit of " + sweepDir + " interrupted: the runs and curves tables are unchanged, "
                + "and running the same command again writes the derived tables in full");
        FitSettings settings = spec.map(SweepSpec::fit).orElse(FitSettings.DEFAULTS);
        double fraction = tailFraction != null ? tailFraction : settings.tailFraction();
        double threshold = eps != null ? eps : settings.eps();
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidInputException("--tail-fraction must be in (0, 1), got " + fraction
                    + "; 0.1 fits the last decade of steps");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new InvalidInputException("--eps must be a finite number > 0, got " + threshold);
        }
        SparkSession spark = SparkStart.create(master, "depthsweep fit");
        try {
            SweepStore store = new SweepStore(sweepDir, spark.sparkContext().hadoopConfiguration());
            try (SweepLock lock = SweepLock.acquire(store)) {
                String experiment = spec.isPresent() ? spec.get().experiment() : SweepDirs.experimentOfRuns(store);
                Set<String> cellIds = spec.map(SweepDirs::currentCellIds).orElse(null);
                TableSchema runs = Tables.runs(ExperimentRegistry.get(experiment));
                store.recover(runs);
                store.checkCurvesFiles();
                SweepDirs.requireCurrentCells(store, store.readIndex(runs).keySet(), cellIds);
                FitJob.Result result = new FitJob(spark).fit(store, experiment, fraction, threshold, cellIds);
                System.out.print(result.summary());
            }
        } finally {
            SparkSessions.stop(spark);
        }
        return 0;
    }
}
