package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One configuration (every parameter but the learning rate) at its best learning rate, against its reference
 * configuration.
 *
 * <p>The factor is {@code referenceSteps / steps}, so a factor above 1 means this configuration reached the target in
 * fewer steps than its reference. It is 1.0 when both are 0 and null when either is null or only steps is 0.
 *
 * @param configuration  the parameter values shared by the configuration's cells, without the learning rate
 * @param cells          cells of the configuration, failed ones excluded
 * @param reached        cells that reached the target
 * @param bestLr         the learning rate that reached the target first, the smaller one on a tie. When none did, it
 *                       is the one with the lowest finite final loss, and null when no cell has a finite final loss.
 * @param steps          steps to the target at bestLr, or null when no cell reached it
 * @param finalLoss      final loss of the cell at bestLr, or null
 * @param referenceSteps steps to the target of the reference configuration at its best learning rate, or null when it
 *                       has none or did not reach the target
 * @param factor         {@code referenceSteps / steps}, or null
 */
public record BestLrRow(SortedMap<String, Object> configuration, int cells, int reached, Double bestLr, Double steps,
                        Double finalLoss, Double referenceSteps, Double factor) implements Serializable {
    public BestLrRow {
        configuration = Collections.unmodifiableSortedMap(new TreeMap<>(configuration));
    }
}
