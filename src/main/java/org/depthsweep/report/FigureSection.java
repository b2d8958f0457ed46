package org.depthsweep.report;

import java.util.List;
import java.util.Objects;

/**
 * A titled group of figures in the report, laid out in rows: figures of one row are shown side by side in
 * index.html, such as the error and the scale of one panel.
 *
 * @param title       section heading
 * @param description one or two sentences on what the figures show and how to read them
 * @param rows        the figures, row by row
 */
public record FigureSection(String title, String description, List<List<Figure>> rows) {
    public FigureSection {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Returns every figure of the section, row by row. */
    public List<Figure> figures() {
        return rows.stream().flatMap(List::stream).toList();
    }
}
