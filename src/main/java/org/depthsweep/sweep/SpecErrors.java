package org.depthsweep.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;

/**
 * Builds the {@link SweepSpecException} messages of one sweep. A message about a value starts with where it was
 * written ({@code conf/toy-lp.conf: line 7}, or {@code --set KEY=VALUE} for an override), then gives the key path, the
 * value, the rule it breaks and a fix. A message about a missing key or the whole grid starts with the source.
 */
final class SpecErrors {
    /** Maximum length of a rendered value in a message. A longer rendering is cut and ends with "...". */
    private static final int MAX_SHOWN_CHARS = 200;

    private final String source;
    private final List<String> setLabels;
    private final List<String> setLabelsLongestFirst;

    /**
     * @param source file name, or the name given to {@link SweepLoader#parse}
     * @param sets   the --set overrides as written, {@code KEY=VALUE}
     */
    SpecErrors(String source, List<String> sets) {
        this.source = source;
        List<String> labels = new ArrayList<>();
        for (String set : sets) {
            labels.add(setLabel(set));
        }
        this.setLabels = List.copyOf(labels);
        labels.sort(Comparator.comparingInt(String::length).reversed());
        this.setLabelsLongestFirst = List.copyOf(labels);
    }

    /** Returns the name of an override in messages and in the origin of its values: {@code --set KEY=VALUE}. */
    static String setLabel(String set) {
        return "--set " + set;
    }

    String source() {
        return source;
    }

    /** Describes the whole input: the source, followed by the overrides when there are any. */
    String input() {
        return setLabels.isEmpty() ? source : source + " with " + String.join(" ", setLabels);
    }

    /**
     * Returns where a value was written: the override's label for a value from --set, otherwise the file name followed
     * by the line number when Typesafe Config recorded one.
     */
    String where(ConfigValue value) {
        ConfigOrigin origin = value.origin();
        String description = origin.description();
        for (String label : setLabelsLongestFirst) {
            if (description.equals(label) || description.startsWith(label + ": ")) {
                return label;
            }
        }
        String file = origin.filename() != null ? origin.filename() : source;
        return origin.lineNumber() > 0 ? file + ": line " + origin.lineNumber() : file;
    }

    /** Tells whether a value was written by a --set override. */
    boolean isOverride(ConfigValue value) {
        return setLabels.contains(where(value));
    }

    /** Renders a value on one line as HOCON writes it, with strings in double quotes. */
    static String show(ConfigValue value) {
        String text = value.render(ConfigRenderOptions.concise());
        return text.length() <= MAX_SHOWN_CHARS ? text : text.substring(0, MAX_SHOWN_CHARS) + "...";
    }

    /** Builds the error for a written value: {@code WHERE: KEY = VALUE: RULE. Fix: FIX.} */
    SweepSpecException invalid(ConfigValue at, String keyPath, String rule, String fix) {
        return invalid(at, keyPath, show(at), rule, fix);
    }

    /** Builds the error for a value derived from a written one, such as a point of a range, shown as given. */
    SweepSpecException invalid(ConfigValue at, String keyPath, String shownValue, String rule, String fix) {
        return new SweepSpecException(where(at) + ": " + keyPath + " = " + shownValue + ": " + sentence(rule)
                + " Fix: " + sentence(fix));
    }

    /** Builds the error for a required key that the sweep does not give. */
    SweepSpecException missing(String keyPath, String rule, String fix) {
        return new SweepSpecException(input() + ": " + keyPath + " is missing: " + sentence(rule) + " Fix: "
                + sentence(fix));
    }

    /** Builds an error about the sweep as a whole, such as its grid size, which has no single key. */
    SweepSpecException general(String rule, String fix) {
        return new SweepSpecException(input() + ": " + sentence(rule) + " Fix: " + sentence(fix));
    }

    /** Builds the error for a key that is not allowed where it was written, with the closest known key as a hint. */
    SweepSpecException unknownKey(ConfigValue at, String keyPath, String key, String context,
                                  Collection<String> known) {
        String list = String.join(", ", known);
        String fix = Suggestions.closest(key, known)
                .map(name -> "rename it to " + name + " (the closest known key), or remove it. Known keys: " + list)
                .orElse("remove it or use a known key: " + list);
        return invalid(at, keyPath, "unknown key " + key + " " + context, fix);
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("?") ? text : text + ".";
    }
}
