package org.depthsweep.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Declaration of one experiment parameter: its name, type, default, allowed values, meaning and, for some, the
 * condition under which cells read it. The sweep layer uses it to check files and to convert values, and the store
 * uses it to build the parameter columns of the runs table.
 *
 * <p>A parameter name may contain dots ({@code data.dir}); its table column replaces each dot with an underscore.
 * Instances are immutable; the {@code with...} methods return changed copies.
 */
public final class ParamSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final ParamType type;
    private final Object defaultValue;
    private final boolean nullable;
    private final String description;
    private final Double lowerBound;
    private final boolean lowerInclusive;
    private final Double upperBound;
    private final boolean upperInclusive;
    private final List<String> choices;
    private final ReadCondition readCondition;

    private ParamSpec(String name, ParamType type, Object defaultValue, boolean nullable, String description,
                      Double lowerBound, boolean lowerInclusive, Double upperBound, boolean upperInclusive,
                      List<String> choices, ReadCondition readCondition) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultValue = defaultValue;
        this.nullable = nullable;
        this.description = Objects.requireNonNull(description, "description");
        this.lowerBound = lowerBound;
        this.lowerInclusive = lowerInclusive;
        this.upperBound = upperBound;
        this.upperInclusive = upperInclusive;
        this.choices = choices;
        this.readCondition = readCondition;
    }

    /** Declares a double parameter with the given default. */
    public static ParamSpec ofDouble(String name, Double defaultValue, String description) {
        return new ParamSpec(name, ParamType.DOUBLE, defaultValue, defaultValue == null, description,
                null, false, null, false, List.of(), null);
    }

    /** Declares a long parameter with the given default. */
    public static ParamSpec ofLong(String name, Long defaultValue, String description) {
        return new ParamSpec(name, ParamType.LONG, defaultValue, defaultValue == null, description,
                null, false, null, false, List.of(), null);
    }

    /** Declares a string parameter with the given default. */
    public static ParamSpec ofString(String name, String defaultValue, String description) {
        return new ParamSpec(name, ParamType.STRING, defaultValue, defaultValue == null, description,
                null, false, null, false, List.of(), null);
    }

    /** Declares a boolean parameter with the given default. */
    public static ParamSpec ofBoolean(String name, Boolean defaultValue, String description) {
        return new ParamSpec(name, ParamType.BOOLEAN, defaultValue, defaultValue == null, description,
                null, false, null, false, List.of(), null);
    }

    /** Returns a copy that only accepts values strictly greater than {@code bound}. */
    public ParamSpec greaterThan(double bound) {
        return new ParamSpec(name, type, defaultValue, nullable, description, bound, false, upperBound,
                upperInclusive, choices, readCondition);
    }

    /** Returns a copy that only accepts values greater than or equal to {@code bound}. */
    public ParamSpec atLeast(double bound) {
        return new ParamSpec(name, type, defaultValue, nullable, description, bound, true, upperBound,
                upperInclusive, choices, readCondition);
    }

    /** Returns a copy that only accepts values less than or equal to {@code bound}. */
    public ParamSpec atMost(double bound) {
        return new ParamSpec(name, type, defaultValue, nullable, description, lowerBound, lowerInclusive, bound,
                true, choices, readCondition);
    }

    /** Returns a copy that only accepts the listed strings. */
    public ParamSpec oneOf(String... allowed) {
        Set<String> set = new LinkedHashSet<>(List.of(allowed));
        return new ParamSpec(name, type, defaultValue, nullable, description, lowerBound, lowerInclusive,
                upperBound, upperInclusive, Collections.unmodifiableList(new ArrayList<>(set)), readCondition);
    }

    /**
     * Returns a copy that accepts no value (null) as well. A parameter whose default is null is nullable from the
     * start.
     */
    public ParamSpec orNull() {
        return new ParamSpec(name, type, defaultValue, true, description, lowerBound, lowerInclusive, upperBound,
                upperInclusive, choices, readCondition);
    }

    /**
     * Returns a copy that cells read only when the string parameter {@code parameter} has the value {@code value}, as
     * the CSV settings of a sweep are read only when {@code data.source = csv}. The sweep loader rejects a written
     * value (other than null) that no cell of the sweep reads. The experiment's {@code normalize} should still clear
     * the parameter in the other cells. Replaces any earlier condition.
     */
    public ParamSpec readOnlyWhen(String parameter, String value) {
        return new ParamSpec(name, type, defaultValue, nullable, description, lowerBound, lowerInclusive, upperBound,
                upperInclusive, choices, new ReadCondition(parameter, value));
    }

    /**
     * Condition under which cells read a parameter: {@code parameter} has the value {@code value}.
     *
     * @param parameter name of a string parameter of the same experiment
     * @param value     one of that parameter's values
     */
    public record ReadCondition(String parameter, String value) implements Serializable {
        private static final long serialVersionUID = 1L;

        public ReadCondition {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return parameter + " = " + value;
        }
    }

    public String name() {
        return name;
    }

    /** Column name in the result tables: the parameter name with dots replaced by underscores. */
    public String column() {
        return name.replace('.', '_');
    }

    public ParamType type() {
        return type;
    }

    /** Default value, already of the declared type; null when the parameter has no value unless given. */
    public Object defaultValue() {
        return defaultValue;
    }

    public boolean nullable() {
        return nullable;
    }

    public String description() {
        return description;
    }

    /** Condition under which cells read this parameter, or null when every cell reads it. */
    public ReadCondition readCondition() {
        return readCondition;
    }

    /** Allowed strings, or an empty list when any string is allowed. */
    public List<String> choices() {
        return choices;
    }

    /**
     * Checks a value of the declared type against the declared bounds and choices.
     *
     * @return null when the value is allowed, otherwise the rule it breaks, for example {@code "must be > 1"}
     */
    public String violation(Object value) {
        if (value == null) {
            return nullable ? null : "must be set (it has no default)";
        }
        if (type == ParamType.DOUBLE || type == ParamType.LONG) {
            double x = ((Number) value).doubleValue();
            // Written in the positive so that NaN fails every bound.
            if (type == ParamType.DOUBLE && !Double.isFinite(x)) {
                return "must be a finite number";
            }
            if (lowerBound != null && !(lowerInclusive ? x >= lowerBound : x > lowerBound)) {
                return "must be " + (lowerInclusive ? ">= " : "> ") + format(lowerBound);
            }
            if (upperBound != null && !(x <= upperBound)) {
                return "must be <= " + format(upperBound);
            }
        }
        if (type == ParamType.STRING && !choices.isEmpty() && !choices.contains(value)) {
            return "must be one of " + String.join(", ", choices);
        }
        return null;
    }

    /** States the allowed values in words, for help text and error messages. */
    public String allowedDescription() {
        StringBuilder sb = new StringBuilder(type.name().toLowerCase(java.util.Locale.ROOT));
        if (!choices.isEmpty()) {
            sb.append(" in {").append(String.join(", ", choices)).append('}');
        }
        if (lowerBound != null) {
            sb.append(lowerInclusive ? " >= " : " > ").append(format(lowerBound));
        }
        if (upperBound != null) {
            sb.append(lowerBound != null ? " and" : "").append(" <= ").append(format(upperBound));
        }
        if (nullable) {
            sb.append(", or null");
        }
        return sb.toString();
    }

    private String format(double bound) {
        if (type == ParamType.LONG || bound == Math.rint(bound) && Math.abs(bound) < 1e15) {
            return Long.toString((long) bound);
        }
        return Double.toString(bound);
    }

    @Override
    public String toString() {
        return name + " (" + allowedDescription() + ", default " + defaultValue + ")";
    }
}
