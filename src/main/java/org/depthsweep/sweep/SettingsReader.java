package org.depthsweep.sweep;

import java.util.List;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/** Reads the {@code fit} and {@code run} blocks of a sweep into settings records, with defaults for keys not given. */
final class SettingsReader {
    private static final List<String> FIT_KEYS = List.of("tail_fraction", "eps");
    private static final List<String> RUN_KEYS = List.of("cells_per_task", "max_attempts", "progress_seconds",
            "max_cells");

    private SettingsReader() {
    }

    /**
     * Reads the {@code fit} block.
     *
     * @param block the block, or null when the sweep has none
     * @throws SweepSpecException when the block is not an object, has an unknown key or an invalid value
     */
    static FitSettings fit(ConfigValue block, SpecErrors errors) {
        ConfigObject object = checkBlock(block, "fit", FIT_KEYS, errors);
        if (object == null) {
            return FitSettings.DEFAULTS;
        }
        double tailFraction = readDouble(object, "fit", "tail_fraction", FitSettings.DEFAULT_TAIL_FRACTION,
                x -> x > 0 && x < 1, "must be > 0 and < 1 (the tail window is the recorded steps "
                        + "t >= t_last * tail_fraction)", "use a fraction such as 0.1", errors);
        double eps = readDouble(object, "fit", "eps", FitSettings.DEFAULT_EPS,
                x -> x > 0 && Double.isFinite(x), "must be a finite number > 0 (the error threshold for "
                        + "acceleration factors)", "use a positive number such as 0.1", errors);
        return new FitSettings(tailFraction, eps);
    }

    /**
     * Reads the {@code run} block.
     *
     * @param block the block, or null when the sweep has none
     * @throws SweepSpecException when the block is not an object, has an unknown key or an invalid value
     */
    static RunSettings run(ConfigValue block, SpecErrors errors) {
        ConfigObject object = checkBlock(block, "run", RUN_KEYS, errors);
        if (object == null) {
            return RunSettings.DEFAULTS;
        }
        long cellsPerTask = readLong(object, "run", "cells_per_task", RunSettings.DEFAULT_CELLS_PER_TASK,
                n -> n >= 0, "must be an integer >= 0 (cells per Spark task, 0 to let the driver choose)",
                "use 0 or a positive integer", errors);
        long maxAttempts = readLong(object, "run", "max_attempts", RunSettings.DEFAULT_MAX_ATTEMPTS,
                n -> n >= 1 && n <= RunSettings.MAX_ATTEMPTS_LIMIT, "must be an integer from 1 to "
                        + RunSettings.MAX_ATTEMPTS_LIMIT + " (attempts per cell)",
                "use a value from 1 to " + RunSettings.MAX_ATTEMPTS_LIMIT, errors);
        double progressSeconds = readDouble(object, "run", "progress_seconds", RunSettings.DEFAULT_PROGRESS_SECONDS,
                x -> x > 0 && Double.isFinite(x), "must be a finite number > 0 (seconds between progress "
                        + "reports)", "use a positive number such as 10", errors);
        long maxCells = readLong(object, "run", "max_cells", RunSettings.DEFAULT_MAX_CELLS, n -> n >= 1,
                "must be an integer >= 1 (the driver asks for confirmation above this many cells)",
                "use a positive integer such as 100000", errors);
        return new RunSettings(cellsPerTask, maxAttempts, progressSeconds, maxCells);
    }

    /** Returns the block as an object after checking its keys, or null when the block is absent. */
    private static ConfigObject checkBlock(ConfigValue block, String blockName, List<String> keys,
                                           SpecErrors errors) {
        if (block == null) {
            return null;
        }
        if (block.valueType() != ConfigValueType.OBJECT) {
            throw errors.invalid(block, blockName, blockName + " must be an object",
                    "write " + blockName + " { " + keys.get(0) + " = ... }");
        }
        ConfigObject object = (ConfigObject) block;
        for (String key : new TreeSet<>(object.keySet())) {
            if (!keys.contains(key)) {
                throw errors.unknownKey(object.get(key), blockName + "." + key, key, "in " + blockName, keys);
            }
        }
        return object;
    }

    private static double readDouble(ConfigObject block, String blockName, String key, double defaultValue,
                                     DoublePredicate allowed, String rule, String fix, SpecErrors errors) {
        ConfigValue value = block.get(key);
        if (value == null) {
            return defaultValue;
        }
        String keyPath = blockName + "." + key;
        Double x = ParamValues.number(value);
        if (x == null || !allowed.test(x)) {
            throw errors.invalid(value, keyPath, keyPath + " " + rule, fix);
        }
        return x;
    }

    private static long readLong(ConfigObject block, String blockName, String key, long defaultValue,
                                 LongPredicate allowed, String rule, String fix, SpecErrors errors) {
        ConfigValue value = block.get(key);
        if (value == null) {
            return defaultValue;
        }
        String keyPath = blockName + "." + key;
        Long n = ParamValues.integral(value);
        if (n == null || !allowed.test(n)) {
            throw errors.invalid(value, keyPath, keyPath + " " + rule, fix);
        }
        return n;
    }
}
