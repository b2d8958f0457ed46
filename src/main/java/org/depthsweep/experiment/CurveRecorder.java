package org.depthsweep.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.depthsweep.sweep.ParamType;

/**
 * Collects the curve rows of one cell: a step and one value per declared curve column. The runner owns the recorder
 * and stores its rows; the experiment only chooses the steps and supplies the values.
 *
 * <p>Steps must increase strictly from one row to the next, so a curve has at most one row per step.
 */
public final class CurveRecorder {
    private final List<ColumnSpec> columns;
    private final List<Object[]> rows = new ArrayList<>();
    private long lastStep = -1;

    public CurveRecorder(List<ColumnSpec> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Appends a row.
     *
     * @param step   the step the values belong to; greater than the previous row's step
     * @param values one value per curve column, in declaration order: a {@link Double} for a double column, a
     *               {@link Long} or {@link Integer} for a long column, or null
     */
    public void record(long step, Object... values) {
        if (step <= lastStep) {
            throw new IllegalArgumentException("curve steps must increase: step " + step + " after " + lastStep);
        }
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " curve values " + columns
                    + ", got " + values.length);
        }
        Object[] row = new Object[values.length + 1];
        row[0] = step;
        for (int i = 0; i < values.length; i++) {
            row[i + 1] = convert(columns.get(i), values[i]);
        }
        rows.add(row);
        lastStep = step;
    }

    /** Returns the step of the last row, or -1 when no row was recorded. */
    public long lastStep() {
        return lastStep;
    }

    /** Rows as {@code [step, value...]} arrays, in step order. */
    public List<Object[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    private static Object convert(ColumnSpec column, Object value) {
        if (value == null) {
            return null;
        }
        if (column.type() == ParamType.DOUBLE && value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (column.type() == ParamType.LONG && (value instanceof Long || value instanceof Integer)) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("curve column " + column.name() + " is " + column.type()
                + ", got " + value.getClass().getSimpleName() + " " + value);
    }
}
