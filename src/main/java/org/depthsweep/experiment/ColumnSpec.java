package org.depthsweep.experiment;

import java.io.Serializable;
import java.util.Objects;

import org.depthsweep.sweep.ParamType;

/** A typed, nullable column that an experiment adds to the curves or runs table. */
public record ColumnSpec(String name, ParamType type, String description) implements Serializable {
    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    /** Declares a double column. */
    public static ColumnSpec ofDouble(String name, String description) {
        return new ColumnSpec(name, ParamType.DOUBLE, description);
    }

    /** Declares a long column. */
    public static ColumnSpec ofLong(String name, String description) {
        return new ColumnSpec(name, ParamType.LONG, description);
    }
}
