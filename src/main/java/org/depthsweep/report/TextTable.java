package org.depthsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small table of printed values with a title, rendered as a Markdown pipe table or an HTML table.
 *
 * @param title   heading above the table
 * @param note    one or two sentences under the heading: what the rows are and how to read the columns
 * @param headers column headers
 * @param numeric per column, whether it is right-aligned as a number
 * @param rows    printed cells, each row as long as the headers
 */
public record TextTable(String title, String note, List<String> headers, List<Boolean> numeric,
                        List<List<String>> rows) {
    /**
     * Copies the lists and checks their lengths.
     *
     * @throws IllegalArgumentException if numeric or a row differs in length from the headers
     */
    public TextTable {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(note, "note");
        headers = List.copyOf(headers);
        numeric = List.copyOf(numeric);
        if (numeric.size() != headers.size()) {
            throw new IllegalArgumentException("table '" + title + "': " + headers.size() + " headers but "
                    + numeric.size() + " alignment flags");
        }
        List<List<String>> copied = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("table '" + title + "': row " + row + " has " + row.size()
                        + " cells, expected " + headers.size());
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }

    /** Renders the table as a GitHub-flavored Markdown pipe table with a trailing newline, '|' escaped in cells. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(headers));
        List<String> rule = new ArrayList<>();
        for (boolean right : numeric) {
            rule.add(right ? "---:" : "---");
        }
        out.append(markdownRow(rule));
        for (List<String> row : rows) {
            out.append(markdownRow(row));
        }
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        StringBuilder out = new StringBuilder("|");
        for (String cell : cells) {
            out.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return out.append('\n').toString();
    }

    /** Renders the table as an HTML {@code <table>} with a header row and one body row per row, text escaped. */
    public String html() {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            out.append(cell("th", headers.get(c), numeric.get(c)));
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                out.append(cell("td", row.get(c), numeric.get(c)));
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String cell(String tag, String text, boolean numeric) {
        String open = numeric ? "<" + tag + " class=\"num\">" : "<" + tag + ">";
        return open + Html.escape(text) + "</" + tag + ">";
    }
}
