package org.depthsweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.analysis.FitJob;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.spark.SweepDriver;
import org.depthsweep.spark.SweepJob;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.SweepLoader;
import org.depthsweep.sweep.SweepSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run CONFIG}: runs the missing cells of a sweep, then fits slopes and prints the summary. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Runs a sweep file on Spark: every cell without a result yet, then the slope fits.",
                "Results go to OUTPUT/<name>/{runs,curves,fits,acceleration} as Parquet. A rerun of the same "
                        + "file runs only missing and failed cells."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "sweep file (HOCON)")
    Path config;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "output root; the sweep goes to DIR/<name> (default: ${DEFAULT-VALUE}). Any Hadoop file "
                    + "system URI works.")
    String output;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override one key of the sweep file; VALUE is HOCON (--set p=[3,4] gives a list). "
                    + "Setting a parameter replaces its axis or fixed value. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master as spark-submit sets it, else local[*])")
    String master;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "run at most N of the missing cells and leave the rest for a later run (0: all)")
    int limit;

    @Option(names = "--yes", description = "run even when the grid has more cells than run.max_cells")
    boolean yes;

    @Option(names = "--no-fit", description = "skip the slope fits and the summary after the run")
    boolean noFit;

    @Option(names = "--dry-run",
            description = "check the sweep file, print the cell count and the parameters that vary, run nothing")
    boolean dryRun;

    @Option(names = "--report", description = "after the fits, write the figures and tables to OUTPUT/<name>/report "
            + "(as the report command does)")
    boolean writeReport;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException("sweep file " + config + " does not exist or is not a file");
        }
        if (limit < 0) {
            throw new InvalidInputException("--limit must be >= 0, got " + limit);
        }
        if (writeReport && noFit) {
            throw new InvalidInputException("--report needs the fits that --no-fit skips; drop one of the two");
        }
        SparkStart.checkMaster(master);
        SweepSpec spec = SweepLoader.load(config, sets);
        System.out.printf("sweep %s (%s): %d cells; parameters that vary: %s%n", spec.name(), spec.experiment(),
                spec.cells().size(),
                spec.varyingParameters().isEmpty() ? "none" : String.join(", ", spec.varyingParameters()));
        Experiment experiment = ExperimentRegistry.get(spec.experiment());
        experiment.checkInputs(spec.cells());
        List<Cell> cells = experiment.withInputFingerprints(spec.cells());
        if (dryRun) {
            return 0;
        }
        if (cells.size() > spec.run().maxCells() && !yes) {
            throw new InvalidInputException("sweep " + spec.name() + " expands to " + cells.size()
                    + " cells, more than "
                    + "run.max_cells = " + spec.run().maxCells() + ". Pass --yes to run it anyway, or set "
                    + "run.max_cells higher.");
        }
        StopSignalHandler.setMessage("sweep " + spec.name() + " interrupted: the cells committed so far are kept, and "
                + "running the same command again resumes it");
        String sweepDir = Outputs.sweepDir(output, spec.name());
        SweepJob job = new SweepJob(spec.name(), spec.experiment(), cells, spec.resolvedConfigText(),
                spec.configHash(), (int) spec.run().cellsPerTask(), (int) spec.run().maxAttempts(),
                spec.run().progressSeconds());

        SparkSession spark = SparkStart.create(master, "depthsweep " + spec.name());
        try {
            Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
            Outputs.check(output, sweepDir, hadoopConf);
            if (writeReport) {
                ReportCommand.requireReportFolder(sweepDir, hadoopConf);
            }
            Outputs.localOutputWarning(spark.sparkContext().master(), sweepDir, hadoopConf)
                    .ifPresent(System.err::println);
            SweepStore store = new SweepStore(sweepDir, hadoopConf);
            try (SweepLock lock = SweepLock.acquire(store)) {
                SweepDriver.RunReport report = new SweepDriver(spark).run(job, store, limit);
                System.out.printf("ran %d cells (%d ok, %d diverged, %d failed); %d were already done; results in "
                                + "%s%n", report.ran(), report.ok(), report.diverged(), report.failed(),
                        report.alreadyDone(), report.sweepDir());
                StopSignalHandler.throwIfRequested();
                if (!noFit) {
                    FitJob.Result fit = new FitJob(spark).fit(store, spec.experiment(), spec.fit().tailFraction(),
                            spec.fit().eps(), SweepDirs.cellIds(cells));
                    System.out.println();
                    System.out.print(fit.summary());
                }
                if (writeReport) {
                    StopSignalHandler.throwIfRequested();
                    System.out.println();
                    ReportCommand.write(spark, store, experiment, spec.name(),
                            spec.description().orElse(null), SweepDirs.cellIds(cells));
                }
                if (report.failed() > 0) {
                    System.err.printf("warning: %d cells failed; their messages are in the runs table. Run the "
                            + "same command again to retry them.%n", report.failed());
                    return Main.EXIT_CELLS_FAILED;
                }
            }
        } finally {
            SparkSessions.stop(spark);
        }
        return 0;
    }
}
