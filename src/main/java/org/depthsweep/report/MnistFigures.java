package org.depthsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.knowm.xchart.XYChart;

/**
 * Figures of the MNIST experiment, which records the curve columns {@code loss} (cross-entropy plus regularizer),
 * {@code ce}, {@code reg} and {@code test_acc}, and has the parameters {@code arch} (plain or overparameterized)
 * and {@code lambda} (regularizer weight):
 * <ul>
 *   <li>total loss, cross-entropy and regularizer against iteration, one line per arch and lambda with a min-max
 *       band over seeds; loss and cross-entropy on a log y axis, the regularizer on a linear one because it is 0
 *       without regularization;</li>
 *   <li>test accuracy per epoch.</li>
 * </ul>
 * Any other varying parameter, such as the learning rate, gets its own panels.
 */
final class MnistFigures {
    static final String LOSS = "loss";
    static final String CROSS_ENTROPY = "ce";
    static final String REGULARIZER = "reg";
    static final String TEST_ACCURACY = "test_acc";
    /** Parameters that distinguish the lines of one panel. */
    static final List<String> LINE_COLUMNS = List.of("arch", "lambda");

    private final ReportData data;
    private final PanelLayout layout;

    MnistFigures(ReportData data) {
        this.data = data;
        this.layout = new PanelLayout(data.varyingColumns(), LINE_COLUMNS, List.of());
    }

    /** Returns whether the sweep records the MNIST curve columns. */
    static boolean applies(ReportData data) {
        return data.hasCurveColumn(LOSS) && data.hasCurveColumn(CROSS_ENTROPY) && data.hasCurveColumn(REGULARIZER);
    }

    /** Builds the training curves section and, when test accuracy is recorded, the test accuracy section. */
    List<FigureSection> sections() {
        SortedMap<SortedMap<String, Object>, List<SeriesBand>> losses = layout.byPanel(data.bandsByStep(LOSS, false));
        SortedMap<SortedMap<String, Object>, List<SeriesBand>> crossEntropies = layout.byPanel(
                data.bandsByStep(CROSS_ENTROPY, false));
        SortedMap<SortedMap<String, Object>, List<SeriesBand>> regularizers = layout.byPanel(
                data.bandsByStep(REGULARIZER, false));

        List<List<Figure>> trainingRows = new ArrayList<>();
        for (SortedMap<String, Object> panel : losses.keySet()) {
            List<Figure> row = new ArrayList<>();
            row.add(figure("Total loss", "loss", "training loss (cross-entropy + regularizer)", true, panel,
                    losses.get(panel)));
            if (crossEntropies.containsKey(panel)) {
                row.add(figure("Cross-entropy", "ce", "training cross-entropy", true, panel,
                        crossEntropies.get(panel)));
            }
            if (regularizers.containsKey(panel)) {
                row.add(figure("Regularizer", "reg", "regularizer term of the loss", false, panel,
                        regularizers.get(panel)));
            }
            trainingRows.add(row);
        }
        List<FigureSection> sections = new ArrayList<>();
        if (trainingRows.isEmpty()) {
            return sections;
        }
        sections.add(new FigureSection("Training loss against iteration",
                "Median over seeds (line) with the min-max band over seeds (shaded), for the plain and the "
                        + "overparameterized network, with and without the regularizer.", trainingRows));

        if (data.hasCurveColumn(TEST_ACCURACY)) {
            List<List<Figure>> accuracyRows = new ArrayList<>();
            for (Map.Entry<SortedMap<String, Object>, List<SeriesBand>> panel
                    : layout.byPanel(data.bandsByEpoch(TEST_ACCURACY)).entrySet()) {
                XYChart chart = Charts.chart(title("Test accuracy", panel.getKey()), "epoch",
                        "test accuracy (fraction correct)", false, false);
                addLines(chart, panel.getKey(), panel.getValue());
                accuracyRows.add(List.of(new Figure("test-acc-" + layout.panelSlug(panel.getKey()),
                        "Test accuracy per epoch" + caption(panel.getKey()) + ".", chart)));
            }
            if (!accuracyRows.isEmpty()) {
                sections.add(new FigureSection("Test accuracy per epoch",
                        "Median over seeds with the min-max band; epoch k is the k-th test evaluation of a run.",
                        accuracyRows));
            }
        }
        return sections;
    }

    private Figure figure(String quantity, String file, String yTitle, boolean logY, SortedMap<String, Object> panel,
                          List<SeriesBand> bands) {
        XYChart chart = Charts.chart(title(quantity, panel), "iteration (SGD steps)", yTitle, false, logY);
        addLines(chart, panel, bands);
        return new Figure(file + "-" + layout.panelSlug(panel), quantity + " against iteration" + caption(panel) + ".",
                chart);
    }

    private void addLines(XYChart chart, SortedMap<String, Object> panel, List<SeriesBand> bands) {
        List<SortedMap<String, Object>> panelGroups = new ArrayList<>();
        for (SortedMap<String, Object> group : data.groups()) {
            if (ReportFormat.GROUP_ORDER.compare(layout.panelOf(group), panel) == 0) {
                panelGroups.add(group);
            }
        }
        for (SeriesBand band : bands) {
            int color = 0;
            while (color < panelGroups.size()
                    && ReportFormat.GROUP_ORDER.compare(panelGroups.get(color), band.group()) != 0) {
                color++;
            }
            Charts.addBand(chart, layout.lineLabel(band.group()), color, band);
        }
    }

    private String title(String quantity, Map<String, Object> panel) {
        String suffix = layout.panelTitle(panel);
        return suffix.isEmpty() ? quantity : quantity + ", " + suffix;
    }

    private String caption(Map<String, Object> panel) {
        String title = layout.panelTitle(panel);
        return title.isEmpty() ? "" : " at " + title;
    }
}
