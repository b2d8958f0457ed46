package org.depthsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.analysis.LocalSlopes;
import org.depthsweep.analysis.Theory;
import org.depthsweep.store.TableSchema;
import org.knowm.xchart.XYChart;

/**
 * Figures of the convergence experiments (toy and linear), which record an {@code error} curve and may record a
 * {@code scale} curve:
 * <ul>
 *   <li>error against step on log-log axes, one panel per p (and per value of any other varying parameter besides
 *       the depth, form, width and init), one line per depth and init with a min-max band over seeds, and a dashed
 *       theory line of slope -1/(p-2) through the end of the first line;</li>
 *   <li>the scale |s| (scalar form) or end-to-end norm against step, next to the error panel;</li>
 *   <li>the local slope d log(error) / d log(step) against step, with the theory slope as a dashed line;</li>
 *   <li>the mean acceleration factor against p with 95% t-intervals, from the acceleration summary.</li>
 * </ul>
 */
final class ConvergenceFigures {
    static final String ERROR = "error";
    // NOTE: the linear experiment's end-to-end norm appears here only if its curve column is also named "scale".
    // That column name is not settled yet.
    static final String SCALE = "scale";
    static final String P = "p";
    static final String DEPTH = "depth";
    /** Parameters that distinguish the lines of one panel. */
    static final List<String> LINE_COLUMNS = List.of(DEPTH, "form", "width", "init");
    /** Decades of step that the theory line spans, ending at the last step of the panel's first line. */
    private static final double THEORY_LINE_DECADES = 2;

    private final ReportData data;
    private final PanelLayout layout;

    ConvergenceFigures(ReportData data) {
        this.data = data;
        this.layout = new PanelLayout(data.varyingColumns(), LINE_COLUMNS, List.of(P));
    }

    /** Returns whether the sweep has curves these figures can show. */
    static boolean applies(ReportData data) {
        return data.hasCurveColumn(ERROR);
    }

    /** Builds the error and scale section, the local slope section and, if there are factors, acceleration. */
    List<FigureSection> sections() {
        List<SeriesBand> errors = data.bandsByStep(ERROR, false);
        SortedMap<SortedMap<String, Object>, List<SeriesBand>> errorPanels = layout.byPanel(errors);
        SortedMap<SortedMap<String, Object>, List<SeriesBand>> scalePanels = data.hasCurveColumn(SCALE)
                ? layout.byPanel(data.bandsByStep(SCALE, true)) : null;

        List<List<Figure>> errorRows = new ArrayList<>();
        List<List<Figure>> slopeRows = new ArrayList<>();
        for (Map.Entry<SortedMap<String, Object>, List<SeriesBand>> panel : errorPanels.entrySet()) {
            List<Figure> row = new ArrayList<>();
            row.add(errorFigure(panel.getKey(), panel.getValue()));
            List<SeriesBand> scales = scalePanels == null ? null : scalePanels.get(panel.getKey());
            if (scales != null && !scales.isEmpty()) {
                row.add(scaleFigure(panel.getKey(), scales));
            }
            errorRows.add(row);
            slopeRows.add(List.of(localSlopeFigure(panel.getKey(), panel.getValue())));
        }

        List<FigureSection> sections = new ArrayList<>();
        if (errorRows.isEmpty()) {
            return sections;
        }
        sections.add(new FigureSection("Error and scale against step",
                "Median over seeds (line) with the min-max band over seeds (shaded), on log-log axes. The dashed "
                        + "line has the theory slope -1/(p-2) and passes through the end of the first curve. "
                        + (scalePanels == null ? "" : "Next to each error panel, the scale |s| of the scalar form "
                        + "(or the norm of the upper factors of a chain) shows where depth acts."),
                errorRows));
        sections.add(new FigureSection("Local slope",
                "d log(error) / d log(step) of the median curve, from least squares over a window of +-"
                        + ReportFormat.value(LocalSlopes.DEFAULT_HALF_WIDTH_DECADES) + " decades. A curve has "
                        + "reached its asymptotic rate where its line meets the dashed theory slope.",
                slopeRows));
        Figure acceleration = accelerationFigure();
        if (acceleration != null) {
            sections.add(new FigureSection("Acceleration against p",
                    "Steps the depth-1 partner needs to reach eps divided by the steps each depth needs, mean over "
                            + "seeds with the 95% t-interval. Above 1, depth reached eps in fewer steps.",
                    List.of(List.of(acceleration))));
        }
        return sections;
    }

    private Double theorySlope(Map<String, Object> panel, List<SeriesBand> bands) {
        Object p = panel.containsKey(P) ? panel.get(P) : bands.get(0).group().get(P);
        if (!(p instanceof Number)) {
            return null;
        }
        return Theory.errorSlope(((Number) p).doubleValue());
    }

    private String title(String quantity, Map<String, Object> panel) {
        String suffix = layout.panelTitle(panel);
        return suffix.isEmpty() ? quantity : quantity + ", " + suffix;
    }

    private Figure errorFigure(SortedMap<String, Object> panel, List<SeriesBand> bands) {
        XYChart chart = Charts.chart(title("Error", panel), "step (gradient updates)", "error ||w - y||_2", true,
                true);
        for (SeriesBand band : bands) {
            Charts.addBand(chart, layout.lineLabel(band.group()), lineIndex(panel, band), band);
        }
        Double theory = theorySlope(panel, bands);
        SeriesBand anchor = bands.get(0);
        int last = lastPositive(anchor);
        if (theory != null && last >= 0) {
            double endStep = anchor.x()[last];
            double endValue = anchor.median()[last];
            double startStep = Math.max(1, endStep / Math.pow(10, THEORY_LINE_DECADES));
            Charts.addReference(chart, "theory slope " + ReportFormat.slope(theory),
                    new double[] {startStep, endStep},
                    new double[] {endValue * Math.pow(startStep / endStep, theory), endValue});
        }
        String name = "error-" + layout.panelSlug(panel);
        return new Figure(name, "Error against step" + panelCaption(panel) + ".", chart);
    }

    private Figure scaleFigure(SortedMap<String, Object> panel, List<SeriesBand> bands) {
        XYChart chart = Charts.chart(title("Scale", panel), "step (gradient updates)",
                "scale |s| or upper-factor norm", true, false);
        for (SeriesBand band : bands) {
            Charts.addBand(chart, layout.lineLabel(band.group()), lineIndex(panel, band), band);
        }
        return new Figure("scale-" + layout.panelSlug(panel), "Scale against step" + panelCaption(panel)
                + "; depth-1 cells have no scale.", chart);
    }

    private Figure localSlopeFigure(SortedMap<String, Object> panel, List<SeriesBand> bands) {
        XYChart chart = Charts.chart(title("Local slope", panel), "step (gradient updates)",
                "d log(error) / d log(step)", true, false);
        long firstStep = Long.MAX_VALUE;
        long lastStep = 0;
        for (SeriesBand band : bands) {
            long[] steps = new long[band.x().length];
            for (int k = 0; k < steps.length; k++) {
                steps[k] = (long) band.x()[k];
            }
            double[] slopes = LocalSlopes.of(steps, band.median(), LocalSlopes.DEFAULT_HALF_WIDTH_DECADES);
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < steps.length; k++) {
                if (!Double.isNaN(slopes[k])) {
                    points.add(new double[] {steps[k], slopes[k]});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            firstStep = Math.min(firstStep, (long) points.get(0)[0]);
            lastStep = Math.max(lastStep, (long) points.get(points.size() - 1)[0]);
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            Charts.addBand(chart, layout.lineLabel(band.group()), lineIndex(panel, band),
                    new SeriesBand(band.group(), x, y, y, y, 1));
        }
        Double theory = theorySlope(panel, bands);
        if (theory != null && lastStep > 0) {
            Charts.addReference(chart, "theory slope " + ReportFormat.slope(theory),
                    new double[] {firstStep, lastStep}, new double[] {theory, theory});
        }
        if (chart.getSeriesMap().isEmpty()) {
            Charts.addReference(chart, "no curve has enough points for a local slope", new double[] {1, 10},
                    new double[] {0, 0});
        }
        return new Figure("local-slope-" + layout.panelSlug(panel), "Local log-log slope of the median error"
                + panelCaption(panel) + ".", chart);
    }

    /**
     * Returns the position of a band's group among the groups of its panel, so that one group has the same color
     * in the error, scale and local slope figures.
     */
    private int lineIndex(SortedMap<String, Object> panel, SeriesBand band) {
        List<SortedMap<String, Object>> groups = new ArrayList<>();
        for (SortedMap<String, Object> group : data.groups()) {
            if (ReportFormat.GROUP_ORDER.compare(layout.panelOf(group), panel) == 0) {
                groups.add(group);
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            if (ReportFormat.GROUP_ORDER.compare(groups.get(i), band.group()) == 0) {
                return i;
            }
        }
        return groups.size();
    }

    private String panelCaption(Map<String, Object> panel) {
        String title = layout.panelTitle(panel);
        return title.isEmpty() ? "" : " at " + title;
    }

    private static int lastPositive(SeriesBand band) {
        for (int i = band.x().length - 1; i >= 0; i--) {
            if (band.x()[i] > 0 && band.median()[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the acceleration figure: mean factor against p, one line per group of the other varying columns with
     * depth other than 1, or null when the summary has no factor or the sweep has no numeric p.
     */
    private Figure accelerationFigure() {
        List<Object[]> rows = data.accelerationSummary();
        if (rows == null || rows.isEmpty() || !data.groupColumns().contains(P)) {
            return null;
        }
        TableSchema schema = data.accelerationSummarySchema();
        int pIndex = schema.indexOf(P);
        int depthIndex = data.groupColumns().contains(DEPTH) ? schema.indexOf(DEPTH) : -1;
        int mean = schema.indexOf("factor_mean");
        int high = schema.indexOf("factor_ci_high");
        List<String> lineColumns = new ArrayList<>(data.varyingColumns());
        lineColumns.remove(P);

        SortedMap<SortedMap<String, Object>, List<double[]>> lines = new TreeMap<>(ReportFormat.GROUP_ORDER);
        for (Object[] row : rows) {
            boolean depthOne = depthIndex >= 0 && row[depthIndex] instanceof Number
                    && ((Number) row[depthIndex]).doubleValue() == 1;
            if (depthOne || row[mean] == null || !(row[pIndex] instanceof Number)) {
                continue;
            }
            SortedMap<String, Object> line = new TreeMap<>();
            for (String column : lineColumns) {
                line.put(column, row[schema.indexOf(column)]);
            }
            double factor = (Double) row[mean];
            double halfWidth = row[high] == null ? 0 : (Double) row[high] - factor;
            lines.computeIfAbsent(line, l -> new ArrayList<>()).add(new double[] {((Number) row[pIndex])
                    .doubleValue(), factor, halfWidth});
        }
        if (lines.isEmpty()) {
            return null;
        }

        XYChart chart = Charts.chart("Acceleration factor against p", "loss exponent p",
                "factor (steps at depth 1 / steps at depth N)", false, false);
        double minP = Double.POSITIVE_INFINITY;
        double maxP = Double.NEGATIVE_INFINITY;
        int color = 0;
        for (Map.Entry<SortedMap<String, Object>, List<double[]>> line : lines.entrySet()) {
            List<double[]> points = line.getValue();
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
            double[] bars = points.stream().mapToDouble(p -> p[2]).toArray();
            minP = Math.min(minP, x[0]);
            maxP = Math.max(maxP, x[x.length - 1]);
            String label = lineColumns.isEmpty() ? "all cells" : ReportFormat.assignments(line.getKey(),
                    lineColumns);
            Charts.addPointsWithErrorBars(chart, label, color++, x, y, bars);
        }
        Charts.addReference(chart, "factor 1 (no acceleration)", new double[] {minP, maxP}, new double[] {1, 1});
        return new Figure("acceleration", "Acceleration factor against p, mean over seeds with 95% t-intervals.",
                chart);
    }
}
