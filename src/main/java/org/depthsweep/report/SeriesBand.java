package org.depthsweep.report;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One curve column of one group of cells (cells that differ only in their seed), summarized over the seeds at
 * each x value: the median with a min-max band.
 *
 * @param group  the group's value of every group column, by column name; null values are kept
 * @param x      x values in increasing order, such as steps or epochs
 * @param median median over the seeds at each x; the mean of the two middle values for an even count
 * @param min    minimum over the seeds at each x
 * @param max    maximum over the seeds at each x
 * @param seeds  maximum number of seeds with a value at any x
 */
public record SeriesBand(SortedMap<String, Object> group, double[] x, double[] median, double[] min, double[] max,
                         int seeds) {
    /**
     * Copies the group and checks the lengths.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public SeriesBand {
        group = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(group, "group")));
        if (median.length != x.length || min.length != x.length || max.length != x.length) {
            throw new IllegalArgumentException("x, median, min and max must have equal lengths, got " + x.length
                    + ", " + median.length + ", " + min.length + " and " + max.length);
        }
    }
}
