package org.depthsweep.report;

import java.util.Objects;

import org.knowm.xchart.XYChart;

/**
 * A chart of the report with the names it is saved and shown under.
 *
 * @param name    file name without extension, unique within a report, such as {@code error-p3}
 * @param caption one sentence shown under the figure
 * @param chart   the chart, written as {@code figures/NAME.png} and {@code figures/NAME.svg}
 */
public record Figure(String name, String caption, XYChart chart) {
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(chart, "chart");
    }
}
