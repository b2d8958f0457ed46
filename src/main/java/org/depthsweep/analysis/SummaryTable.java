package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Groups analyzed cells by key columns and reports per group the median error slope, its distance from theory and
 * the median acceleration factors.
 *
 * <p>Cells are sorted by id before grouping and groups are sorted by their key values (numbers by value, see
 * {@link ParamValues}), so neither {@link #rows()} nor {@link #format()} depends on the input order.
 */
public final class SummaryTable implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Key columns used when none are given. */
    public static final List<String> DEFAULT_KEYS = List.of("p", "depth", "form", "init");

    private static final List<String> VALUE_HEADERS = List.of("cells", "slope_med", "slope_nan", "theory",
            "dev_med", "factor_med", "time_factor_med", "reached");
    private static final String NO_VALUE = "-";
    private static final String COLUMN_GAP = "  ";

    private final List<String> keys;
    private final List<SummaryRow> rows;

    /** Creates the table with {@link #DEFAULT_KEYS}. */
    public SummaryTable(List<CellAnalysis> cells) {
        this(cells, DEFAULT_KEYS);
    }

    /**
     * Groups the cells by the values of the key columns; a cell without a key counts as null there. Empty input
     * gives a table without rows.
     *
     * @param cells the cells; their ids must be distinct
     * @param keys  key columns, at least one, without repeats
     * @throws IllegalArgumentException if two cells share an id, or keys is empty or repeats a name
     */
    public SummaryTable(List<CellAnalysis> cells, List<String> keys) {
        if (keys.isEmpty() || keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("keys must be non-empty and distinct, got " + keys);
        }
        this.keys = List.copyOf(keys);

        List<CellAnalysis> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(CellAnalysis::cellId));
        SortedMap<List<Object>, List<CellAnalysis>> groups = new TreeMap<>(ParamValues.LIST_ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            CellAnalysis cell = sorted.get(i);
            if (i > 0 && cell.cellId().equals(sorted.get(i - 1).cellId())) {
                throw new IllegalArgumentException("cell id " + cell.cellId() + " appears more than once");
            }
            List<Object> keyValues = new ArrayList<>(keys.size());
            for (String key : keys) {
                keyValues.add(cell.params().get(key));
            }
            groups.computeIfAbsent(keyValues, k -> new ArrayList<>()).add(cell);
        }

        List<SummaryRow> result = new ArrayList<>(groups.size());
        for (Map.Entry<List<Object>, List<CellAnalysis>> group : groups.entrySet()) {
            result.add(summarize(group.getKey(), group.getValue()));
        }
        this.rows = Collections.unmodifiableList(result);
    }

    /** Returns the key columns. */
    public List<String> keys() {
        return keys;
    }

    /** Returns one row per group, sorted by key values. */
    public List<SummaryRow> rows() {
        return rows;
    }

    private static SummaryRow summarize(List<Object> keyValues, List<CellAnalysis> cells) {
        List<Double> slopes = new ArrayList<>();
        List<Double> theorySlopes = new ArrayList<>();
        List<Double> deviations = new ArrayList<>();
        List<Double> factors = new ArrayList<>();
        List<Double> timeFactors = new ArrayList<>();
        int nanSlopes = 0;
        for (CellAnalysis cell : cells) {
            SlopeFit fit = cell.errorFit();
            if (fit.hasSlope()) {
                slopes.add(fit.slope());
            } else {
                nanSlopes++;
            }
            addIfPresent(theorySlopes, fit.theorySlope());
            addIfPresent(deviations, fit.theoryDeviation());
            // reached counts exactly the cells whose factor enters the medians, which SummaryRow documents
            AccelerationRow acceleration = cell.acceleration();
            if (hasFactor(acceleration)) {
                factors.add(acceleration.factor());
                addIfPresent(timeFactors, acceleration.timeFactor());
            }
        }
        return new SummaryRow(keyValues, cells.size(), median(slopes), nanSlopes, medianOrNull(theorySlopes),
                median(deviations), medianOrNull(factors), medianOrNull(timeFactors), factors.size());
    }

    private static boolean hasFactor(AccelerationRow acceleration) {
        return acceleration != null && acceleration.factor() != null && !acceleration.factor().isNaN();
    }

    private static void addIfPresent(List<Double> values, Double value) {
        if (value != null && !value.isNaN()) {
            values.add(value);
        }
    }

    /** Returns the median, or NaN for no values. */
    private static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Double medianOrNull(List<Double> values) {
        return values.isEmpty() ? null : median(values);
    }

    /**
     * Renders the table as plain text: a header line, then one line per row, columns separated by two spaces and
     * padded to equal width, with a trailing newline.
     *
     * <p>Key values are printed with {@link String#valueOf}, strings left-aligned and everything else
     * right-aligned. Slopes and deviations have 4 decimals and factors 3 significant digits ({@code %.3g}).
     * Null and NaN print as {@code -}. The value columns are cells, the median slope, the count of NaN slopes, the
     * theory slope, the median deviation from theory, the median factor and time factor, and the cells that
     * reached eps together with their depth-1 partner. The last three columns cover the same cells, as
     * {@link SummaryRow} describes.
     */
    public String format() {
        List<String> header = new ArrayList<>(keys);
        header.addAll(VALUE_HEADERS);
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (SummaryRow row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object value : row.keyValues()) {
                cells.add(value == null ? NO_VALUE : String.valueOf(value));
            }
            cells.add(Integer.toString(row.count()));
            cells.add(formatSlope(row.medianErrorSlope()));
            cells.add(Integer.toString(row.nanSlopes()));
            cells.add(formatSlope(row.theorySlope()));
            cells.add(formatSlope(row.medianSlopeDeviation()));
            cells.add(formatFactor(row.medianFactor()));
            cells.add(formatFactor(row.medianTimeFactor()));
            cells.add(Integer.toString(row.reachedEps()));
            lines.add(cells);
        }

        int columns = header.size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        boolean[] leftAligned = new boolean[columns];
        for (int c = 0; c < keys.size(); c++) {
            leftAligned[c] = isTextColumn(c);
        }

        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    text.append(COLUMN_GAP);
                }
                String cell = line.get(c);
                String padding = " ".repeat(widths[c] - cell.length());
                text.append(leftAligned[c] ? cell + padding : padding + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** Returns whether key column c contains strings (or nothing but nulls) in every row. */
    private boolean isTextColumn(int c) {
        for (SummaryRow row : rows) {
            Object value = row.keyValues().get(c);
            if (value != null && !(value instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static String formatSlope(Double value) {
        return value == null || value.isNaN() ? NO_VALUE : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String formatFactor(Double value) {
        return value == null || value.isNaN() ? NO_VALUE : String.format(Locale.ROOT, "%.3g", value);
    }

    @Override
    public String toString() {
        return format();
    }
}
