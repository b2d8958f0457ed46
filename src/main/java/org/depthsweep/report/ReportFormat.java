package org.depthsweep.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** Orders and prints parameter values and statistics the same way in figures, report.md and index.html. */
final class ReportFormat {
    /** Text printed for a missing value. */
    static final String NO_VALUE = "-";

    /** Order of values: null first, then booleans, then numbers by value, then strings. */
    static final Comparator<Object> VALUE_ORDER = ReportFormat::compareValues;

    /** Order of group value maps: entry by entry, by column name and then by value. */
    static final Comparator<SortedMap<String, Object>> GROUP_ORDER = ReportFormat::compareGroups;

    /** Order of table rows: column by column under {@link #VALUE_ORDER}. */
    static final Comparator<Object[]> ROW_ORDER = ReportFormat::compareRows;

    private ReportFormat() {
    }

    /** Returns a key that is equal for values that {@link #VALUE_ORDER} ranks equal, such as 4L and 4.0. */
    static Object sortKey(Object value) {
        return value instanceof Number ? (Object) ((Number) value).doubleValue() : value;
    }

    private static int rank(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean) {
            return 1;
        }
        return value instanceof Number ? 2 : 3;
    }

    private static int compareValues(Object a, Object b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0 || a == null) {
            return byRank;
        }
        if (a instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        if (a instanceof Number) {
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        return a.toString().compareTo(b.toString());
    }

    private static int compareGroups(SortedMap<String, Object> a, SortedMap<String, Object> b) {
        Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
        while (left.hasNext() && right.hasNext()) {
            Map.Entry<String, Object> x = left.next();
            Map.Entry<String, Object> y = right.next();
            int c = x.getKey().compareTo(y.getKey());
            if (c == 0) {
                c = compareValues(x.getValue(), y.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(left.hasNext(), right.hasNext());
    }

    private static int compareRows(Object[] a, Object[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = compareValues(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * Prints a parameter value: integral doubles without a fraction ({@code 3} for 3.0), other doubles in plain
     * decimal notation without trailing zeros ({@code 0.0001}), null as {@link #NO_VALUE}.
     */
    static String value(Object value) {
        if (value == null) {
            return NO_VALUE;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    /** Prints {@code name=value} pairs of the given columns, separated by commas. */
    static String assignments(Map<String, Object> group, List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(column).append('=').append(label(group.get(column)));
        }
        return out.toString();
    }

    /**
     * Prints a parameter value for a legend or title: like {@link #value}, but doubles are rounded to 4 significant
     * digits, so a log-spaced learning rate reads 0.003162 rather than 0.0031622776601683794.
     */
    static String label(Object value) {
        if (value instanceof Double && Double.isFinite((Double) value)) {
            return BigDecimal.valueOf((Double) value).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
        }
        return value(value);
    }

    /** Prints a slope with 4 decimals, or {@link #NO_VALUE} for null and NaN. */
    static String slope(Double value) {
        return fixed(value, 4);
    }

    /** Prints a factor with 3 decimals, or {@link #NO_VALUE} for null and NaN. */
    static String factor(Double value) {
        return fixed(value, 3);
    }

    /** Prints an interval as {@code [low, high]} with the given decimals, or {@link #NO_VALUE} without a bound. */
    static String interval(Double low, Double high, int decimals) {
        if (low == null || high == null || low.isNaN() || high.isNaN()) {
            return NO_VALUE;
        }
        return "[" + fixed(low, decimals) + ", " + fixed(high, decimals) + "]";
    }

    /** Prints a range of steps as {@code from..to}, one number when they are equal, {@link #NO_VALUE} when missing. */
    static String stepRange(Long from, Long to) {
        if (from == null || to == null) {
            return NO_VALUE;
        }
        return from.equals(to) ? from.toString() : from + ".." + to;
    }

    static String fixed(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return NO_VALUE;
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * Returns a file-name-safe form of {@code name=value} pairs, such as {@code p3-lr0.1}: each pair is the column
     * name and the printed value, and every character other than letters, digits, '.' and '-' becomes '_'.
     */
    static String slug(Map<String, Object> group, List<String> columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns) {
            if (out.length() > 0) {
                out.append('-');
            }
            out.append(column).append(value(group.get(column)));
        }
        return out.toString().replaceAll("[^A-Za-z0-9.-]", "_");
    }
}
