package org.depthsweep.sweep;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.depthsweep.experiment.Experiment;

/**
 * Expands the grid's factors into cells: the outer product, each cell with defaults filled in and normalized by its
 * experiment, duplicates dropped.
 */
final class CellExpander {
    /**
     * Largest grid, counted before normalization and de-duplication, that a sweep may describe.
     *
     * <p>Every cell is held in the driver's memory. A toy cell took about 740 bytes of heap (estimate from heap use
     * while expanding a 1,000,000-cell grid on JDK 17), so a grid at this limit needs about 1.5 GB of driver heap.
     * A 9,000,000-cell grid ran out of a 6 GB heap.
     */
    static final long MAX_GRID_CELLS = 2_000_000L;

    private CellExpander() {
    }

    /**
     * Expands the grid. The factors vary in the given order with the last fastest. A cell whose id equals an earlier
     * cell's id is dropped.
     *
     * @param dimensions the factors, sorted by key
     * @return the distinct cells
     * @throws SweepSpecException when the grid has more than {@value #MAX_GRID_CELLS} cells, when a value is invalid,
     *                            when no cell reads a written value ({@link UnreadValues}), or when
     *                            {@link Experiment#normalize} rejects a cell
     */
    static List<Cell> expand(Experiment experiment, long sweepSeed, List<Dimension> dimensions, SpecErrors errors) {
        long total = gridSize(dimensions, errors);

        int factors = dimensions.size();
        String[][] names = new String[factors][];
        List<List<Object[]>> tuples = new ArrayList<>(factors);
        for (int k = 0; k < factors; k++) {
            Dimension dimension = dimensions.get(k);
            names[k] = dimension.members().stream().map(member -> member.spec().name()).toArray(String[]::new);
            tuples.add(tuples(dimension, errors));
        }

        SortedMap<String, Object> defaults = new TreeMap<>();
        for (ParamSpec spec : experiment.parameters()) {
            defaults.put(spec.name(), spec.defaultValue());
        }

        UnreadValues unread = new UnreadValues(experiment, dimensions);
        Map<String, Cell> cells = new LinkedHashMap<>();
        int[] index = new int[factors];
        SortedMap<String, Object> firstRejected = null;
        SweepSpecException firstReason = null;
        long rejected = 0;
        for (long n = 0; n < total; n++) {
            SortedMap<String, Object> writtenValues = new TreeMap<>();
            for (int k = 0; k < factors; k++) {
                Object[] tuple = tuples.get(k).get(index[k]);
                for (int m = 0; m < tuple.length; m++) {
                    writtenValues.put(names[k][m], tuple[m]);
                }
            }
            SortedMap<String, Object> values = new TreeMap<>(defaults);
            values.putAll(writtenValues);
            unread.record(index, values);
            try {
                Cell cell = new Cell(experiment.name(), sweepSeed, experiment.normalize(values));
                cells.putIfAbsent(cell.cellId(), cell);
            } catch (SweepSpecException e) {
                if (firstReason == null) {
                    firstRejected = writtenValues;
                    firstReason = e;
                }
                rejected++;
            }
            advance(index, tuples);
        }
        unread.check(tuples, errors);
        if (firstReason != null) {
            // When every cell is invalid, the message itself names the setting to fix, and no zip group helps.
            String fix = rejected == total ? "fix the setting that the message names"
                    : "change the values given for these parameters, or pair them in a zip group so that the grid "
                            + "leaves out this combination";
            throw errors.general("the cell " + firstRejected + " is invalid: " + firstReason.getMessage()
                    + " (invalid cells: " + rejected + " of " + total + ")", fix);
        }
        return List.copyOf(cells.values());
    }

    /** Counts the grid's cells and rejects a grid above the limit before any value is computed. */
    private static long gridSize(List<Dimension> dimensions, SpecErrors errors) {
        BigInteger product = BigInteger.ONE;
        StringJoiner sizes = new StringJoiner(" x ");
        for (Dimension dimension : dimensions) {
            product = product.multiply(BigInteger.valueOf(dimension.size()));
            if (dimension.size() > 1) {
                sizes.add(dimension.describe() + " " + dimension.size());
            }
        }
        if (product.compareTo(BigInteger.valueOf(MAX_GRID_CELLS)) > 0) {
            throw errors.general("the grid has " + product + " cells (" + sizes + "), more than the limit of "
                    + MAX_GRID_CELLS, "remove axes or values, pair axes in a zip group, or split the sweep into "
                    + "several files");
        }
        return product.longValueExact();
    }

    /**
     * Converts a factor's values to tuples ordered like its members. A zip group's tuple i pairs its i-th values.
     *
     * @throws SweepSpecException when a zip group gives the same tuple twice after type conversion
     */
    private static List<Object[]> tuples(Dimension dimension, SpecErrors errors) {
        List<Placement> members = dimension.members();
        List<List<Object>> columns = new ArrayList<>(members.size());
        for (Placement member : members) {
            columns.add(ParamValues.values(member, !dimension.zipped(), errors));
        }
        int size = Math.toIntExact(dimension.size());
        List<Object[]> tuples = new ArrayList<>(size);
        Set<List<String>> seen = new HashSet<>();
        for (int i = 0; i < size; i++) {
            Object[] tuple = new Object[members.size()];
            List<String> canonical = new ArrayList<>(tuple.length);
            for (int m = 0; m < tuple.length; m++) {
                tuple[m] = columns.get(m).get(i);
                canonical.add(CellIds.canonical(tuple[m]));
            }
            if (dimension.zipped() && !seen.add(canonical)) {
                throw repeatedTuple(dimension, tuple, errors);
            }
            tuples.add(tuple);
        }
        return tuples;
    }

    /** Builds the error for a zip group that gives the same tuple of typed values twice, as grid axes do for values. */
    private static SweepSpecException repeatedTuple(Dimension dimension, Object[] tuple, SpecErrors errors) {
        List<Placement> members = dimension.members();
        Placement first = members.get(0);
        // A member's key path is GROUP.NAME, for example zip[0].lr, and NAME may contain dots.
        String groupPath = first.keyPath().substring(0, first.keyPath().length() - first.spec().name().length() - 1);
        StringJoiner written = new StringJoiner(", ", "{ ", " }");
        StringJoiner pair = new StringJoiner(", ");
        for (int m = 0; m < members.size(); m++) {
            Placement member = members.get(m);
            written.add(member.spec().name() + " = " + SpecErrors.show(member.value()));
            pair.add(member.spec().name() + " = " + tuple[m]);
        }
        return errors.invalid(first.value(), groupPath, written.toString(), groupPath + " gives the pair (" + pair
                + ") more than once", "remove the repeated pair");
    }

    /** Steps the odometer: the last factor varies fastest. */
    private static void advance(int[] index, List<List<Object[]>> tuples) {
        for (int k = index.length - 1; k >= 0; k--) {
            index[k]++;
            if (index[k] < tuples.get(k).size()) {
                return;
            }
            index[k] = 0;
        }
    }
}
