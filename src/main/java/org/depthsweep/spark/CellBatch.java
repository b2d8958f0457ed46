package org.depthsweep.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.depthsweep.sweep.Cell;

/**
 * Cells that one Spark task runs and commits together.
 *
 * @param batchId     unique, sortable id; names the batch's files
 * @param cells       the cells, in run order
 * @param superseded  for cells that failed in an earlier run, the file holding that failed row, by cell id
 * @param estimatedSeconds sum of the experiment's estimates
 */
record CellBatch(String batchId, List<Cell> cells, Map<String, String> superseded, double estimatedSeconds)
        implements Serializable {
}
