package org.depthsweep.sweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Converts written HOCON values to the typed values of a parameter and checks them against its declaration.
 *
 * <p>DOUBLE and LONG take HOCON numbers only, and LONG only integral ones, so {@code 1e7} is a long but {@code 1.5}
 * is not. STRING takes HOCON strings, quoted or not. BOOLEAN takes {@code true} and {@code false}. {@code null} is
 * accepted for nullable parameters only.
 */
final class ParamValues {
    /** 2^63, the first double above the long range. */
    private static final double TWO_TO_63 = 0x1p63;

    private static final Set<String> NON_FINITE_WORDS = Set.of("nan", "inf", "+inf", "-inf", "infinity",
            "+infinity", "-infinity");

    private ParamValues() {
    }

    /** Returns the number written, or null when the value is not a HOCON number. */
    static Double number(ConfigValue value) {
        return value.valueType() == ConfigValueType.NUMBER ? ((Number) value.unwrapped()).doubleValue() : null;
    }

    /** Returns the integer written, or null unless the value is a HOCON number whose value is a long. */
    static Long integral(ConfigValue value) {
        if (value.valueType() != ConfigValueType.NUMBER) {
            return null;
        }
        Number number = (Number) value.unwrapped();
        if (number instanceof Integer || number instanceof Long) {
            return number.longValue();
        }
        double x = number.doubleValue();
        // Written in the positive so that NaN and the infinities fail; -2^63 is a long but 2^63 is not.
        if (x == Math.rint(x) && x >= -TWO_TO_63 && x < TWO_TO_63) {
            return (long) x;
        }
        return null;
    }

    /**
     * Converts the values of one placement, in written order: its single value, each list element or each range
     * point. LONG range points are rounded to the nearest integer.
     *
     * @param distinct reject a list or range that gives the same value twice. Zip groups pass false, because a
     *                 value may repeat there when its partners differ.
     * @throws SweepSpecException naming the first value of the wrong type, out of range or repeated
     */
    static List<Object> values(Placement placement, boolean distinct, SpecErrors errors) {
        ParamSpec spec = placement.spec();
        ConfigValue value = placement.value();
        List<Object> out = new ArrayList<>();
        if (placement.range() != null) {
            out.addAll(rangeValues(placement, errors));
        } else if (value.valueType() == ConfigValueType.LIST) {
            for (ConfigValue element : (ConfigList) value) {
                out.add(convert(spec, element, placement.keyPath(), errors));
            }
        } else {
            out.add(convert(spec, value, placement.keyPath(), errors));
        }
        if (distinct) {
            rejectRepeats(placement, out, errors);
        }
        return out;
    }

    /** Converts one written value to the parameter's type and checks it against the declared bounds and choices. */
    static Object convert(ParamSpec spec, ConfigValue value, String keyPath, SpecErrors errors) {
        Object typed = typed(spec, value, keyPath, errors);
        check(spec, typed, value, keyPath, SpecErrors.show(value), errors);
        return typed;
    }

    private static Object typed(ParamSpec spec, ConfigValue value, String keyPath, SpecErrors errors) {
        ConfigValueType written = value.valueType();
        if (written == ConfigValueType.NULL) {
            if (spec.nullable()) {
                return null;
            }
            throw errors.invalid(value, keyPath, spec.name() + " must not be null (" + spec.description() + ")",
                    "use a " + spec.allowedDescription() + ", or remove the key to use the default "
                            + spec.defaultValue());
        }
        switch (spec.type()) {
            case DOUBLE:
                if (written == ConfigValueType.NUMBER) {
                    return ((Number) value.unwrapped()).doubleValue();
                }
                if (written == ConfigValueType.STRING
                        && NON_FINITE_WORDS.contains(((String) value.unwrapped()).toLowerCase(Locale.ROOT))) {
                    throw errors.invalid(value, keyPath, spec.name() + " must be a finite number ("
                            + spec.description() + ")", "use a finite " + spec.allowedDescription());
                }
                throw wrongType(spec, value, keyPath, errors);
            case LONG:
                Long integer = integral(value);
                if (integer != null) {
                    return integer;
                }
                if (written == ConfigValueType.NUMBER) {
                    throw errors.invalid(value, keyPath, spec.name() + " must be an integer in the 64-bit long "
                            + "range (" + spec.description() + ")", "write a whole number such as 3 or 1e6");
                }
                throw wrongType(spec, value, keyPath, errors);
            case STRING:
                if (written == ConfigValueType.STRING) {
                    return value.unwrapped();
                }
                throw wrongType(spec, value, keyPath, errors);
            case BOOLEAN:
                if (written == ConfigValueType.BOOLEAN) {
                    return value.unwrapped();
                }
                throw wrongType(spec, value, keyPath, errors);
            default:
                throw new IllegalStateException("unhandled parameter type " + spec.type());
        }
    }

    private static SweepSpecException wrongType(ParamSpec spec, ConfigValue value, String keyPath,
                                                SpecErrors errors) {
        ParamType type = spec.type();
        ConfigValueType written = value.valueType();
        String expected;
        switch (type) {
            case DOUBLE:
                expected = "a number";
                break;
            case LONG:
                expected = "an integer";
                break;
            case STRING:
                expected = "a string";
                break;
            default:
                expected = "true or false";
                break;
        }
        String rule = spec.name() + " must be " + expected + ", not a " + written.name().toLowerCase(Locale.ROOT);
        String fix = "use a " + spec.allowedDescription();
        if ((type == ParamType.DOUBLE || type == ParamType.LONG) && written == ConfigValueType.STRING) {
            rule += " (HOCON reads quoted text, words and integers beyond the 64-bit range as strings)";
            fix = "write a number without quotes, as a " + spec.allowedDescription();
        } else if (type == ParamType.BOOLEAN && written == ConfigValueType.STRING) {
            fix = "write true or false without quotes";
        } else if (type == ParamType.STRING && written != ConfigValueType.LIST && written != ConfigValueType.OBJECT) {
            fix = "write the value in double quotes, as a " + spec.allowedDescription();
        } else if (written == ConfigValueType.LIST || written == ConfigValueType.OBJECT) {
            fix = "give one " + spec.allowedDescription() + " here, or a flat list of values such as [a, b]";
        }
        return errors.invalid(value, keyPath, rule, fix);
    }

    /**
     * Checks a typed value with {@link ParamSpec#violation}.
     *
     * @param at    the written value, for the message's file and line
     * @param shown the value as the message shows it
     */
    private static void check(ParamSpec spec, Object typed, ConfigValue at, String keyPath, String shown,
                              SpecErrors errors) {
        String violation = spec.violation(typed);
        if (violation == null) {
            return;
        }
        String fix = "use a " + spec.allowedDescription();
        if (typed instanceof String && !spec.choices().isEmpty()) {
            String choices = String.join(", ", spec.choices());
            fix = Suggestions.closest((String) typed, spec.choices())
                    .map(choice -> "use " + choice + " (the closest allowed value) or another of " + choices)
                    .orElse("use one of " + choices);
        }
        throw errors.invalid(at, keyPath, shown, spec.name() + " " + violation + " (" + spec.description() + ")",
                fix);
    }

    private static List<Object> rangeValues(Placement placement, SpecErrors errors) {
        ParamSpec spec = placement.spec();
        ValueRange range = placement.range();
        double[] points = range.points();
        List<Object> out = new ArrayList<>(points.length);
        for (int i = 0; i < points.length; i++) {
            String origin = " (point " + (i + 1) + " of " + range.describe() + ")";
            Object typed = points[i];
            if (spec.type() == ParamType.LONG) {
                // Math.round saturates at the ends of the long range, so a point beyond them is rejected first.
                if (!(points[i] >= -TWO_TO_63 && points[i] < TWO_TO_63)) {
                    throw errors.invalid(placement.value(), placement.keyPath(), points[i] + origin, spec.name()
                            + " must be an integer in the 64-bit long range", "narrow the range");
                }
                typed = Math.round(points[i]);
            }
            check(spec, typed, placement.value(), placement.keyPath(), typed + origin, errors);
            out.add(typed);
        }
        return out;
    }

    private static void rejectRepeats(Placement placement, List<Object> values, SpecErrors errors) {
        Set<String> seen = new HashSet<>();
        for (Object value : values) {
            if (!seen.add(CellIds.canonical(value))) {
                String rule = placement.spec().name() + " gives the value " + value + " more than once";
                String fix = placement.range() == null ? "remove the repeated value" : rangeRepeatFix(placement);
                throw errors.invalid(placement.value(), placement.keyPath(), rule, fix);
            }
        }
    }

    private static String rangeRepeatFix(Placement placement) {
        ValueRange range = placement.range();
        if (range.from() == range.to()) {
            return "the range's ends are equal, so all its points are equal. Use count = 1 or different ends";
        }
        if (placement.spec().type() == ParamType.LONG) {
            return "the range's points round to the same integer, so lower count or widen the range";
        }
        return "the range's ends are so close that some of its points are the same double, so lower count or "
                + "widen the range";
    }
}
