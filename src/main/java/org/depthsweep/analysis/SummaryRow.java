package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Aggregates of one group of cells in a {@link SummaryTable}. Medians of an even count average the two middle
 * values.
 *
 * @param keyValues            the group's value of each key column, in key order; null for a missing or null
 *                             parameter
 * @param count                cells in the group
 * @param medianErrorSlope     median fitted error slope over the cells that have one; NaN when none has
 * @param nanSlopes            cells whose error slope is NaN (fewer than 2 usable points)
 * @param theorySlope          median theory slope of the cells' error fits, or null when no cell has one. It is
 *                             their common value when p is a key.
 * @param medianSlopeDeviation median of {@code |slope - theorySlope|} over the cells that have both; NaN when none
 *                             has
 * @param medianFactor         median acceleration factor over the cells counted in reachedEps, or null when
 *                             there are none
 * @param medianTimeFactor     median time factor over the cells counted in reachedEps that have a time factor, or
 *                             null when none has. A cell has no time factor when its wall_ms or its partner's is
 *                             0 (below the timer's resolution), or when its estimated seconds to eps are 0 but
 *                             its partner's are not.
 * @param reachedEps           cells with a step factor: the cell and its depth-1 partner both reached eps. A cell
 *                             that reached eps is left out when its partner never did, or when the cell was at eps
 *                             from its first recorded step and the partner was not. A depth-1 cell is its own
 *                             partner.
 */
public record SummaryRow(List<Object> keyValues, int count, double medianErrorSlope, int nanSlopes,
                         Double theorySlope, double medianSlopeDeviation, Double medianFactor,
                         Double medianTimeFactor, int reachedEps) implements Serializable {
    public SummaryRow {
        // List.copyOf rejects nulls, which represent missing parameters here
        keyValues = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(keyValues, "keyValues")));
    }
}
