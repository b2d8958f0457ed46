package org.depthsweep.store;

import java.io.Serializable;
import java.util.Objects;

import org.depthsweep.sweep.ParamType;

/**
 * A typed column of a result table. Every column is nullable in the Parquet files, so tables written by an older or
 * newer version of a sweep can be read with one schema; {@code required} only states that a writer always fills it.
 */
public record Column(String name, ParamType type, boolean required) implements Serializable {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static Column required(String name, ParamType type) {
        return new Column(name, type, true);
    }

    public static Column optional(String name, ParamType type) {
        return new Column(name, type, false);
    }
}
