package org.depthsweep.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits groups of cells into panels and lines: groups with equal values in the panel columns share a chart, and
 * within it each group is one line, labelled by its line columns.
 *
 * <p>The line columns are the requested ones that vary over the sweep. The panel columns are the other varying
 * columns, with the preferred ones first, so that a sweep over p and lr gets one panel per (p, lr) pair.
 */
final class PanelLayout {
    private final List<String> panelColumns;
    private final List<String> lineColumns;

    /**
     * @param varyingColumns   group columns that take more than one value, in parameter order
     * @param lineCandidates   columns that distinguish lines when they vary
     * @param preferredPanels  panel columns to put first when they vary, such as {@code p}
     */
    PanelLayout(List<String> varyingColumns, List<String> lineCandidates, List<String> preferredPanels) {
        lineColumns = new ArrayList<>();
        for (String column : varyingColumns) {
            if (lineCandidates.contains(column)) {
                lineColumns.add(column);
            }
        }
        panelColumns = new ArrayList<>();
        for (String column : preferredPanels) {
            if (varyingColumns.contains(column) && !lineColumns.contains(column)) {
                panelColumns.add(column);
            }
        }
        for (String column : varyingColumns) {
            if (!lineColumns.contains(column) && !panelColumns.contains(column)) {
                panelColumns.add(column);
            }
        }
    }

    List<String> panelColumns() {
        return panelColumns;
    }

    List<String> lineColumns() {
        return lineColumns;
    }

    /** Returns the panel values of a group: its values in the panel columns. */
    SortedMap<String, Object> panelOf(Map<String, Object> group) {
        SortedMap<String, Object> panel = new TreeMap<>();
        for (String column : panelColumns) {
            panel.put(column, group.get(column));
        }
        return panel;
    }

    /** Returns the bands grouped by panel, panels sorted by their values and bands in input order. */
    SortedMap<SortedMap<String, Object>, List<SeriesBand>> byPanel(List<SeriesBand> bands) {
        SortedMap<SortedMap<String, Object>, List<SeriesBand>> panels = new TreeMap<>(ReportFormat.GROUP_ORDER);
        for (SeriesBand band : bands) {
            panels.computeIfAbsent(panelOf(band.group()), p -> new ArrayList<>()).add(band);
        }
        return panels;
    }

    /** Returns the legend label of a group, such as {@code depth=2, init=zero}, or "all cells" without lines. */
    String lineLabel(Map<String, Object> group) {
        return lineColumns.isEmpty() ? "all cells" : ReportFormat.assignments(group, lineColumns);
    }

    /** Returns the title suffix of a panel, such as {@code p=3, lr=0.1}, or "" without panel columns. */
    String panelTitle(Map<String, Object> panel) {
        return ReportFormat.assignments(panel, panelColumns);
    }

    /** Returns the file-name part of a panel, such as {@code p3-lr0.1}, or {@code all} without panel columns. */
    String panelSlug(Map<String, Object> panel) {
        return panelColumns.isEmpty() ? "all" : ReportFormat.slug(panel, panelColumns);
    }
}
