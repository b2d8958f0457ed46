package org.depthsweep.analysis;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Orders and compares parameter values as cells store them: {@link Double}, {@link Long}, {@link String},
 * {@link Boolean} or null.
 *
 * <p>The order is null first, then booleans, then numbers by value, then strings, then any other type by its
 * {@code toString()}. Numbers compare by exact value across types, so {@code Long 4} equals {@code Double 4.0};
 * -0.0 equals 0.0, and NaN comes after every other number.
 */
final class ParamValues {
    /** {@link #compare} as a comparator. */
    static final Comparator<Object> ORDER = new ValueOrder();

    /** Lexicographic order of value lists under {@link #ORDER}; a shorter prefix comes first. */
    static final Comparator<List<Object>> LIST_ORDER = new ListOrder();

    /** Order of sorted parameter maps: entry by entry, by name and then by value; a shorter prefix comes first. */
    static final Comparator<SortedMap<String, Object>> MAP_ORDER = new MapOrder();

    private ParamValues() {
    }

    static int compare(Object a, Object b) {
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank;
        }
        if (a == null) {
            return 0;
        }
        if (a instanceof Boolean) {
            return Boolean.compare((Boolean) a, (Boolean) b);
        }
        if (a instanceof Number) {
            return compareNumbers((Number) a, (Number) b);
        }
        if (a instanceof String) {
            return ((String) a).compareTo((String) b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static int rank(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Boolean) {
            return 1;
        }
        if (value instanceof Number) {
            return 2;
        }
        if (value instanceof String) {
            return 3;
        }
        return 4;
    }

    private static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Double.compare(x, y);
        }
        // exact decimal values, so that a long beyond 2^53 is not rounded to a neighbouring double
        return exactValue(a).compareTo(exactValue(b));
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal exactValue(Number n) {
        return isIntegral(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.doubleValue());
    }

    private static final class ValueOrder implements Comparator<Object>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Object a, Object b) {
            return ParamValues.compare(a, b);
        }
    }

    private static final class ListOrder implements Comparator<List<Object>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(List<Object> a, List<Object> b) {
            int n = Math.min(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                int c = ParamValues.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        }
    }

    private static final class MapOrder implements Comparator<SortedMap<String, Object>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(SortedMap<String, Object> a, SortedMap<String, Object> b) {
            Iterator<Map.Entry<String, Object>> left = a.entrySet().iterator();
            Iterator<Map.Entry<String, Object>> right = b.entrySet().iterator();
            while (left.hasNext() && right.hasNext()) {
                Map.Entry<String, Object> x = left.next();
                Map.Entry<String, Object> y = right.next();
                int c = x.getKey().compareTo(y.getKey());
                if (c == 0) {
                    c = ParamValues.compare(x.getValue(), y.getValue());
                }
                if (c != 0) {
                    return c;
                }
            }
            return Boolean.compare(left.hasNext(), right.hasNext());
        }
    }
}
