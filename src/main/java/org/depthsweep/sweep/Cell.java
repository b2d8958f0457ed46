package org.depthsweep.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One point of a sweep grid: the experiment, every declared parameter with its typed value (defaults filled in and
 * normalized by the experiment), the stable {@link #cellId()} and the seed for its random draws.
 *
 * <p>Values are {@link Double}, {@link Long}, {@link String}, {@link Boolean} or null, as the parameter declares.
 */
public final class Cell implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String experiment;
    private final long sweepSeed;
    private final TreeMap<String, Object> values;
    private final String cellId;
    private final long derivedSeed;

    /**
     * Creates a cell and computes its id and derived seed.
     *
     * @param values typed parameter values, including {@code seed}; copied
     */
    public Cell(String experiment, long sweepSeed, Map<String, Object> values) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.sweepSeed = sweepSeed;
        this.values = new TreeMap<>(values);
        this.cellId = CellIds.cellId(experiment, sweepSeed, this.values);
        Object seed = this.values.get("seed");
        this.derivedSeed = CellIds.derivedSeed(sweepSeed, seed instanceof Long ? (Long) seed : 0L);
    }

    public String experiment() {
        return experiment;
    }

    public long sweepSeed() {
        return sweepSeed;
    }

    /** Stable 16-hex-digit hash of the experiment, the sweep seed and every parameter value. */
    public String cellId() {
        return cellId;
    }

    /** Seed for the cell's random draws: a function of the sweep seed and the cell's {@code seed} value only. */
    public long derivedSeed() {
        return derivedSeed;
    }

    /** Returns all parameter values, sorted by name. */
    public SortedMap<String, Object> values() {
        return Collections.unmodifiableSortedMap(values);
    }

    public Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("cell " + cellId + " has no parameter '" + name + "'");
        }
        return values.get(name);
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public long getLong(String name) {
        return ((Number) get(name)).longValue();
    }

    public String getString(String name) {
        return (String) get(name);
    }

    /** Returns the double value, or null when the parameter is unset. */
    public Double getDoubleOrNull(String name) {
        Object v = get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cell && ((Cell) o).cellId.equals(cellId);
    }

    @Override
    public int hashCode() {
        return cellId.hashCode();
    }

    @Override
    public String toString() {
        return "cell " + cellId + " " + experiment + values;
    }
}
