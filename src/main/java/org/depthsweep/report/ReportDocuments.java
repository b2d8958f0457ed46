package org.depthsweep.report;

import java.util.List;

/**
 * Renders the report's two documents from the same tables and figure sections: {@code report.md} (Markdown) and
 * {@code index.html}, a single page with inline CSS and no scripts whose images are PNG files referenced by
 * relative paths, so the report folder opens from disk without a server and can be moved as a whole.
 */
final class ReportDocuments {
    private final String sweepName;
    private final String experiment;
    private final String description;
    private final List<TextTable> tables;
    private final List<FigureSection> sections;

    /**
     * @param sweepName   name of the sweep, the report title
     * @param experiment  experiment kind
     * @param description the sweep file's description, or null
     * @param tables      tables in report order
     * @param sections    figure sections in report order
     */
    ReportDocuments(String sweepName, String experiment, String description, List<TextTable> tables,
                    List<FigureSection> sections) {
        this.sweepName = sweepName;
        this.experiment = experiment;
        this.description = description;
        this.tables = List.copyOf(tables);
        this.sections = List.copyOf(sections);
    }

    /** Returns the relative path of a figure file, such as {@code figures/error-p3.png}. */
    static String figurePath(Figure figure, String extension) {
        return ReportJob.FIGURES_DIR + "/" + figure.name() + "." + extension;
    }

    private String summary() {
        return "Experiment " + experiment + ". Figures are in " + ReportJob.FIGURES_DIR + "/ as PNG and SVG. "
                + "Everything here is computed from the sweep's Parquet tables (runs, curves, fits_summary and "
                + "acceleration_summary).";
    }

    /** Returns report.md: the title, the tables as pipe tables, then every figure as an image link. */
    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Sweep ").append(sweepName).append("\n\n");
        if (description != null) {
            out.append(description).append("\n\n");
        }
        out.append(summary()).append("\n\n");
        for (TextTable table : tables) {
            out.append("## ").append(table.title()).append("\n\n");
            out.append(table.note()).append("\n\n");
            out.append(table.markdown()).append('\n');
        }
        for (FigureSection section : sections) {
            out.append("## ").append(section.title()).append("\n\n");
            out.append(section.description()).append("\n\n");
            for (Figure figure : section.figures()) {
                out.append("![").append(figure.caption()).append("](").append(figurePath(figure, "png"))
                        .append(")\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Returns index.html: the same content as {@link #markdown()}, figures of one row side by side. */
    String html() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.append("<title>").append(Html.escape("Sweep " + sweepName)).append("</title>\n");
        out.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(Html.escape("Sweep " + sweepName)).append("</h1>\n");
        if (description != null) {
            out.append("<p>").append(Html.escape(description)).append("</p>\n");
        }
        out.append("<p>").append(Html.escape(summary())).append("</p>\n");
        for (TextTable table : tables) {
            out.append("<h2>").append(Html.escape(table.title())).append("</h2>\n");
            out.append("<p class=\"note\">").append(Html.escape(table.note())).append("</p>\n");
            out.append(table.html());
        }
        for (FigureSection section : sections) {
            out.append("<h2>").append(Html.escape(section.title())).append("</h2>\n");
            out.append("<p class=\"note\">").append(Html.escape(section.description())).append("</p>\n");
            for (List<Figure> row : section.rows()) {
                out.append("<div class=\"row\">\n");
                for (Figure figure : row) {
                    String png = Html.escape(figurePath(figure, "png"));
                    String svg = Html.escape(figurePath(figure, "svg"));
                    out.append("<figure><img src=\"").append(png).append("\" alt=\"")
                            .append(Html.escape(figure.caption())).append("\" width=\"").append(Charts.WIDTH)
                            .append("\" height=\"").append(Charts.HEIGHT).append("\">");
                    out.append("<figcaption>").append(Html.escape(figure.caption())).append(" <a href=\"")
                            .append(svg).append("\">SVG</a></figcaption></figure>\n");
                }
                out.append("</div>\n");
            }
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static final String STYLE = String.join("\n",
            "body { font-family: sans-serif; margin: 2em; color: #222; max-width: 1400px; }",
            "table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }",
            "th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }",
            "th { background: #f2f2f2; }",
            ".num { text-align: right; font-variant-numeric: tabular-nums; }",
            ".note { color: #555; max-width: 60em; }",
            ".row { display: flex; flex-wrap: wrap; gap: 1em; }",
            "figure { margin: 0 0 1.5em; }",
            "figure img { max-width: 100%; height: auto; border: 1px solid #eee; }",
            "figcaption { font-size: 0.9em; color: #444; max-width: 640px; }",
            "");
}
