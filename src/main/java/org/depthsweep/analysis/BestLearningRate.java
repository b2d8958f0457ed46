package org.depthsweep.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares configurations at their best learning rates: the steps each needs to reach a target loss when its learning
 * rate is the best one on the sweep's learning-rate axis, and the factor against a reference configuration.
 *
 * <p>A configuration is the set of cells whose parameters are equal on every key but the learning rate. Its best
 * learning rate is the one whose cell reached the target first; ties go to the smaller learning rate. Failed cells are
 * left out; diverged cells count as not reaching the target.
 *
 * <p>The reference of a configuration is the configuration that equals it on every key outside {@code variantKeys}
 * and has the {@code reference} values, for example depth 1 with optimizer gd. Values compare as {@link ParamValues}
 * does, so {@code Long 1} equals {@code Double 1.0}. Keys of variantKeys that are not in reference may take any
 * value in the reference, so the reference of a depth-3 network may have another width.
 */
public final class BestLearningRate {
    private static final String NO_VALUE = "-";
    private static final List<String> VALUE_HEADERS = List.of("cells", "reached", "best_lr", "steps", "final_loss",
            "ref_steps", "factor");

    private final String lrKey;
    private final Set<String> variantKeys;
    private final SortedMap<String, Object> reference;

    /**
     * Creates the analysis.
     *
     * @param lrKey       the learning-rate parameter, for example {@code lr}
     * @param variantKeys keys on which a configuration may differ from its reference, for example depth, width,
     *                    optimizer and the optimizers' own settings. They must include every key of reference and
     *                    must not include lrKey.
     * @param reference   values that pick the reference among the configurations that match, for example
     *                    {@code depth = 1, optimizer = gd}; at least one
     * @throws IllegalArgumentException if reference is empty, has a key outside variantKeys, or variantKeys holds lrKey
     */
    public BestLearningRate(String lrKey, Set<String> variantKeys, Map<String, Object> reference) {
        this.lrKey = Objects.requireNonNull(lrKey, "lrKey");
        this.variantKeys = Set.copyOf(variantKeys);
        this.reference = new TreeMap<>(reference);
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("reference needs at least one key, for example depth = 1");
        }
        if (!variantKeys.containsAll(reference.keySet())) {
            throw new IllegalArgumentException("every reference key must be a variant key, got reference "
                    + reference.keySet() + " and variant keys " + variantKeys);
        }
        if (variantKeys.contains(lrKey)) {
            throw new IllegalArgumentException("the learning rate '" + lrKey + "' must not be a variant key, since "
                    + "each configuration is compared at its own best learning rate");
        }
    }

    /**
     * Returns one row per configuration, sorted by configuration values, so the result does not depend on the input
     * order. Empty input gives no rows.
     *
     * @throws IllegalArgumentException if two cells share an id, a cell lacks a numeric learning rate, or two
     *                                  configurations both qualify as the reference of a third (the message names
     *                                  both)
     */
    public List<BestLrRow> rows(List<LrCell> cells) {
        List<LrCell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparing(LrCell::cellId));
        SortedMap<SortedMap<String, Object>, List<LrCell>> configurations = new TreeMap<>(ParamValues.MAP_ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            LrCell cell = sorted.get(i);
            if (i > 0 && cell.cellId().equals(sorted.get(i - 1).cellId())) {
                throw new IllegalArgumentException("cell id " + cell.cellId() + " appears more than once");
            }
            if (!(cell.params().get(lrKey) instanceof Number)) {
                throw new IllegalArgumentException("cell " + cell.cellId() + " has no numeric '" + lrKey
                        + "' parameter, got " + cell.params().get(lrKey));
            }
            if ("failed".equals(cell.status())) {
                continue;
            }
            SortedMap<String, Object> configuration = new TreeMap<>(cell.params());
            configuration.remove(lrKey);
            configurations.computeIfAbsent(configuration, key -> new ArrayList<>()).add(cell);
        }

        Map<SortedMap<String, Object>, Best> best = new LinkedHashMap<>();
        for (Map.Entry<SortedMap<String, Object>, List<LrCell>> entry : configurations.entrySet()) {
            best.put(entry.getKey(), best(entry.getValue()));
        }
        SortedMap<SortedMap<String, Object>, SortedMap<String, Object>> referenceByKey =
                new TreeMap<>(ParamValues.MAP_ORDER);
        for (SortedMap<String, Object> configuration : best.keySet()) {
            if (!isReference(configuration)) {
                continue;
            }
            SortedMap<String, Object> previous = referenceByKey.putIfAbsent(sharedKey(configuration), configuration);
            if (previous != null) {
                throw new IllegalArgumentException("configurations " + previous + " and " + configuration + " are "
                        + "both references (" + reference + ") for the same cells; add the key that tells them "
                        + "apart to the reference or remove it from the variant keys");
            }
        }

        List<BestLrRow> rows = new ArrayList<>(best.size());
        for (Map.Entry<SortedMap<String, Object>, Best> entry : best.entrySet()) {
            Best own = entry.getValue();
            SortedMap<String, Object> referenceConfiguration = referenceByKey.get(sharedKey(entry.getKey()));
            Double referenceSteps = referenceConfiguration == null ? null : best.get(referenceConfiguration).steps;
            rows.add(new BestLrRow(entry.getKey(), own.cells, own.reached, own.lr, own.steps, own.finalLoss,
                    referenceSteps, factor(referenceSteps, own.steps)));
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * Renders rows as a plain-text table: the key columns, then cells, reached, best_lr, steps, final_loss, ref_steps
     * and factor, padded to equal width with two spaces between columns and a trailing newline. Rows are sorted by
     * their key values ({@link ParamValues} order), ties kept in input order. Null values print as {@code -}. best_lr
     * has 4 significant digits, final_loss 3 in scientific notation and factor 3.
     *
     * @param keys key columns to show, for example {@link #varyingKeys} of the rows
     */
    public static String format(List<BestLrRow> rows, List<String> keys) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(VALUE_HEADERS);
        List<BestLrRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(row -> keyValues(row, keys), ParamValues.LIST_ORDER));
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (BestLrRow row : sorted) {
            List<String> line = new ArrayList<>();
            for (String key : keys) {
                Object value = row.configuration().get(key);
                line.add(value == null ? NO_VALUE : String.valueOf(value));
            }
            line.add(Integer.toString(row.cells()));
            line.add(Integer.toString(row.reached()));
            line.add(formatNumber("%.4g", row.bestLr()));
            line.add(formatSteps(row.steps()));
            line.add(formatNumber("%.3e", row.finalLoss()));
            line.add(formatSteps(row.referenceSteps()));
            line.add(formatNumber("%.3g", row.factor()));
            lines.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : lines) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = line.get(c);
                String padding = " ".repeat(widths[c] - cell.length());
                text.append(c == 0 ? "" : "  ").append(c < keys.size() ? cell + padding : padding + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static List<Object> keyValues(BestLrRow row, List<String> keys) {
        List<Object> values = new ArrayList<>(keys.size());
        for (String key : keys) {
            values.add(row.configuration().get(key));
        }
        return values;
    }

    /** Returns the keys whose values differ between the rows' configurations, sorted by name; none for no rows. */
    public static List<String> varyingKeys(List<BestLrRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> keys = new TreeSet<>();
        for (BestLrRow row : rows) {
            keys.addAll(row.configuration().keySet());
        }
        List<String> varying = new ArrayList<>();
        for (String key : keys) {
            Object first = rows.get(0).configuration().get(key);
            for (BestLrRow row : rows) {
                if (ParamValues.compare(first, row.configuration().get(key)) != 0) {
                    varying.add(key);
                    break;
                }
            }
        }
        return varying;
    }

    /** Best cell of one configuration. */
    private record Best(int cells, int reached, Double lr, Double steps, Double finalLoss) {
    }

    private Best best(List<LrCell> cells) {
        LrCell bestReached = null;
        LrCell lowestLoss = null;
        int reached = 0;
        for (LrCell cell : cells) {
            if (cell.stepsToTarget() != null && "ok".equals(cell.status())) {
                reached++;
                if (bestReached == null || cell.stepsToTarget() < bestReached.stepsToTarget()
                        || cell.stepsToTarget().equals(bestReached.stepsToTarget()) && lr(cell) < lr(bestReached)) {
                    bestReached = cell;
                }
            }
            Double loss = cell.finalLoss();
            if (loss != null && Double.isFinite(loss) && (lowestLoss == null || loss < lowestLoss.finalLoss()
                    || loss.equals(lowestLoss.finalLoss()) && lr(cell) < lr(lowestLoss))) {
                lowestLoss = cell;
            }
        }
        LrCell chosen = bestReached != null ? bestReached : lowestLoss;
        if (chosen == null) {
            return new Best(cells.size(), 0, null, null, null);
        }
        Double finalLoss = chosen.finalLoss() != null && Double.isFinite(chosen.finalLoss()) ? chosen.finalLoss()
                : null;
        return new Best(cells.size(), reached, lr(chosen), bestReached == null ? null : chosen.stepsToTarget(),
                finalLoss);
    }

    private double lr(LrCell cell) {
        return ((Number) cell.params().get(lrKey)).doubleValue();
    }

    private boolean isReference(SortedMap<String, Object> configuration) {
        for (Map.Entry<String, Object> entry : reference.entrySet()) {
            if (!configuration.containsKey(entry.getKey())
                    || ParamValues.compare(configuration.get(entry.getKey()), entry.getValue()) != 0) {
                return false;
            }
        }
        return true;
    }

    private SortedMap<String, Object> sharedKey(SortedMap<String, Object> configuration) {
        SortedMap<String, Object> key = new TreeMap<>(configuration);
        key.keySet().removeAll(variantKeys);
        return key;
    }

    private static Double factor(Double referenceSteps, Double steps) {
        if (referenceSteps == null || steps == null) {
            return null;
        }
        if (steps == 0) {
            return referenceSteps == 0 ? 1.0 : null;
        }
        return referenceSteps / steps;
    }

    private static String formatNumber(String pattern, Double value) {
        return value == null || value.isNaN() ? NO_VALUE : String.format(Locale.ROOT, pattern, value);
    }

    private static String formatSteps(Double steps) {
        if (steps == null) {
            return NO_VALUE;
        }
        return steps == Math.rint(steps) ? Long.toString(steps.longValue()) : String.format(Locale.ROOT, "%.1f", steps);
    }
}
