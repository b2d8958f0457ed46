package org.depthsweep.sweep;

import java.util.List;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Axis values written as a range object: {@code {log = [from, to], count = n}} for geometric spacing or
 * {@code {linear = [from, to], count = n}} for even spacing. Both ends are included and either may be the larger.
 *
 * @param log   true for geometric spacing, false for even spacing
 * @param from  first point, finite (and > 0 for a log range)
 * @param to    last point, finite (and > 0 for a log range)
 * @param count number of points, >= 2, or 1 when {@code from == to}
 */
record ValueRange(boolean log, double from, double to, long count) {
    static final String LOG = "log";
    static final String LINEAR = "linear";
    static final String COUNT = "count";
    static final List<String> KEYS = List.of(LOG, LINEAR, COUNT);

    /**
     * Reads and checks a range object without computing its points, so that the grid size can be checked first.
     *
     * @throws SweepSpecException when the parameter is not numeric or the object is not a valid range
     */
    static ValueRange parse(ParamSpec spec, ConfigObject object, String keyPath, SpecErrors errors) {
        if (spec.type() != ParamType.DOUBLE && spec.type() != ParamType.LONG) {
            throw errors.invalid(object, keyPath, "a range object is only allowed for double and long parameters, "
                    + "and " + spec.name() + " is a " + spec.type().name().toLowerCase(java.util.Locale.ROOT),
                    "list the values instead, for example " + spec.name() + " = [a, b]");
        }
        for (String key : object.keySet()) {
            if (!KEYS.contains(key)) {
                throw errors.unknownKey(object.get(key), keyPath + "." + key, key, "in a range object", KEYS);
            }
        }
        String example = keyPath + " = { log = [1e-3, 1e-1], count = 3 }";
        boolean log = object.containsKey(LOG);
        if (log == object.containsKey(LINEAR)) {
            throw errors.invalid(object, keyPath, "a range object needs exactly one of log = [from, to] and "
                    + "linear = [from, to]", "write " + example);
        }
        String kind = log ? LOG : LINEAR;
        ConfigValue ends = object.get(kind);
        String endsPath = keyPath + "." + kind;
        double[] fromTo = readEnds(ends, endsPath, errors);
        double from = fromTo[0];
        double to = fromTo[1];
        if (log && !(from > 0 && to > 0)) {
            throw errors.invalid(ends, endsPath, "both ends of a log range must be > 0",
                    "use positive ends, or a linear range to include 0 or negative values");
        }

        ConfigValue countValue = object.get(COUNT);
        if (countValue == null) {
            throw errors.invalid(object, keyPath, "count is missing: a range needs the number of points",
                    "add count, for example " + example);
        }
        Long count = ParamValues.integral(countValue);
        String countPath = keyPath + "." + COUNT;
        String countRule = "count must be an integer >= 2, or 1 when both ends are equal";
        if (count == null || !(count >= 1)) {
            throw errors.invalid(countValue, countPath, countRule, "use count = 2 or more");
        }
        if (count == 1 && from != to) {
            throw errors.invalid(countValue, countPath, countRule + ", but the ends are " + from + " and " + to,
                    "use count = 2 or more, or a single value instead of a range");
        }
        return new ValueRange(log, from, to, count);
    }

    private static double[] readEnds(ConfigValue ends, String endsPath, SpecErrors errors) {
        String rule = "the ends of a range must be a list of two finite numbers [from, to]";
        String fix = "write " + endsPath + " = [from, to], for example [1e-3, 1e-1]";
        if (ends.valueType() != ConfigValueType.LIST || ((ConfigList) ends).size() != 2) {
            throw errors.invalid(ends, endsPath, rule, fix);
        }
        double[] fromTo = new double[2];
        for (int i = 0; i < 2; i++) {
            Double x = ParamValues.number(((ConfigList) ends).get(i));
            if (x == null || !Double.isFinite(x)) {
                throw errors.invalid(ends, endsPath, rule, fix);
            }
            fromTo[i] = x;
        }
        return fromTo;
    }

    /**
     * Computes the points. Point i of n is {@code from * (to / from)^(i / (n - 1))} for a log range and
     * {@code from + (to - from) * i / (n - 1)} for a linear range. The first and last points are exactly
     * {@code from} and {@code to}, free of rounding.
     */
    double[] points() {
        double[] points = new double[Math.toIntExact(count)];
        points[0] = from;
        for (int i = 1; i < points.length - 1; i++) {
            double t = (double) i / (points.length - 1);
            points[i] = log ? from * Math.pow(to / from, t) : from + (to - from) * t;
        }
        points[points.length - 1] = to;
        return points;
    }

    /** Describes the range as it would be written, for messages. */
    String describe() {
        return "{ " + (log ? LOG : LINEAR) + " = [" + from + ", " + to + "], count = " + count + " }";
    }
}
