package org.depthsweep.analysis;

import java.io.Serializable;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Analysis results of one cell, as input to {@link SummaryTable}.
 *
 * @param cellId       the cell's id
 * @param params       every parameter value of the cell, sorted by name; copied, and null values are kept
 * @param errorFit     the fit of the error curve
 * @param acceleration the cell's acceleration row, or null when the cell was not compared with a partner
 */
public record CellAnalysis(String cellId, SortedMap<String, Object> params, SlopeFit errorFit,
                           AccelerationRow acceleration) implements Serializable {
    /**
     * Validates the fields and copies the parameters.
     *
     * @throws IllegalArgumentException if errorFit is not a fit of the error, or acceleration belongs to another
     *                                  cell
     */
    public CellAnalysis {
        Objects.requireNonNull(cellId, "cellId");
        params = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(params, "params")));
        Objects.requireNonNull(errorFit, "errorFit");
        if (!SlopeFit.ERROR.equals(errorFit.metric())) {
            throw new IllegalArgumentException("cell " + cellId + ": errorFit must fit metric '" + SlopeFit.ERROR
                    + "', got '" + errorFit.metric() + "'");
        }
        if (acceleration != null && !cellId.equals(acceleration.cellId())) {
            throw new IllegalArgumentException("cell " + cellId + ": acceleration row belongs to cell "
                    + acceleration.cellId());
        }
    }
}
