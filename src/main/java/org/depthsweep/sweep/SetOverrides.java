package org.depthsweep.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;

import org.depthsweep.experiment.Experiment;

/**
 * Applies {@code --set KEY=VALUE} overrides to a resolved sweep, in order.
 *
 * <p>VALUE is read as a HOCON value ({@code [3, 4]} is a list, {@code 1e-3} a number, {@code small} a string). Text
 * that is not a HOCON value, or that contains {@code #} or {@code //} outside double quotes (which HOCON would read
 * as a comment), is taken as a string as written, so {@code data.dir=/x/y} and {@code url=http://h/p} work. For a
 * parameter that is not a string, such text is an error that quotes HOCON's parse message, since {@code p=[3,4} is
 * a list with a typing slip rather than a string.
 *
 * <p>When KEY names a parameter of the sweep's experiment, the override replaces every place that gives it: the key
 * is removed from {@code grid}, from each zip group (dropping a group that becomes empty, and keeping each remaining
 * tuple once) and from the top level, and the value is set at top level. So {@code --set p=4} fixes p and {@code --set p=[3,4]} makes p an axis. Any other
 * KEY ({@code name}, {@code seed}, {@code fit.eps}, {@code grid.seed}, ...) is set at its path as written.
 */
final class SetOverrides {
    private static final String PLACEHOLDER = "value";

    private SetOverrides() {
    }

    /**
     * Returns the sweep with every override applied.
     *
     * @param kinds the experiments by name, to tell parameter keys from other keys
     * @throws SweepSpecException for an override without '=', with an invalid key path, with a VALUE that uses a
     *                            substitution, or with a VALUE that does not parse for a parameter that is not a string
     */
    static ConfigObject apply(ConfigObject root, List<String> sets, Map<String, Experiment> kinds) {
        ConfigObject current = root;
        for (String set : sets) {
            current = applyOne(current, set, kinds);
        }
        return current;
    }

    private static ConfigObject applyOne(ConfigObject root, String set, Map<String, Experiment> kinds) {
        String label = SpecErrors.setLabel(set);
        int equals = set.indexOf('=');
        if (equals < 0) {
            throw new SweepSpecException(label + ": missing '=': an override has the form KEY=VALUE. Fix: write it "
                    + "like --set lr=1e-3.");
        }
        String key = set.substring(0, equals).trim();
        String text = set.substring(equals + 1);
        try {
            ConfigUtil.splitPath(key);
        } catch (ConfigException e) {
            throw new SweepSpecException(label + ": KEY \"" + key + "\" is not a valid HOCON path: "
                    + e.getMessage() + ". Fix: use a key such as lr, fit.eps or grid.seed.");
        }
        ConfigValue value = parseValue(text, label);
        ParamSpec parameter = SweepLoader.RESERVED_KEYS.contains(key) ? null : parameterSpecs(root, kinds).get(key);
        if (parameter != null) {
            if (parameter.type() != ParamType.STRING) {
                String parseError = parseError(text);
                if (parseError != null) {
                    throw new SweepSpecException(label + ": VALUE " + text + " is not a valid HOCON value ("
                            + parseError + "), and parameter " + key + " takes a " + parameter.type().name()
                            .toLowerCase(Locale.ROOT) + " or a list of them. Fix: close every bracket "
                            + "and quote, like --set p=[3,4].");
                }
            }
            return setParameter(root, key, value);
        }
        try {
            return root.toConfig().withValue(key, value).root();
        } catch (ConfigException e) {
            throw new SweepSpecException(label + ": cannot set KEY \"" + key + "\": " + e.getMessage()
                    + ". Fix: use a key such as lr, fit.eps or grid.seed.");
        }
    }

    /** Returns the parameters of the experiment the sweep names so far by name, or none when it names no known one. */
    private static Map<String, ParamSpec> parameterSpecs(ConfigObject root, Map<String, Experiment> kinds) {
        ConfigValue name = root.get("experiment");
        if (name == null || name.valueType() != ConfigValueType.STRING) {
            return Map.of();
        }
        Experiment experiment = kinds.get((String) name.unwrapped());
        if (experiment == null) {
            return Map.of();
        }
        Map<String, ParamSpec> specs = new HashMap<>();
        for (ParamSpec spec : experiment.parameters()) {
            specs.put(spec.name(), spec);
        }
        return specs;
    }

    /**
     * Reads VALUE as a HOCON value, or as a string when it is not one.
     *
     * @throws SweepSpecException when VALUE uses a substitution such as {@code ${x}} or {@code ${?x}}
     */
    static ConfigValue parseValue(String text, String label) {
        if (!hasUnquotedComment(text)) {
            try {
                Config parsed = parse(text, label);
                if (parsed.root().keySet().equals(Set.of(PLACEHOLDER))) {
                    // An override has no other keys to refer to, so a required substitution fails to resolve and an
                    // optional one such as ${?HOME} resolves to nothing, which would drop the value or a list element.
                    if (!parsed.isResolved()) {
                        throw substitutionError(text, label);
                    }
                    return parsed.root().get(PLACEHOLDER);
                }
            } catch (ConfigException.Parse e) {
                // Not a HOCON value: take the text as a string below.
            }
        }
        return ConfigValueFactory.fromAnyRef(text, label);
    }

    private static SweepSpecException substitutionError(String text, String label) {
        return new SweepSpecException(label + ": VALUE " + text + " uses a substitution, which an override cannot "
                + "resolve because it reads no other keys, environment variables or system properties. So ${x} "
                + "fails and an optional ${?x} resolves to nothing. Fix: write the value itself, and let the "
                + "shell expand environment variables, as in --set \"data.dir=$HOME/data\".");
    }

    /**
     * Returns HOCON's message when VALUE, without a comment, does not parse as a value, as {@code [3,4} does not, or
     * null when it parses.
     */
    private static String parseError(String text) {
        if (hasUnquotedComment(text)) {
            return null;
        }
        try {
            parse(text, "VALUE");
            return null;
        } catch (ConfigException.Parse e) {
            return e.getMessage();
        }
    }

    private static Config parse(String text, String label) {
        return ConfigFactory.parseString(PLACEHOLDER + " = " + text,
                ConfigParseOptions.defaults().setOriginDescription(label));
    }

    /** Tells whether HOCON would read part of the text as a comment: '#' or "//" outside double quotes. */
    private static boolean hasUnquotedComment(String text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '#' || text.startsWith("//", i)) {
                return true;
            }
        }
        return false;
    }

    private static ConfigObject setParameter(ConfigObject root, String name, ConfigValue value) {
        ConfigObject out = removeParameter(root, name);
        ConfigValue grid = out.get("grid");
        if (grid != null && grid.valueType() == ConfigValueType.OBJECT) {
            out = out.withValue("grid", removeParameter((ConfigObject) grid, name));
        }
        ConfigValue zip = out.get("zip");
        if (zip != null && zip.valueType() == ConfigValueType.LIST) {
            List<ConfigValue> remainingGroups = new ArrayList<>();
            for (ConfigValue group : (ConfigList) zip) {
                if (group.valueType() != ConfigValueType.OBJECT) {
                    remainingGroups.add(group);
                    continue;
                }
                ConfigObject before = (ConfigObject) group;
                ConfigObject after = removeParameter(before, name);
                if (before.isEmpty() || !after.isEmpty()) {
                    remainingGroups.add(after == before ? after : withoutRepeatedTuples(after));
                }
            }
            out = out.withValue("zip", ConfigValueFactory.fromIterable(remainingGroups).withOrigin(zip.origin()));
        }
        String path = ConfigUtil.joinPath(name.split("\\.", -1));
        return out.toConfig().withValue(path, value).root();
    }

    /**
     * Returns a zip group that lost a member to an override with each repeated tuple of the other members kept once,
     * in first-seen order. Pairs such as (1, gd), (2, gd) leave gd twice once depth is taken out, and the override
     * means every remaining value, so {@code --set depth=[1,2]} crosses depth with each optimizer once. A group whose
     * members are not lists of one length is returned as it is, for the loader to report.
     */
    private static ConfigObject withoutRepeatedTuples(ConfigObject group) {
        Config members = group.toConfig();
        List<String> paths = new ArrayList<>();
        int length = -1;
        for (Map.Entry<String, ConfigValue> member : members.entrySet()) {
            if (member.getValue().valueType() != ConfigValueType.LIST) {
                return group;
            }
            int size = ((ConfigList) member.getValue()).size();
            if (length >= 0 && size != length) {
                return group;
            }
            length = size;
            paths.add(member.getKey());
        }
        List<Integer> keptIndices = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < length; i++) {
            List<Object> tuple = new ArrayList<>();
            for (String path : paths) {
                tuple.add(((ConfigList) members.getValue(path)).get(i).unwrapped());
            }
            if (seen.add(tuple)) {
                keptIndices.add(i);
            }
        }
        if (keptIndices.size() == length) {
            return group;
        }
        Config out = members;
        for (String path : paths) {
            ConfigList values = (ConfigList) members.getValue(path);
            List<ConfigValue> keptValues = new ArrayList<>();
            for (int i : keptIndices) {
                keptValues.add(values.get(i));
            }
            out = out.withValue(path, ConfigValueFactory.fromIterable(keptValues).withOrigin(values.origin()));
        }
        return out.root();
    }

    /**
     * Returns the object without each key path that addresses the parameter: the key itself, or the key under an
     * object whose key is a prefix of the name. An object left empty by the removal is removed too.
     */
    private static ConfigObject removeParameter(ConfigObject object, String name) {
        ConfigObject out = object;
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String key = entry.getKey();
            ConfigValue child = entry.getValue();
            if (key.equals(name)) {
                out = out.withoutKey(key);
            } else if (name.startsWith(key + ".") && child.valueType() == ConfigValueType.OBJECT) {
                ConfigObject inner = removeParameter((ConfigObject) child, name.substring(key.length() + 1));
                out = inner.isEmpty() && !((ConfigObject) child).isEmpty()
                        ? out.withoutKey(key) : out.withValue(key, inner);
            }
        }
        return out;
    }
}
