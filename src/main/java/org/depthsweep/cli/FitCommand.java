package org.depthsweep.cli;

import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.depthsweep.analysis.FitJob;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.SweepLock;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.Tables;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.sweep.SweepSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fit SWEEP_DIR}: fits slopes again, for example with another window or threshold. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fits log-log convergence slopes and acceleration factors of a sweep's curves, rewrites the "
                + "fits and acceleration tables and prints the summary.",
                "Defaults come from the fit block of the sweep's saved sweep.conf."})
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
        SweepSpec spec = SweepDirs.loadSpec(sweepDir);
        StopSignalHandler.setMessage("fit of " + sweepDir + " interrupted: the runs and curves tables are unchanged, and "
                + "running the same command again writes the derived tables in full");
        double fraction = tailFraction != null ? tailFraction : spec.fit().tailFraction();
        double threshold = eps != null ? eps : spec.fit().eps();
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidInputException("--tail-fraction must be in (0, 1), got " + fraction
                    + "; 0.1 fits the last decade of steps");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new InvalidInputException("--eps must be a finite number > 0, got " + threshold);
        }
        SparkSession spark = SparkSessions.create(master, "depthsweep fit");
        try {
            SweepStore store = new SweepStore(sweepDir, spark.sparkContext().hadoopConfiguration());
            try (SweepLock lock = SweepLock.acquire(store)) {
                store.recover(Tables.runs(ExperimentRegistry.get(spec.experiment())));
                store.checkCurvesFiles();
                FitJob.Result result = new FitJob(spark).fit(store, spec.experiment(), fraction, threshold);
                System.out.print(result.summary());
            }
        } finally {
            SparkSessions.stop(spark);
        }
        return 0;
    }
}
