package org.depthsweep.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import org.depthsweep.experiment.Experiment;

/**
 * Finds where a sweep gives each parameter (at top level, in {@code grid} or in a {@code zip} group) and turns them
 * into the factors of the grid's outer product.
 *
 * <p>A parameter name may contain dots, so {@code data { dir = x }} and {@code data.dir = x} both give
 * {@code data.dir}. Keys are resolved by walking the tree: a key that is neither a parameter nor the prefix of one is
 * unknown. A parameter may be given in one place only.
 */
final class GridReader {
    private final Map<String, ParamSpec> parameters = new LinkedHashMap<>();
    private final SpecErrors errors;
    private final Map<String, Placement> placed = new LinkedHashMap<>();
    private final List<Dimension> dimensions = new ArrayList<>();

    private GridReader(Experiment experiment, SpecErrors errors) {
        for (ParamSpec spec : experiment.parameters()) {
            parameters.put(spec.name(), spec);
        }
        this.errors = errors;
    }

    /**
     * Reads the parameters of a resolved sweep. A parameter given nowhere is absent from the result and keeps its
     * default.
     *
     * @param reservedKeys top-level keys that are not parameters ({@code seed} there is the sweep seed)
     * @return the factors, sorted by {@link Dimension#key()}
     * @throws SweepSpecException for an unknown key, a malformed grid, zip group, list or range, or a parameter
     *                            given twice
     */
    static List<Dimension> read(ConfigObject root, Experiment experiment, List<String> reservedKeys,
                                SpecErrors errors) {
        GridReader reader = new GridReader(experiment, errors);
        reader.readTopLevel(root, reservedKeys, experiment.name());
        reader.readGrid(root.get("grid"));
        reader.readZip(root.get("zip"));
        reader.dimensions.sort(Comparator.comparing(Dimension::key));
        return List.copyOf(reader.dimensions);
    }

    private void readTopLevel(ConfigObject root, List<String> reservedKeys, String experimentName) {
        List<String> known = new ArrayList<>(reservedKeys);
        for (String parameter : parameters.keySet()) {
            if (!reservedKeys.contains(parameter)) {
                known.add(parameter);
            }
        }
        String context = "at top level: a key must be a sweep setting or a parameter of experiment " + experimentName;
        for (String key : new TreeSet<>(root.keySet())) {
            if (reservedKeys.contains(key)) {
                continue;
            }
            walk(key, root.get(key), "", context, known, (spec, keyPath, value) -> {
                boolean axis = value.valueType() == ConfigValueType.LIST
                        || value.valueType() == ConfigValueType.OBJECT;
                addSingle(placement(spec, keyPath, value, axis));
            });
        }
    }

    private void readGrid(ConfigValue grid) {
        if (grid == null) {
            return;
        }
        if (grid.valueType() != ConfigValueType.OBJECT) {
            throw errors.invalid(grid, "grid", "grid must be an object that maps parameters to lists or ranges",
                    "write grid { p = [3, 4] }");
        }
        ConfigObject object = (ConfigObject) grid;
        String context = "in grid: grid keys must be parameters";
        for (String key : new TreeSet<>(object.keySet())) {
            walk(key, object.get(key), "grid.", context, parameters.keySet(), (spec, keyPath, value) -> {
                boolean axis = value.valueType() == ConfigValueType.LIST
                        || value.valueType() == ConfigValueType.OBJECT;
                addSingle(placement(spec, keyPath, value, axis));
            });
        }
    }

    private void readZip(ConfigValue zip) {
        if (zip == null) {
            return;
        }
        String rule = "zip must be a list of objects, each pairing lists of equal length";
        String fix = "write zip = [ { lr = [0.01, 0.1], steps = [1e7, 1e6] } ]";
        if (zip.valueType() != ConfigValueType.LIST) {
            throw errors.invalid(zip, "zip", rule, fix);
        }
        ConfigList groups = (ConfigList) zip;
        for (int i = 0; i < groups.size(); i++) {
            ConfigValue group = groups.get(i);
            String groupPath = "zip[" + i + "]";
            if (group.valueType() != ConfigValueType.OBJECT) {
                throw errors.invalid(group, groupPath, rule, fix);
            }
            readZipGroup((ConfigObject) group, groupPath);
        }
    }

    private void readZipGroup(ConfigObject group, String groupPath) {
        List<Placement> members = new ArrayList<>();
        String context = "in " + groupPath + ": zip group keys must be parameters";
        for (String key : new TreeSet<>(group.keySet())) {
            walk(key, group.get(key), groupPath + ".", context, parameters.keySet(), (spec, keyPath, value) -> {
                if (value.valueType() != ConfigValueType.LIST && value.valueType() != ConfigValueType.OBJECT) {
                    throw errors.invalid(value, keyPath, "a zip group pairs lists, so " + keyPath
                            + " must be a list or a range", "write " + keyPath + " = [a, b], or move "
                            + spec.name() + " out of the zip group to fix its value");
                }
                Placement placement = placement(spec, keyPath, value, true);
                register(placement);
                members.add(placement);
            });
        }
        if (members.isEmpty()) {
            throw errors.invalid(group, groupPath, "a zip group needs at least one parameter",
                    "remove the empty group");
        }
        members.sort(Comparator.comparing(placement -> placement.spec().name()));
        Placement first = members.get(0);
        for (Placement member : members) {
            if (member.size() != first.size()) {
                throw errors.invalid(group, groupPath, "the lists of a zip group must have equal lengths, but "
                        + first.spec().name() + " has " + first.size() + " values and " + member.spec().name()
                        + " has " + member.size(), "give every list in " + groupPath + " the same number of values");
            }
        }
        dimensions.add(new Dimension(first.spec().name(), members, true));
    }

    /** Receives each parameter found by {@link #walk}. */
    private interface ParameterSink {
        void accept(ParamSpec spec, String keyPath, ConfigValue value);
    }

    /**
     * Resolves one key to a parameter: the key itself when it names one, else each child of an object whose key is
     * the prefix of a parameter name, recursively.
     *
     * @param name   the dotted name so far
     * @param prefix the key path of the enclosing block, for messages: "", "grid." or "zip[0]."
     */
    private void walk(String name, ConfigValue value, String prefix, String context, Collection<String> known,
                      ParameterSink sink) {
        ParamSpec spec = parameters.get(name);
        if (spec != null) {
            sink.accept(spec, prefix + name, value);
            return;
        }
        if (value.valueType() == ConfigValueType.OBJECT && isPrefixOfParameter(name)) {
            ConfigObject object = (ConfigObject) value;
            for (String child : new TreeSet<>(object.keySet())) {
                walk(name + "." + child, object.get(child), prefix, context, known, sink);
            }
            return;
        }
        // --set data.path=/x creates the object data with the file's origin, so the error names the override's leaf.
        if (value.valueType() == ConfigValueType.OBJECT && !errors.isOverride(value)) {
            for (Map.Entry<String, ConfigValue> leaf : ((ConfigObject) value).toConfig().entrySet()) {
                if (errors.isOverride(leaf.getValue())) {
                    String leafName = name + "." + leaf.getKey();
                    throw errors.unknownKey(leaf.getValue(), prefix + leafName, leafName, context, known);
                }
            }
        }
        throw errors.unknownKey(value, prefix + name, name, context, known);
    }

    private boolean isPrefixOfParameter(String name) {
        for (String parameter : parameters.keySet()) {
            if (parameter.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Checks the shape of a written value and wraps it. A list or range must be non-empty. */
    private Placement placement(ParamSpec spec, String keyPath, ConfigValue value, boolean axis) {
        if (!axis) {
            return new Placement(spec, keyPath, value, null);
        }
        if (value.valueType() == ConfigValueType.OBJECT) {
            return new Placement(spec, keyPath, value, ValueRange.parse(spec, (ConfigObject) value, keyPath, errors));
        }
        if (((ConfigList) value).isEmpty()) {
            throw errors.invalid(value, keyPath, "an axis needs at least one value",
                    "list values such as " + spec.name() + " = [a, b], or remove the key to use the default "
                            + spec.defaultValue());
        }
        return new Placement(spec, keyPath, value, null);
    }

    private void addSingle(Placement placement) {
        register(placement);
        dimensions.add(new Dimension(placement.spec().name(), List.of(placement), false));
    }

    private void register(Placement placement) {
        String name = placement.spec().name();
        Placement earlier = placed.putIfAbsent(name, placement);
        if (earlier != null) {
            throw errors.invalid(placement.value(), placement.keyPath(), name + " is also given as "
                    + earlier.keyPath() + " (" + errors.where(earlier.value()) + "), and a parameter may be fixed "
                    + "or swept in one place only", "keep one of " + earlier.keyPath() + " and "
                    + placement.keyPath());
        }
    }
}
