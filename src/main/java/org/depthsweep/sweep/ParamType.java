package org.depthsweep.sweep;

/** Value type of an experiment parameter, fixed by its declaration and kept in the result tables. */
public enum ParamType {
    /** A 64-bit floating-point value, stored as Parquet DOUBLE. */
    DOUBLE,
    /** A 64-bit integer, stored as Parquet INT64. A sweep file may write it as {@code 1e7} if the value is integral. */
    LONG,
    /** A string, stored as Parquet UTF8. */
    STRING,
    /** A boolean, stored as Parquet BOOLEAN. */
    BOOLEAN
}
