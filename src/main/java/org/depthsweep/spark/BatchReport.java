package org.depthsweep.spark;

import java.io.Serializable;

/**
 * Summary of one task, sent back to the driver.
 *
 * @param batchId       the batch
 * @param committed     false when an earlier attempt had already committed the batch and this one wrote nothing
 * @param cells         cells in the batch
 * @param ok            cells that ended with status ok
 * @param diverged      cells that diverged
 * @param failed        cells that threw
 * @param cellMillis    summed wall time of the cells' experiments
 * @param taskMillis    wall time of the whole task, writing included
 */
record BatchReport(String batchId, boolean committed, int cells, int ok, int diverged, int failed, long cellMillis,
                   long taskMillis) implements Serializable {
}
