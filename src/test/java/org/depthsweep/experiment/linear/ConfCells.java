package org.depthsweep.experiment.linear;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;

/**
 * Expands the cells of a linear sweep file for tests, without the sweep loader: fixed top-level parameters, grid axes
 * (lists or {@code {log = [a, b], count = n}} ranges) and zip groups, crossed and normalized. It reads the subset of
 * the sweep format that the linear conf files use.
 */
final class ConfCells {
    private static final Set<String> RESERVED = Set.of("name", "experiment", "seed", "description", "grid", "zip",
            "fit", "run");

    private ConfCells() {
    }

    /**
     * Returns the cells of the file whose values pass the filter, with overrides applied to every cell before
     * normalization.
     */
    static List<Cell> expand(Path file, Map<String, Object> overrides, Predicate<SortedMap<String, Object>> filter) {
        Config config = ConfigFactory.parseFile(file.toFile()).resolve();
        long sweepSeed = config.getLong("seed");
        SortedMap<String, Object> fixed = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> entry : config.entrySet()) {
            String key = entry.getKey();
            if (!RESERVED.contains(key.split("\\.")[0])) {
                fixed.put(key, convert(key, entry.getValue().unwrapped()));
            }
        }

        List<List<SortedMap<String, Object>>> factors = new ArrayList<>();
        if (config.hasPath("grid")) {
            ConfigObject grid = config.getObject("grid");
            for (String key : grid.keySet()) {
                List<SortedMap<String, Object>> axis = new ArrayList<>();
                for (Object value : values(key, grid.get(key))) {
                    SortedMap<String, Object> point = new TreeMap<>();
                    point.put(key, value);
                    axis.add(point);
                }
                factors.add(axis);
            }
        }
        if (config.hasPath("zip")) {
            for (ConfigValue group : config.getList("zip")) {
                ConfigObject object = (ConfigObject) group;
                List<SortedMap<String, Object>> tuples = new ArrayList<>();
                for (String key : object.keySet()) {
                    List<Object> column = values(key, object.get(key));
                    for (int i = 0; i < column.size(); i++) {
                        if (tuples.size() <= i) {
                            tuples.add(new TreeMap<>());
                        }
                        tuples.get(i).put(key, column.get(i));
                    }
                }
                factors.add(tuples);
            }
        }

        List<SortedMap<String, Object>> points = new ArrayList<>();
        points.add(new TreeMap<>(fixed));
        for (List<SortedMap<String, Object>> factor : factors) {
            List<SortedMap<String, Object>> next = new ArrayList<>();
            for (SortedMap<String, Object> point : points) {
                for (SortedMap<String, Object> value : factor) {
                    SortedMap<String, Object> combined = new TreeMap<>(point);
                    combined.putAll(value);
                    next.add(combined);
                }
            }
            points = next;
        }

        List<Cell> cells = new ArrayList<>();
        for (SortedMap<String, Object> point : points) {
            point.putAll(overrides);
            if (filter.test(point)) {
                cells.add(new Cell(LinearExperiment.NAME, sweepSeed, LinearCells.values(point)));
            }
        }
        return cells;
    }

    private static List<Object> values(String key, ConfigValue value) {
        List<Object> out = new ArrayList<>();
        if (value.valueType() == ConfigValueType.LIST) {
            for (ConfigValue item : (ConfigList) value) {
                out.add(convert(key, item.unwrapped()));
            }
            return out;
        }
        Config range = ((ConfigObject) value).toConfig();
        List<Double> ends = range.getDoubleList("log");
        int count = range.getInt("count");
        for (int i = 0; i < count; i++) {
            double fraction = (double) i / (count - 1);
            out.add(ends.get(0) * Math.pow(ends.get(1) / ends.get(0), fraction));
        }
        return out;
    }

    private static Object convert(String key, Object raw) {
        for (ParamSpec spec : LinearCells.EXPERIMENT.parameters()) {
            if (spec.name().equals(key)) {
                switch (spec.type()) {
                    case DOUBLE:
                        return ((Number) raw).doubleValue();
                    case LONG:
                        return ((Number) raw).longValue();
                    case BOOLEAN:
                        return raw;
                    default:
                        return String.valueOf(raw);
                }
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + key + "' in the conf file");
    }
}
