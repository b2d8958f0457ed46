package org.depthsweep.sweep;

import java.util.List;

/**
 * One factor of the grid's outer product: a single parameter (fixed value or axis) or a zip group whose members'
 * values are paired by position.
 *
 * @param key     sort key of the factor: the parameter name, or the first member name in sorted order for a zip group
 * @param members the placements, sorted by parameter name, all of the same size
 * @param zipped  true for a zip group
 */
record Dimension(String key, List<Placement> members, boolean zipped) {
    Dimension {
        members = List.copyOf(members);
    }

    /** Returns the number of values (or value tuples) of this factor. */
    long size() {
        return members.get(0).size();
    }

    /** Describes the factor for messages: {@code lr} or {@code zip(lr, steps)}. */
    String describe() {
        if (!zipped) {
            return key;
        }
        StringBuilder names = new StringBuilder("zip(");
        for (int i = 0; i < members.size(); i++) {
            names.append(i == 0 ? "" : ", ").append(members.get(i).spec().name());
        }
        return names.append(')').toString();
    }
}
