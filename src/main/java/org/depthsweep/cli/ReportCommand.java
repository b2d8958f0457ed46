package org.depthsweep.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.report.ReportJob;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.SweepSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report SWEEP_DIR}: writes the figures and tables of a sweep to SWEEP_DIR/report. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Writes SWEEP_DIR/report/ from the sweep's Parquet tables: index.html (opens from disk), "
                + "report.md, and every figure as PNG and SVG under figures/.",
                "The slope and acceleration tables come from the fits_summary and acceleration_summary tables that "
                        + "run and fit write; run fit SWEEP_DIR first for a sweep fitted by an older version.",
                "Covers the cells of the sweep's saved sweep.conf, the sweep file of the last run, as run and fit "
                        + "do.",
                "Files in SWEEP_DIR/report/ that the report does not write are kept."})
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "a sweep directory, OUTPUT/<name>")
    String sweepDir;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        SparkStart.checkMaster(master);
        Optional<SweepSpec> spec = SweepDirs.loadSavedSpec(sweepDir, "the report covers every cell in the folder, "
                + "including cells of earlier runs with other settings");
        StopSignalHandler.setMessage("report of " + sweepDir + " interrupted: the runs and curves tables are "
                + "unchanged, and running the same command again writes the report in full");
        requireReportFolder(sweepDir, new Configuration());
        SparkSession spark = SparkStart.create(master, "depthsweep report");
        try {
            SweepStore store = new SweepStore(sweepDir, spark.sparkContext().hadoopConfiguration());
            try (SweepLock lock = SweepLock.acquire(store)) {
                Experiment experiment = ExperimentRegistry.get(spec.isPresent() ? spec.get().experiment()
                        : SweepDirs.experimentOfRuns(store));
                // Reads the runs files and the curves footers, so a missing or damaged file is reported by name
                // before Spark reads it.
                Set<String> committed = store.readIndex(Tables.runs(experiment)).keySet();
                store.checkCurvesFiles();
                String name = spec.isPresent() ? spec.get().name() : store.dir().getName();
                String description = spec.flatMap(SweepSpec::description).orElse(null);
                Set<String> cellIds = spec.map(SweepDirs::currentCellIds).orElse(null);
                SweepDirs.requireCurrentCells(store, committed, cellIds);
                write(spark, store, experiment, name, description, cellIds);
            }
        } finally {
            SparkSessions.stop(spark);
        }
        return 0;
    }

    /**
     * Checks that SWEEP_DIR/report is a folder or does not exist yet, so that writing the report replaces no user file.
     *
     * @throws InvalidInputException naming the path and the fix when it is a regular file
     */
    static void requireReportFolder(String sweepDir, Configuration conf) throws IOException {
        Path report = new Path(sweepDir, ReportJob.REPORT_DIR);
        FileStatus status;
        try {
            status = report.getFileSystem(conf).getFileStatus(report);
        } catch (FileNotFoundException e) {
            return;
        }
        if (!status.isDirectory()) {
            throw new InvalidInputException("the report folder " + report + " exists and is a file, not a folder. "
                    + "Fix: move or rename the file " + report + ", then run the command again.");
        }
    }

    /**
     * Writes the report of a sweep whose lock the caller holds, and prints where it went.
     *
     * @param cellIds ids of the cells of the sweep's current sweep file, or null for every cell in the folder
     */
    static void write(SparkSession spark, SweepStore store, Experiment experiment, String name, String description,
                      Set<String> cellIds) throws IOException {
        ReportJob.Result result = new ReportJob(spark).write(store, experiment, name, description, cellIds);
        System.out.printf("report with %d figures and %d tables: %s%n", result.figureNames().size(),
                result.tableTitles().size(), new Path(result.dir(), ReportJob.INDEX_HTML));
        if (!result.fitted()) {
            System.err.printf("warning: %s has no fits_summary table, so the report has no slope or acceleration "
                    + "table. Run fit %s, then report again.%n", store.dir(), store.dir());
        }
    }
}
