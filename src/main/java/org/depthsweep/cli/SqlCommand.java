package org.depthsweep.cli;

import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.spark.SparkSessions;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.SweepSpec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sql SWEEP_DIR QUERY}: runs Spark SQL over a sweep's tables. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Runs a Spark SQL query over a sweep's tables, registered as the views runs, curves, fits "
                + "and acceleration, and prints the result.",
                "Example: sql output/toy-lp \"SELECT p, depth, avg(slope) FROM fits JOIN runs USING (cell_id) "
                        + "WHERE metric = 'error' GROUP BY p, depth ORDER BY p, depth\""})
final class SqlCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "a sweep directory, OUTPUT/<name>")
    String sweepDir;

    @Parameters(index = "1", paramLabel = "QUERY", description = "Spark SQL query")
    String query;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000",
            description = "print at most N rows (default: ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        if (maxRows < 1) {
            throw new InvalidInputException("--max-rows must be >= 1, got " + maxRows);
        }
        SweepSpec spec = SweepDirs.loadSpec(sweepDir);
        Experiment experiment = ExperimentRegistry.get(spec.experiment());
        SparkSession spark = SparkSessions.create(master, "depthsweep sql");
        try {
            SweepStore store = new SweepStore(sweepDir, spark.sparkContext().hadoopConfiguration());
            TableSchema runs = Tables.runs(experiment);
            // Reads the runs files and the curves footers, so a damaged file is reported by name before Spark reads it.
            store.readIndex(runs);
            store.checkCurvesFiles();
            TableReader reader = new TableReader(spark, store, runs);
            for (TableSchema schema : new TableSchema[] {runs, Tables.curves(experiment), Tables.fits(),
                    Tables.acceleration()}) {
                reader.read(schema).createOrReplaceTempView(schema.table());
            }
            Dataset<Row> result;
            try {
                result = spark.sql(query);
            } catch (Exception e) {
                // Spark declares no checked exceptions but throws AnalysisException for a bad query.
                if (e instanceof org.apache.spark.sql.AnalysisException
                        || e instanceof org.apache.spark.sql.catalyst.parser.ParseException) {
                    throw new InvalidInputException("invalid query: " + e.getMessage());
                }
                throw e;
            }
            result.show(maxRows, false);
        } finally {
            spark.stop();
        }
        return 0;
    }
}
