package org.depthsweep.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables a report is made of, read from one sweep directory: run counts, the group values of the cells, the
 * {@code fits_summary} and {@code acceleration_summary} rows, and curve bands computed on demand with Spark.
 *
 * <p>A group is a set of cells that differ only in their seed, as in the summary tables. Failed cells are left out
 * of the groups and the curve bands, because their curves stop at the failure. When the caller gives the cell ids of
 * the current sweep file, the cells of other runs are left out of everything.
 */
final class ReportData {
    private static final Logger LOG = LoggerFactory.getLogger(ReportData.class);
    private static final String FAILED = "failed";
    private static final String BAND_VALUE = "_value";
    private static final String BAND_X = "_x";

    private final Dataset<Row> runs;
    private final Dataset<Row> curves;
    private final List<String> curveColumns;
    private final List<String> groupColumns;
    private final Map<String, Long> statusCounts;
    private final List<SortedMap<String, Object>> groups;
    private final List<String> varyingColumns;
    private final TableSchema fitsSummarySchema;
    private final List<Object[]> fitsSummary;
    private final TableSchema accelerationSummarySchema;
    private final List<Object[]> accelerationSummary;
    private final long otherCells;

    private ReportData(SparkSession spark, SweepStore store, Experiment experiment, Set<String> cellIds)
            throws IOException {
        TableSchema runsSchema = Tables.runs(experiment);
        TableReader reader = new TableReader(spark, store, runsSchema);
        Dataset<Row> allRuns = reader.read(runsSchema);
        if (cellIds == null) {
            runs = allRuns;
            otherCells = 0;
        } else {
            Dataset<Row> ids = spark.createDataset(new ArrayList<>(cellIds), Encoders.STRING()).toDF("cell_id");
            runs = allRuns.join(ids, allRuns.col("cell_id").equalTo(ids.col("cell_id")), "left_semi");
            otherCells = allRuns.count() - runs.count();
        }
        if (otherCells > 0) {
            LOG.warn("{} cells in {} are not in the current sweep file (rows of an earlier run with other settings); "
                    + "they are left out of the report", otherCells, store.dir());
        }
        curves = reader.read(Tables.curves(experiment));
        curveColumns = experiment.curveColumns().stream().map(ColumnSpec::name).toList();
        groupColumns = Tables.groupColumns(experiment).stream().map(org.depthsweep.store.Column::name).toList();

        statusCounts = new LinkedHashMap<>();
        for (Row row : runs.groupBy("status").count().orderBy("status").collectAsList()) {
            statusCounts.put(row.getString(0), row.getLong(1));
        }

        groups = new ArrayList<>();
        Column[] groupSelection = groupColumns.stream().map(functions::col).toArray(Column[]::new);
        for (Row row : runs.filter(col("status").notEqual(FAILED)).select(groupSelection).distinct()
                .collectAsList()) {
            groups.add(groupValues(row, 0));
        }
        groups.sort(ReportFormat.GROUP_ORDER);
        varyingColumns = new ArrayList<>();
        for (String column : groupColumns) {
            if (groups.stream().map(group -> ReportFormat.sortKey(group.get(column))).distinct().count() > 1) {
                varyingColumns.add(column);
            }
        }

        fitsSummarySchema = Tables.fitsSummary(experiment);
        fitsSummary = readIfPresent(store, reader, fitsSummarySchema);
        accelerationSummarySchema = Tables.accelerationSummary(experiment);
        accelerationSummary = readIfPresent(store, reader, accelerationSummarySchema);
    }

    /** Reads the runs, curves and summary tables of a sweep directory, covering every committed cell. */
    static ReportData load(SparkSession spark, SweepStore store, Experiment experiment) throws IOException {
        return new ReportData(spark, store, experiment, null);
    }

    /**
     * Reads the runs, curves and summary tables of a sweep directory.
     *
     * @param cellIds ids of the current sweep file's cells, or null for every committed cell
     */
    static ReportData load(SparkSession spark, SweepStore store, Experiment experiment, Set<String> cellIds)
            throws IOException {
        return new ReportData(spark, store, experiment, cellIds);
    }

    /** Returns the rows of a derived table sorted by their group values, or null when the table was never written. */
    private static List<Object[]> readIfPresent(SweepStore store, TableReader reader, TableSchema schema)
            throws IOException {
        if (!store.fileSystem().exists(store.table(schema.table()))) {
            return null;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Row row : reader.read(schema).collectAsList()) {
            Object[] values = new Object[schema.columns().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i);
            }
            rows.add(values);
        }
        rows.sort(ReportFormat.ROW_ORDER);
        return rows;
    }

    private SortedMap<String, Object> groupValues(Row row, int offset) {
        SortedMap<String, Object> values = new TreeMap<>();
        for (int i = 0; i < groupColumns.size(); i++) {
            values.put(groupColumns.get(i), row.get(offset + i));
        }
        return values;
    }

    /** Returns the number of runs rows with each status, by status name in alphabetical order. */
    Map<String, Long> statusCounts() {
        return statusCounts;
    }

    /** Returns the number of committed cells outside the current sweep file, which the report leaves out. */
    long otherCells() {
        return otherCells;
    }

    /** Returns the group columns: every parameter column except the seed, in parameter order. */
    List<String> groupColumns() {
        return groupColumns;
    }

    /** Returns the group columns that take more than one value over the groups, in parameter order. */
    List<String> varyingColumns() {
        return varyingColumns;
    }

    /** Returns the group values of every group with at least one cell that did not fail, sorted. */
    List<SortedMap<String, Object>> groups() {
        return groups;
    }

    /** Returns whether the experiment records a curve column of this name. */
    boolean hasCurveColumn(String name) {
        return curveColumns.contains(name);
    }

    TableSchema fitsSummarySchema() {
        return fitsSummarySchema;
    }

    /**
     * Returns the fits summary rows sorted by group values, or null when the sweep has not been fitted.
     *
     * <p>NOTE: these rows are what the last {@code run} or {@code fit} wrote. After {@code run --no-fit} with other
     * settings, or a fit without {@code sweep.conf}, they can cover other cells than the runs counts and figures,
     * and nothing warns. Running {@code fit SWEEP_DIR} before the report brings them in line.
     */
    List<Object[]> fitsSummary() {
        return fitsSummary;
    }

    TableSchema accelerationSummarySchema() {
        return accelerationSummarySchema;
    }

    /** Returns the acceleration summary rows sorted by group values, or null when the sweep has not been fitted. */
    List<Object[]> accelerationSummary() {
        return accelerationSummary;
    }

    /**
     * Returns the median and min-max band over seeds of a curve column against the step, one band per group that
     * has values, sorted by group values. Null and NaN values are left out.
     *
     * @param column   curve column name
     * @param absolute whether to take the absolute value of each value first, as for a scale whose sign is
     *                 arbitrary
     */
    List<SeriesBand> bandsByStep(String column, boolean absolute) {
        Column value = absolute ? functions.abs(col(column)) : col(column);
        Dataset<Row> points = curves.select(col("cell_id"), col("step").cast("double").as(BAND_X),
                value.as(BAND_VALUE));
        return bands(points);
    }

    /**
     * Returns the band of a curve column against the epoch, where epoch k is the k-th recorded row of a cell whose
     * value is not null, counting from 1. That suits a column such as test accuracy, which an experiment records
     * once per epoch and leaves null on the other rows.
     */
    List<SeriesBand> bandsByEpoch(String column) {
        Dataset<Row> recorded = curves.filter(col(column).isNotNull().and(functions.not(functions.isnan(col(column)))));
        Column epoch = functions.row_number().over(Window.partitionBy("cell_id").orderBy("step"));
        Dataset<Row> points = recorded.select(col("cell_id"), epoch.cast("double").as(BAND_X),
                col(column).as(BAND_VALUE));
        return bands(points);
    }

    private List<SeriesBand> bands(Dataset<Row> points) {
        List<Column> runColumns = new ArrayList<>();
        runColumns.add(col("cell_id"));
        groupColumns.forEach(name -> runColumns.add(col(name)));
        Dataset<Row> cells = runs.filter(col("status").notEqual(FAILED)).select(runColumns.toArray(Column[]::new));

        List<Column> keys = new ArrayList<>();
        groupColumns.forEach(name -> keys.add(col(name)));
        keys.add(col(BAND_X));
        Dataset<Row> summarized = points
                .filter(col(BAND_VALUE).isNotNull().and(functions.not(functions.isnan(col(BAND_VALUE)))))
                .join(cells, "cell_id")
                .groupBy(keys.toArray(Column[]::new))
                .agg(functions.expr("percentile(" + BAND_VALUE + ", 0.5)"), functions.min(BAND_VALUE),
                        functions.max(BAND_VALUE), functions.count(BAND_VALUE));

        int n = groupColumns.size();
        Map<SortedMap<String, Object>, List<double[]>> byGroup = new TreeMap<>(ReportFormat.GROUP_ORDER);
        for (Row row : summarized.collectAsList()) {
            byGroup.computeIfAbsent(groupValues(row, 0), g -> new ArrayList<>()).add(new double[] {
                    row.getDouble(n), row.getDouble(n + 1), row.getDouble(n + 2), row.getDouble(n + 3),
                    row.getLong(n + 4)});
        }
        List<SeriesBand> bands = new ArrayList<>();
        for (Map.Entry<SortedMap<String, Object>, List<double[]>> entry : byGroup.entrySet()) {
            List<double[]> rows = entry.getValue();
            rows.sort((a, b) -> Double.compare(a[0], b[0]));
            int size = rows.size();
            double[] x = new double[size];
            double[] median = new double[size];
            double[] min = new double[size];
            double[] max = new double[size];
            int seeds = 0;
            for (int i = 0; i < size; i++) {
                double[] r = rows.get(i);
                x[i] = r[0];
                median[i] = r[1];
                min[i] = r[2];
                max[i] = r[3];
                seeds = Math.max(seeds, (int) r[4]);
            }
            bands.add(new SeriesBand(entry.getKey(), x, median, min, max, seeds));
        }
        return bands;
    }
}
