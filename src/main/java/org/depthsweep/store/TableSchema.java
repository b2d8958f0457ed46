package org.depthsweep.store;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fixed column list of one result table, with its Parquet and Spark forms. Rows are {@code Object[]} in column
 * order holding {@link Double}, {@link Long}, {@link String}, {@link Boolean} or null.
 */
public final class TableSchema implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final List<Column> columns;

    public TableSchema(String table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("table " + table + " declares column '" + column.name()
                        + "' twice");
            }
        }
    }

    /** Table name, also its folder name in a sweep directory. */
    public String table() {
        return table;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Returns the position of a column, or throws naming the table and the column. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + table + " has no column '" + name + "'");
    }

    /** Parquet message type: every column optional, strings as UTF8 binaries. */
    public MessageType parquet() {
        List<Type> fields = new ArrayList<>();
        for (Column column : columns) {
            switch (column.type()) {
                case DOUBLE:
                    fields.add(Types.optional(PrimitiveTypeName.DOUBLE).named(column.name()));
                    break;
                case LONG:
                    fields.add(Types.optional(PrimitiveTypeName.INT64).named(column.name()));
                    break;
                case BOOLEAN:
                    fields.add(Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name()));
                    break;
                case STRING:
                    fields.add(Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                            .named(column.name()));
                    break;
                default:
                    throw new IllegalStateException("unhandled type " + column.type());
            }
        }
        return new MessageType("depthsweep_" + table.toLowerCase(Locale.ROOT), fields);
    }

    /** Spark schema with the same names and types, every field nullable. */
    public StructType spark() {
        List<StructField> fields = new ArrayList<>();
        for (Column column : columns) {
            fields.add(DataTypes.createStructField(column.name(), sparkType(column), true));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType sparkType(Column column) {
        switch (column.type()) {
            case DOUBLE:
                return DataTypes.DoubleType;
            case LONG:
                return DataTypes.LongType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            case STRING:
                return DataTypes.StringType;
            default:
                throw new IllegalStateException("unhandled type " + column.type());
        }
    }
}
