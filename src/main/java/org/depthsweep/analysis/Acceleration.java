package org.depthsweep.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Pairs every cell with its depth-1 partner and computes how much faster it reaches eps.
 *
 * <p>The partner of a cell is the cell with {@code depth == 1} whose parameters equal the cell's on every key
 * except the depth keys ({@code depth}, {@code form} and {@code width} by default). Parameter values compare as
 * {@link ParamValues} does, so a key missing from one cell differs from any value of the other, and a null value
 * equals only null. A depth-1 cell is its own partner, so its factors are 1.0 when it reached eps and null when
 * it did not.
 */
public final class Acceleration {
    /** Name of the depth parameter. */
    public static final String DEPTH_KEY = "depth";
    /** Keys that may differ between a cell and its partner when none are given. */
    public static final Set<String> DEFAULT_DEPTH_KEYS = Set.of(DEPTH_KEY, "form", "width");

    private final Set<String> depthKeys;

    /** Creates an analysis with {@link #DEFAULT_DEPTH_KEYS}. */
    public Acceleration() {
        this(DEFAULT_DEPTH_KEYS);
    }

    /**
     * Creates an analysis whose partners may differ on the given keys.
     *
     * @param depthKeys the keys that may differ; must contain {@link #DEPTH_KEY}
     * @throws IllegalArgumentException if depthKeys lacks {@link #DEPTH_KEY}
     */
    public Acceleration(Set<String> depthKeys) {
        if (!depthKeys.contains(DEPTH_KEY)) {
            throw new IllegalArgumentException("depthKeys must contain '" + DEPTH_KEY + "', got " + depthKeys);
        }
        this.depthKeys = Set.copyOf(depthKeys);
    }

    /** Returns the keys on which a cell and its partner may differ. */
    public Set<String> depthKeys() {
        return depthKeys;
    }

    /**
     * Returns one row per cell, sorted by cell id, so the result does not depend on the input order.
     *
     * <p>A cell without a depth-1 partner gets a row with null partner, partner values and factors. Empty input
     * returns an empty list.
     *
     * @param cells the cells; their ids must be distinct
     * @param eps   the error threshold that every {@link CellSummary#stepsToEps()} refers to, finite and > 0;
     *              stored in the rows
     * @throws IllegalArgumentException if eps is out of range, two cells share an id, a cell has no numeric
     *                                  {@code depth} parameter, or two depth-1 cells are partners of the same cells
     *                                  (the message names both)
     */
    public List<AccelerationRow> rows(List<CellSummary> cells, double eps) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and > 0, got " + eps);
        }
        List<CellSummary> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(CellSummary::cellId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).cellId().equals(sorted.get(i - 1).cellId())) {
                throw new IllegalArgumentException("cell id " + sorted.get(i).cellId() + " appears more than once");
            }
        }

        SortedMap<SortedMap<String, Object>, CellSummary> depthOneByKey = new TreeMap<>(ParamValues.MAP_ORDER);
        for (CellSummary cell : sorted) {
            if (!isDepthOne(cell)) {
                continue;
            }
            CellSummary previous = depthOneByKey.putIfAbsent(partnerKey(cell), cell);
            if (previous != null) {
                throw new IllegalArgumentException("depth-1 cells " + previous.cellId() + " and " + cell.cellId()
                        + " have equal parameters apart from " + depthKeys + ", so partners are ambiguous");
            }
        }

        List<AccelerationRow> rows = new ArrayList<>(sorted.size());
        for (CellSummary cell : sorted) {
            CellSummary partner = depthOneByKey.get(partnerKey(cell));
            rows.add(row(cell, partner, eps));
        }
        return rows;
    }

    private static AccelerationRow row(CellSummary cell, CellSummary partner, double eps) {
        Double seconds = cell.secondsToEps();
        if (partner == null) {
            return new AccelerationRow(cell.cellId(), null, eps, cell.stepsToEps(), null, null, seconds, null, null);
        }
        Double partnerSeconds = partner.secondsToEps();
        return new AccelerationRow(cell.cellId(), partner.cellId(), eps, cell.stepsToEps(), partner.stepsToEps(),
                factor(partner.stepsToEps(), cell.stepsToEps()), seconds, partnerSeconds,
                factor(partnerSeconds, seconds));
    }

    /**
     * Returns {@code partnerValue / value}: 1.0 when both are 0, and null when either is null or only value is 0.
     * For a cell that started at eps, an infinite factor would measure its start and not its speed.
     */
    static Double factor(Double partnerValue, Double value) {
        if (partnerValue == null || value == null) {
            return null;
        }
        if (value == 0) {
            return partnerValue == 0 ? 1.0 : null;
        }
        return partnerValue / value;
    }

    private boolean isDepthOne(CellSummary cell) {
        Object depth = cell.params().get(DEPTH_KEY);
        if (!(depth instanceof Number)) {
            throw new IllegalArgumentException("cell " + cell.cellId() + " needs a numeric '" + DEPTH_KEY
                    + "' parameter, got " + depth);
        }
        return ParamValues.compare(depth, 1L) == 0;
    }

    private SortedMap<String, Object> partnerKey(CellSummary cell) {
        SortedMap<String, Object> key = new TreeMap<>(cell.params());
        key.keySet().removeAll(depthKeys);
        return key;
    }
}
