package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

import scala.Tuple2;

/**
 * Aggregates the per-cell {@code fits} and {@code acceleration} tables over seeds into the rows of the
 * {@code fits_summary} and {@code acceleration_summary} tables (see {@link org.depthsweep.store.Tables}).
 *
 * <p>A group is the set of cells with equal values in every group column, which are the parameters other than the
 * seed. Groups are reduced on the executors with mergeable accumulators ({@link SampleStats}, counts, minimum and
 * maximum), so the rows are the same, bit for bit, whatever the partitioning and order of the input rows. The rows
 * come back sorted by their group values in {@link ParamValues} order.
 */
public final class SeedAggregation {
    /** Coverage of the t-intervals in the summary tables. */
    public static final double CONFIDENCE = 0.95;

    private static final String GROUP_PREFIX = "_group_";
    private static final String RUN_CELL_ID = "_run_cell_id";

    private SeedAggregation() {
    }

    /**
     * Returns the fits summary rows: group values, then metric, window and the columns of
     * {@link org.depthsweep.store.Tables#fitsSummary}.
     *
     * @param fits         rows of the fits table
     * @param runs         rows of the runs table; only {@code cell_id} and the group columns are read, and a fit
     *                     whose cell has no run row is left out
     * @param groupColumns the group columns, in output order
     */
    public static List<Object[]> fitsSummary(Dataset<Row> fits, Dataset<Row> runs, List<String> groupColumns) {
        List<Column> selected = groupSelection(groupColumns);
        selected.addAll(List.of(functions.col("metric"), functions.col("window"), functions.col("slope"),
                functions.col("theory_slope"), functions.col("from_step"), functions.col("points")));
        int keySize = groupColumns.size() + 2;
        JavaPairRDD<List<Object>, FitGroup> groups = joinRuns(fits, runs, groupColumns)
                .select(selected.toArray(Column[]::new))
                .javaRDD()
                .mapToPair(row -> new Tuple2<>(key(row, keySize), FitGroup.of(row, keySize)))
                .reduceByKey(FitGroup::merge);

        List<Object[]> rows = new ArrayList<>();
        for (Tuple2<List<Object>, FitGroup> group : sorted(groups.collect())) {
            rows.add(group._2().toRow(group._1()));
        }
        return rows;
    }

    /**
     * Returns the acceleration summary rows: group values, then eps and the columns of
     * {@link org.depthsweep.store.Tables#accelerationSummary}.
     *
     * @param acceleration rows of the acceleration table
     * @param runs         rows of the runs table, as for {@link #fitsSummary}
     * @param groupColumns the group columns, in output order
     */
    public static List<Object[]> accelerationSummary(Dataset<Row> acceleration, Dataset<Row> runs,
                                                     List<String> groupColumns) {
        List<Column> selected = groupSelection(groupColumns);
        selected.addAll(List.of(functions.col("eps"), functions.col("steps_to_eps"), functions.col("factor"),
                functions.col("time_factor")));
        int keySize = groupColumns.size() + 1;
        JavaPairRDD<List<Object>, AccelerationGroup> groups = joinRuns(acceleration, runs, groupColumns)
                .select(selected.toArray(Column[]::new))
                .javaRDD()
                .mapToPair(row -> new Tuple2<>(key(row, keySize), AccelerationGroup.of(row, keySize)))
                .reduceByKey(AccelerationGroup::merge);

        List<Object[]> rows = new ArrayList<>();
        for (Tuple2<List<Object>, AccelerationGroup> group : sorted(groups.collect())) {
            rows.add(group._2().toRow(group._1()));
        }
        return rows;
    }

    /** Selects the group columns by their names in {@link #joinRuns}. */
    private static List<Column> groupSelection(List<String> groupColumns) {
        List<Column> selected = new ArrayList<>();
        for (int i = 0; i < groupColumns.size(); i++) {
            selected.add(functions.col(GROUP_PREFIX + i));
        }
        return selected;
    }

    /**
     * Joins the table with the group columns of its cells' runs rows. The group columns are renamed to
     * {@link #GROUP_PREFIX} and their index, so that a parameter named like a table column (say {@code eps}) cannot
     * clash with it.
     */
    private static Dataset<Row> joinRuns(Dataset<Row> table, Dataset<Row> runs, List<String> groupColumns) {
        List<Column> runColumns = new ArrayList<>();
        runColumns.add(functions.col("cell_id").as(RUN_CELL_ID));
        for (int i = 0; i < groupColumns.size(); i++) {
            runColumns.add(functions.col(groupColumns.get(i)).as(GROUP_PREFIX + i));
        }
        Dataset<Row> runKeys = runs.select(runColumns.toArray(Column[]::new));
        return table.join(runKeys, table.col("cell_id").equalTo(runKeys.col(RUN_CELL_ID)));
    }

    private static List<Object> key(Row row, int keySize) {
        List<Object> key = new ArrayList<>(keySize);
        for (int i = 0; i < keySize; i++) {
            key.add(row.get(i));
        }
        return key;
    }

    private static <V> List<Tuple2<List<Object>, V>> sorted(List<Tuple2<List<Object>, V>> groups) {
        List<Tuple2<List<Object>, V>> out = new ArrayList<>(groups);
        out.sort((a, b) -> ParamValues.LIST_ORDER.compare(a._1(), b._1()));
        return out;
    }

    private static Double doubleOrNull(Row row, int index) {
        return row.isNullAt(index) ? null : row.getDouble(index);
    }

    private static Long minOrNull(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.min(a, b);
    }

    private static Long maxOrNull(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }

    /** Returns the maximum non-null value, with {@link Math#max} so that the result does not depend on the order. */
    private static Double maxOrNull(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }

    private static Object[] withKey(List<Object> key, Object... values) {
        Object[] row = new Object[key.size() + values.length];
        for (int i = 0; i < key.size(); i++) {
            row[i] = key.get(i);
        }
        System.arraycopy(values, 0, row, key.size(), values.length);
        return row;
    }

    private static Double plus(Double mean, Double halfWidth, double sign) {
        return mean == null || halfWidth == null ? null : mean + sign * halfWidth;
    }

    /** Partial aggregate of the fits of one group, metric and window. */
    private static final class FitGroup implements Serializable {
        private static final long serialVersionUID = 1L;

        private long cells;
        private final SampleStats slopes = new SampleStats();
        private Double theorySlope;
        private Long fromStepMin;
        private Long fromStepMax;

        /** Reads one fits row whose value columns start at index offset: slope, theory slope, from step, points. */
        static FitGroup of(Row row, int offset) {
            FitGroup group = new FitGroup();
            group.cells = 1;
            Double slope = doubleOrNull(row, offset);
            if (slope != null) {
                group.slopes.add(slope);
            }
            group.theorySlope = doubleOrNull(row, offset + 1);
            boolean hasPoints = !row.isNullAt(offset + 3) && row.getLong(offset + 3) > 0;
            if (hasPoints && !row.isNullAt(offset + 2)) {
                group.fromStepMin = row.getLong(offset + 2);
                group.fromStepMax = group.fromStepMin;
            }
            return group;
        }

        FitGroup merge(FitGroup other) {
            cells += other.cells;
            slopes.merge(other.slopes);
            theorySlope = maxOrNull(theorySlope, other.theorySlope);
            fromStepMin = minOrNull(fromStepMin, other.fromStepMin);
            fromStepMax = maxOrNull(fromStepMax, other.fromStepMax);
            return this;
        }

        Object[] toRow(List<Object> key) {
            Double mean = slopes.mean();
            Double halfWidth = slopes.tIntervalHalfWidth(CONFIDENCE);
            return withKey(key, cells, slopes.count(), mean, slopes.standardDeviation(), plus(mean, halfWidth, -1),
                    plus(mean, halfWidth, 1), slopes.min(), slopes.max(), theorySlope, fromStepMin, fromStepMax);
        }
    }

    /** Partial aggregate of the acceleration rows of one group. */
    private static final class AccelerationGroup implements Serializable {
        private static final long serialVersionUID = 1L;

        private long cells;
        private long reached;
        private final SampleStats factors = new SampleStats();
        private final SampleStats timeFactors = new SampleStats();

        /** Reads one acceleration row whose value columns start at index offset: steps to eps, factor, time factor. */
        static AccelerationGroup of(Row row, int offset) {
            AccelerationGroup group = new AccelerationGroup();
            group.cells = 1;
            group.reached = row.isNullAt(offset) ? 0 : 1;
            Double factor = doubleOrNull(row, offset + 1);
            if (factor != null) {
                group.factors.add(factor);
            }
            Double timeFactor = doubleOrNull(row, offset + 2);
            if (timeFactor != null) {
                group.timeFactors.add(timeFactor);
            }
            return group;
        }

        AccelerationGroup merge(AccelerationGroup other) {
            cells += other.cells;
            reached += other.reached;
            factors.merge(other.factors);
            timeFactors.merge(other.timeFactors);
            return this;
        }

        Object[] toRow(List<Object> key) {
            Double mean = factors.mean();
            Double halfWidth = factors.tIntervalHalfWidth(CONFIDENCE);
            Double timeMean = timeFactors.mean();
            Double timeHalfWidth = timeFactors.tIntervalHalfWidth(CONFIDENCE);
            return withKey(key, cells, reached, factors.count(), mean, factors.standardDeviation(),
                    plus(mean, halfWidth, -1), plus(mean, halfWidth, 1), factors.min(), factors.max(), timeMean,
                    plus(timeMean, timeHalfWidth, -1), plus(timeMean, timeHalfWidth, 1));
        }
    }
}
