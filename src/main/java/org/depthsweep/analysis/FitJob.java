package org.depthsweep.analysis;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.experiment.ExperimentRegistry;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.experiment.linear.LinearExperiment;
import org.depthsweep.store.Column;
import org.depthsweep.store.SweepStore;
import org.depthsweep.store.TableReader;
import org.depthsweep.store.TableSchema;
import org.depthsweep.store.Tables;
import org.depthsweep.sweep.ParamSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Tuple2;

/**
 * The aggregate job after a run: fits log-log slopes of every cell's error and loss curves on the executors, pairs
 * cells with their depth-1 partners for acceleration factors on the driver, rewrites the {@code fits} and
 * {@code acceleration} tables, aggregates both over seeds into {@code fits_summary} and {@code acceleration_summary}
 * and renders the summary table.
 *
 * <p>Each curve gets two fits: one over the fixed tail window set by the tail fraction ({@code last_decade} for
 * 0.1), and one over the window that {@link AsymptoticWindow} detects ({@code auto}).
 */
public final class FitJob {
    private static final Logger LOG = LoggerFactory.getLogger(FitJob.class);

    private final SparkSession spark;

    public FitJob(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Output of a fit.
     *
     * @param cells    cells with curves that were fitted
     * @param analyses one analysis per fitted cell that has an error curve
     * @param summary  the rendered summary table, with a heading line
     */
    public record Result(int cells, List<CellAnalysis> analyses, String summary) {
    }

    /** Per-cell output of the executor side. */
    private record CellFits(String cellId, SlopeFit errorFit, SlopeFit lossFit, SlopeFit autoErrorFit,
                            SlopeFit autoLossFit, Double stepsToEps) implements Serializable {
    }

    /** A cell's run-table values the fit needs. */
    private record RunInfo(SortedMap<String, Object> params, long stepsRun, long wallMs, boolean diverged)
            implements Serializable {
    }

    /**
     * Fits every committed cell of a sweep directory.
     *
     * @param experimentName experiment kind of the sweep
     * @param tailFraction   the window is the recorded steps t with t >= t_last * tailFraction
     * @param eps            error threshold of the acceleration factors
     */
    public Result fit(SweepStore store, String experimentName, double tailFraction, double eps) throws IOException {
        return fit(store, experimentName, tailFraction, eps, null);
    }

    /**
     * Fits the committed cells of a sweep directory that belong to the given cell ids, so that rows an earlier run
     * wrote with other settings (say a different {@code steps}) do not mix into the summary; they stay in the runs
     * and curves tables. Diverged cells are fitted but left out of the printed summary and of the
     * {@code fits_summary} and {@code acceleration_summary} tables.
     *
     * @param cellIds ids of the current sweep file's cells, or null for every committed cell
     */
    public Result fit(SweepStore store, String experimentName, double tailFraction, double eps, Set<String> cellIds)
            throws IOException {
        Experiment experiment = ExperimentRegistry.get(experimentName);
        TableSchema runsSchema = Tables.runs(experiment);
        TableReader reader = new TableReader(spark, store, runsSchema);

        Dataset<Row> allRuns = reader.read(runsSchema);
        Map<String, RunInfo> runs = readRuns(allRuns, experiment);
        Dataset<Row> currentRuns = allRuns;
        int other = 0;
        if (cellIds != null) {
            int before = runs.size();
            runs.keySet().retainAll(cellIds);
            other = before - runs.size();
            Dataset<Row> ids = spark.createDataset(new ArrayList<>(cellIds), Encoders.STRING()).toDF("cell_id");
            currentRuns = allRuns.join(ids, allRuns.col("cell_id").equalTo(ids.col("cell_id")), "left_semi");
        }
        if (other > 0) {
            LOG.warn("{} cells in {} are not in the current sweep file (rows of an earlier run with other settings); "
                    + "they are left out of the fits and the summary", other, store.dir());
        }
        List<String> metrics = new ArrayList<>();
        for (ColumnSpec column : experiment.curveColumns()) {
            if (SlopeFit.ERROR.equals(column.name()) || SlopeFit.LOSS.equals(column.name())) {
                metrics.add(column.name());
            }
        }
        boolean hasError = metrics.contains(SlopeFit.ERROR);
        boolean hasLoss = metrics.contains(SlopeFit.LOSS);
        if (metrics.isEmpty()) {
            LOG.info("experiment {} records neither error nor loss curves; nothing to fit", experimentName);
            return new Result(0, List.of(), "");
        }

        Map<String, Double> exponents = new HashMap<>();
        for (Map.Entry<String, RunInfo> e : runs.entrySet()) {
            Object p = e.getValue().params().get("p");
            exponents.put(e.getKey(), p instanceof Number ? ((Number) p).doubleValue() : null);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Map<String, Double>> pByCell = jsc.broadcast(exponents);

        Dataset<Row> curves = reader.read(Tables.curves(experiment))
                .select("cell_id", "step", hasError ? SlopeFit.ERROR : "step", hasLoss ? SlopeFit.LOSS : "step");
        List<CellFits> fitted = curves.javaRDD()
                .filter(row -> pByCell.value().containsKey(row.getString(0)))
                .mapToPair(row -> new Tuple2<>(row.getString(0), new double[] {row.getLong(1),
                        hasError ? valueOrNaN(row, 2) : Double.NaN, hasLoss ? valueOrNaN(row, 3) : Double.NaN}))
                .groupByKey()
                .map(group -> fitCell(group._1(), group._2(), pByCell.value().get(group._1()), tailFraction, eps,
                        hasError, hasLoss))
                .collect();
        pByCell.destroy();

        List<CellFits> sorted = new ArrayList<>(fitted);
        sorted.sort(Comparator.comparing(CellFits::cellId));
        List<Object[]> fitRows = new ArrayList<>();
        List<CellSummary> summaries = new ArrayList<>();
        for (CellFits cell : sorted) {
            RunInfo info = runs.get(cell.cellId());
            if (info == null) {
                continue;
            }
            for (SlopeFit fit : new SlopeFit[] {cell.errorFit(), cell.autoErrorFit(), cell.lossFit(),
                    cell.autoLossFit()}) {
                if (fit != null) {
                    fitRows.add(fitRow(cell.cellId(), fit));
                }
            }
            if (hasError) {
                summaries.add(new CellSummary(cell.cellId(), info.params(), info.stepsRun(), info.wallMs(),
                        cell.stepsToEps()));
            }
        }

        List<AccelerationRow> acceleration = hasError && runs.values().iterator().hasNext()
                && runs.values().iterator().next().params().containsKey(Acceleration.DEPTH_KEY)
                ? new Acceleration().rows(summaries, eps) : List.of();
        Map<String, AccelerationRow> accelerationByCell = new HashMap<>();
        List<Object[]> accelerationRows = new ArrayList<>();
        for (AccelerationRow row : acceleration) {
            accelerationByCell.put(row.cellId(), row);
            accelerationRows.add(new Object[] {row.cellId(), row.partnerCellId(), row.eps(), row.stepsToEps(),
                    row.partnerStepsToEps(), row.factor(), row.secondsToEps(), row.partnerSecondsToEps(),
                    row.timeFactor()});
        }
        String token = Long.toHexString(System.nanoTime());
        store.replaceTable(Tables.fits(), fitRows, token);
        store.replaceTable(Tables.acceleration(), accelerationRows, token);
        writeSummaries(store, reader, currentRuns, experiment, token);

        List<CellAnalysis> analyses = new ArrayList<>();
        int diverged = 0;
        for (CellFits cell : sorted) {
            RunInfo info = runs.get(cell.cellId());
            if (info != null && info.diverged()) {
                diverged++;
                continue;
            }
            if (info != null && cell.errorFit() != null) {
                analyses.add(new CellAnalysis(cell.cellId(), info.params(), cell.errorFit(),
                        accelerationByCell.get(cell.cellId())));
            }
        }
        String summary = "";
        if (!analyses.isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (String key : SummaryTable.DEFAULT_KEYS) {
                if (analyses.get(0).params().containsKey(key)) {
                    keys.add(key);
                }
            }
            if (analyses.get(0).params().containsKey("optimizer")) {
                keys.add("optimizer");
            }
            summary = String.format("error slopes over the window t >= %s * t_last, and acceleration to error "
                    + "eps = %s against the depth-1 partner (median over cells)%n", tailFraction, eps)
                    + (diverged > 0 ? String.format("%d diverged cells are left out of this table; the runs "
                    + "table has their messages%n", diverged) : "")
                    + (other > 0 ? String.format("%d cells of earlier runs with other settings are left out%n",
                    other) : "")
                    + new SummaryTable(analyses, keys).format();
        }
        summary += bestLearningRateSummary(currentRuns, experiment);
        int fittedCells = (int) sorted.stream().filter(cell -> runs.containsKey(cell.cellId())).count();
        LOG.info("fitted {} cells of {}", fittedCells, store.dir());
        return new Result(fittedCells, analyses, summary);
    }

    /**
     * Renders the comparison at each configuration's best learning rate, for kinds that record the steps to a
     * target loss ({@code steps_to_target}) and sweep {@code lr}: the rate that reaches the target first, and its
     * steps against depth-1 plain gradient descent. Returns an empty string for other kinds.
     */
    private static String bestLearningRateSummary(Dataset<Row> runs, Experiment experiment) {
        boolean hasLr = experiment.parameters().stream().anyMatch(param -> "lr".equals(param.name()));
        boolean hasTarget = experiment.resultColumns().stream()
                .anyMatch(column -> LinearExperiment.STEPS_TO_TARGET.equals(column.name()));
        if (!hasLr || !hasTarget) {
            return "";
        }
        List<LrCell> cells = LrCellReader.fromRuns(runs, experiment, LinearExperiment.STEPS_TO_TARGET);
        Set<String> variant = new HashSet<>(Set.of("depth", "width", "optimizer"));
        variant.addAll(LinearExperiment.OPTIMIZER_SETTINGS);
        BestLearningRate best = new BestLearningRate("lr", variant, Map.of("depth", 1L, "optimizer", "gd"));
        List<BestLrRow> rows = best.rows(cells);
        if (rows.isEmpty()) {
            return "";
        }
        return String.format("%nsteps to target_loss at each configuration's best lr, factor against depth-1 gd%n")
                + BestLearningRate.format(rows, List.of("depth", "optimizer"));
    }

    private static double valueOrNaN(Row row, int index) {
        return row.isNullAt(index) ? Double.NaN : row.getDouble(index);
    }

    private static CellFits fitCell(String cellId, Iterable<double[]> points, Double p, double tailFraction,
                                    double eps, boolean hasError, boolean hasLoss) {
        List<double[]> sorted = new ArrayList<>();
        points.forEach(sorted::add);
        sorted.sort(Comparator.comparingDouble(point -> point[0]));
        long[] steps = new long[sorted.size()];
        double[] errors = new double[sorted.size()];
        double[] losses = new double[sorted.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = (long) sorted.get(i)[0];
            errors[i] = sorted.get(i)[1];
            losses[i] = sorted.get(i)[2];
        }
        SlopeFit errorFit = hasError ? SlopeFitter.fit(SlopeFit.ERROR, steps, errors, tailFraction,
                p == null ? null : Theory.errorSlope(p)) : null;
        SlopeFit lossFit = hasLoss ? SlopeFitter.fit(SlopeFit.LOSS, steps, losses, tailFraction,
                p == null ? null : Theory.lossSlope(p)) : null;
        SlopeFit autoErrorFit = hasError ? AsymptoticWindow.fit(SlopeFit.ERROR, steps, errors,
                p == null ? null : Theory.errorSlope(p)) : null;
        SlopeFit autoLossFit = hasLoss ? AsymptoticWindow.fit(SlopeFit.LOSS, steps, losses,
                p == null ? null : Theory.lossSlope(p)) : null;
        Double stepsToEps = hasError ? Crossing.firstStepAtOrBelow(steps, errors, eps) : null;
        return new CellFits(cellId, errorFit, lossFit, autoErrorFit, autoLossFit, stepsToEps);
    }

    /**
     * Aggregates the fits and acceleration tables just written over seeds with {@link SeedAggregation} and replaces
     * the {@code fits_summary} and {@code acceleration_summary} tables. Only cells with status {@code ok} enter
     * them, because the slopes and crossings of diverged and failed cells do not describe convergence. The printed
     * summary leaves them out too. The per-cell {@code fits} and {@code acceleration} tables keep them.
     *
     * @param runs the runs rows of the cells to aggregate; rows of other cells are left out
     */
    private static void writeSummaries(SweepStore store, TableReader reader, Dataset<Row> runs,
                                       Experiment experiment, String token) throws IOException {
        List<String> groupColumns = new ArrayList<>();
        for (Column column : Tables.groupColumns(experiment)) {
            groupColumns.add(column.name());
        }
        Dataset<Row> okRuns = runs.filter(functions.col("status").equalTo(RunStatus.OK.label()));
        List<Object[]> fitsSummary = SeedAggregation.fitsSummary(reader.read(Tables.fits()), okRuns, groupColumns);
        List<Object[]> accelerationSummary = SeedAggregation.accelerationSummary(
                reader.read(Tables.acceleration()), okRuns, groupColumns);
        store.replaceTable(Tables.fitsSummary(experiment), fitsSummary, token);
        store.replaceTable(Tables.accelerationSummary(experiment), accelerationSummary, token);
    }

    private static Object[] fitRow(String cellId, SlopeFit fit) {
        boolean any = fit.points() > 0;
        return new Object[] {cellId, fit.metric(), fit.window(), fit.slope(), fit.slopeStderr(), fit.intercept(),
                any ? fit.fromStep() : null, any ? fit.toStep() : null, (long) fit.points(), (long) fit.dropped(),
                fit.theorySlope()};
    }

    private static Map<String, RunInfo> readRuns(Dataset<Row> runs, Experiment experiment) {
        List<String> columns = new ArrayList<>(List.of("cell_id", "status", "steps_run", "wall_ms"));
        for (ParamSpec param : experiment.parameters()) {
            columns.add(param.column());
        }
        Map<String, RunInfo> out = new TreeMap<>();
        for (Row row : runs.selectExpr(columns.toArray(String[]::new)).collectAsList()) {
            if ("failed".equals(row.getString(1))) {
                continue;
            }
            SortedMap<String, Object> params = new TreeMap<>();
            int i = 4;
            for (ParamSpec param : experiment.parameters()) {
                params.put(param.name(), row.isNullAt(i) ? null : row.get(i));
                i++;
            }
            out.put(row.getString(0), new RunInfo(params, row.getLong(2), row.getLong(3),
                    "diverged".equals(row.getString(1))));
        }
        return out;
    }
}
