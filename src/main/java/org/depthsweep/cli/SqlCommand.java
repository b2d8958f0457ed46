package org.depthsweep.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sql SWEEP_DIR QUERY}: runs Spark SQL over a sweep's tables. */
@Command(name = "sql", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Runs a Spark SQL query over a sweep's tables, registered as the views runs, curves, fits, "
                + "acceleration, fits_summary and acceleration_summary, and prints the result.",
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

    /** Output formats of the result. */
    enum Format {
        /** Spark's aligned text table. */
        table,
        /** RFC 4180 CSV with a header row. */
        csv,
        /** A JSON array with one object per row; null values are kept as null. */
        json
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "output format: table (aligned text), csv (header row, RFC 4180 quoting, null as an "
                    + "empty field) or json (an array of objects) (default: ${DEFAULT-VALUE})")
    Format format;

    private static final Logger LOG = LoggerFactory.getLogger(SqlCommand.class);
    private static final String WAREHOUSE_PROPERTY = "spark.sql.warehouse.dir";
    /** Name prefix of the temporary warehouse folder of each sql command. */
    static final String WAREHOUSE_PREFIX = "depthsweep-sql-warehouse";

    /**
     * Checks that a query only reads, before Spark starts.
     *
     * @throws InvalidInputException for an empty query, one that does not parse, or one that may write
     */
    static void requireReadOnly(String query) {
        ReadOnlyQuery.require(query);
    }

    @Override
    public Integer call() throws Exception {
        if (maxRows < 1) {
            throw new InvalidInputException("--max-rows must be >= 1, got " + maxRows);
        }
        requireReadOnly(query);
        SparkStart.checkMaster(master);
        SweepSpec spec = SweepDirs.loadSpec(sweepDir);
        Experiment experiment = ExperimentRegistry.get(spec.experiment());
        // Spark's catalog may create its warehouse folder, so it goes to a temporary folder, never into the working
        // directory, and is deleted when the command ends. deleteOnExit covers an exit at once after a signal, for
        // the empty folder that a read-only query leaves.
        java.nio.file.Path warehouse = Files.createTempDirectory(WAREHOUSE_PREFIX);
        warehouse.toFile().deleteOnExit();
        String previousWarehouse = System.setProperty(WAREHOUSE_PROPERTY, warehouse.toUri().toString());
        try {
            run(spec, experiment);
        } finally {
            if (previousWarehouse == null) {
                System.clearProperty(WAREHOUSE_PROPERTY);
            } else {
                System.setProperty(WAREHOUSE_PROPERTY, previousWarehouse);
            }
            deleteTree(warehouse);
        }
        return 0;
    }

    private void run(SweepSpec spec, Experiment experiment) throws IOException {
        SparkSession spark = SparkStart.create(master, "depthsweep sql");
        try {
            SweepStore store = new SweepStore(sweepDir, spark.sparkContext().hadoopConfiguration());
            TableSchema runs = Tables.runs(experiment);
            // Reads the runs files and the curves footers, so a damaged file is reported by name before Spark reads it.
            store.readIndex(runs);
            store.checkCurvesFiles();
            TableReader reader = new TableReader(spark, store, runs);
            for (TableSchema schema : new TableSchema[] {runs, Tables.curves(experiment), Tables.fits(),
                    Tables.acceleration(), Tables.fitsSummary(experiment), Tables.accelerationSummary(experiment)}) {
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
            print(spark, result);
        } finally {
            SparkSessions.stop(spark);
        }
    }

    /** Deletes a folder and everything in it, logging what cannot be deleted rather than failing the command. */
    private static void deleteTree(java.nio.file.Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<java.nio.file.Path> walk = Files.walk(root)) {
            for (java.nio.file.Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the temporary folder {}: {}", root, e.toString());
        }
    }

    private void print(SparkSession spark, Dataset<Row> result) {
        if (format == Format.table) {
            result.show(maxRows, false);
            return;
        }
        if (format == Format.json) {
            spark.conf().set("spark.sql.jsonGenerator.ignoreNullFields", "false");
            List<String> objects = result.limit(maxRows + 1).toJSON().collectAsList();
            List<String> printed = objects.subList(0, Math.min(maxRows, objects.size()));
            System.out.println(printed.isEmpty() ? "[]" : "[\n" + String.join(",\n", printed) + "\n]");
            warnIfCut(objects.size());
            return;
        }
        List<Row> rows = result.limit(maxRows + 1).collectAsList();
        System.out.println(csvLine(Arrays.asList((Object[]) result.columns())));
        for (Row row : rows.subList(0, Math.min(maxRows, rows.size()))) {
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                values.add(row.get(i));
            }
            System.out.println(csvLine(values));
        }
        warnIfCut(rows.size());
    }

    private void warnIfCut(int fetched) {
        if (fetched > maxRows) {
            System.err.printf("warning: printed the first %d rows; raise --max-rows to print more%n", maxRows);
        }
    }

    /**
     * Returns one CSV line: fields separated by commas, and null as an empty field. An empty string, and a field
     * that contains a comma, a double quote, CR or LF, is enclosed in double quotes with its quotes doubled
     * (RFC 4180), so an empty string reads back apart from null.
     */
    static String csvLine(List<Object> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            String text = value.toString();
            boolean quote = text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                    || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
            line.append(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
        }
        return line.toString();
    }
}
