package org.depthsweep.sweep;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import org.depthsweep.experiment.Experiment;

/**
 * Rejects written values that no cell reads. Cells read a parameter declared with {@link ParamSpec#readOnlyWhen} only
 * when its condition is met, and the experiment's normalize clears it in the other cells without a message. So a value
 * given where the condition is never met, such as {@code data.path} in a sweep whose cells all have
 * {@code data.source = synthetic}, would change no result while the user believes it does.
 *
 * <p>{@link CellExpander} calls {@link #record} for each cell of the grid with its values before normalization, and
 * {@link #check} once after the last cell. A value is read when at least one cell that contains it meets the
 * condition. A null value is never rejected, because null is what normalize leaves in the cells that do not read the
 * parameter.
 */
final class UnreadValues {
    /**
     * A placement of a parameter that cells read only under a condition.
     *
     * @param factor the index of its factor in the grid
     * @param member its index among the factor's members
     * @param read   the indices of its values that at least one cell meeting the condition contains
     */
    private record ConditionalPlacement(int factor, int member, Placement placement,
                                        ParamSpec.ReadCondition condition, BitSet read) {
    }

    private final List<ConditionalPlacement> conditional = new ArrayList<>();
    /** Values that the cells give each condition parameter, in first-seen order, for messages. */
    private final Map<String, Set<Object>> conditionValues = new LinkedHashMap<>();

    /**
     * @param dimensions the grid's factors, in the order whose indices {@link #record} receives
     * @throws IllegalStateException when a condition names a parameter that is not a string parameter of the
     *                               experiment, which is a mistake in the experiment's declarations
     */
    UnreadValues(Experiment experiment, List<Dimension> dimensions) {
        Map<String, ParamSpec> parameters = new HashMap<>();
        for (ParamSpec spec : experiment.parameters()) {
            parameters.put(spec.name(), spec);
        }
        for (int k = 0; k < dimensions.size(); k++) {
            List<Placement> members = dimensions.get(k).members();
            for (int m = 0; m < members.size(); m++) {
                Placement placement = members.get(m);
                ParamSpec.ReadCondition condition = placement.spec().readCondition();
                if (condition == null) {
                    continue;
                }
                ParamSpec conditionSpec = parameters.get(condition.parameter());
                if (conditionSpec == null || conditionSpec.type() != ParamType.STRING) {
                    throw new IllegalStateException("parameter " + placement.spec().name() + " of experiment "
                            + experiment.name() + " is read only when " + condition + ", but "
                            + condition.parameter() + " is not a string parameter of that experiment");
                }
                conditional.add(new ConditionalPlacement(k, m, placement, condition, new BitSet()));
                conditionValues.putIfAbsent(condition.parameter(), new LinkedHashSet<>());
            }
        }
    }

    /**
     * Records one cell of the grid.
     *
     * @param index  the index of the cell's value (or value tuple) in each factor
     * @param values the cell's values before normalization, with defaults filled in
     */
    void record(int[] index, Map<String, Object> values) {
        if (conditional.isEmpty()) {
            return;
        }
        for (ConditionalPlacement entry : conditional) {
            if (entry.condition().value().equals(values.get(entry.condition().parameter()))) {
                entry.read().set(index[entry.factor()]);
            }
        }
        for (Map.Entry<String, Set<Object>> entry : conditionValues.entrySet()) {
            entry.getValue().add(values.get(entry.getKey()));
        }
    }

    /**
     * Checks that some cell reads each non-null written value of a conditionally read parameter.
     *
     * @param tuples the typed values of each factor, as {@link CellExpander} built them
     * @throws SweepSpecException naming the first placement whose values no cell reads, or else the first value of a
     *                            list or range that no cell reads
     */
    void check(List<List<Object[]>> tuples, SpecErrors errors) {
        for (ConditionalPlacement entry : conditional) {
            List<Object[]> factorTuples = tuples.get(entry.factor());
            BitSet read = entry.read();
            for (int i = read.nextClearBit(0); i < factorTuples.size(); i = read.nextClearBit(i + 1)) {
                Object value = factorTuples.get(i)[entry.member()];
                if (value == null) {
                    continue;
                }
                throw read.isEmpty() ? unreadPlacement(entry, errors) : unreadValue(entry, i, value, errors);
            }
        }
    }

    /** Builds the error for a placement that no cell reads, because no cell of the sweep meets the condition. */
    private SweepSpecException unreadPlacement(ConditionalPlacement entry, SpecErrors errors) {
        ParamSpec.ReadCondition condition = entry.condition();
        String name = entry.placement().spec().name();
        Set<Object> seen = conditionValues.get(condition.parameter());
        String cells = seen.size() == 1
                ? "every cell has " + condition.parameter() + " = " + seen.iterator().next()
                : "no cell has " + condition;
        ConfigValue at = entry.placement().value();
        String drop = errors.isOverride(at) ? "drop this override" : "remove " + name + " or set it to null";
        return errors.invalid(at, entry.placement().keyPath(), name + " is read only when " + condition + ", and "
                + cells, "set " + condition + ", or " + drop);
    }

    /**
     * Builds the error for one value of a list or range that no cell reads while others are read. That happens when
     * the condition's parameter is in the same zip group and pairs this value with another value.
     */
    private static SweepSpecException unreadValue(ConditionalPlacement entry, int i, Object value, SpecErrors errors) {
        Placement placement = entry.placement();
        ParamSpec.ReadCondition condition = entry.condition();
        ConfigValue at = placement.value();
        String shownValue;
        if (placement.range() != null) {
            shownValue = value + " (point " + (i + 1) + " of " + placement.range().describe() + ")";
        } else if (at.valueType() == ConfigValueType.LIST) {
            at = ((ConfigList) at).get(i);
            shownValue = SpecErrors.show(at);
        } else {
            shownValue = SpecErrors.show(at);
        }
        String name = placement.spec().name();
        return errors.invalid(at, placement.keyPath(), shownValue, name + " is read only when " + condition
                + ", and no cell with this value has " + condition, "pair this value with " + condition
                + ", or write null in its place");
    }
}
