package org.depthsweep.store;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes {@code Object[]} rows of a {@link TableSchema} straight to Parquet's record consumer, without building an
 * intermediate record object per row. Null values are left out, as Parquet stores optional fields.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final TableSchema schema;
    private final MessageType type;
    private final List<Column> columns;
    private RecordConsumer consumer;
    /** The last string written per column and its encoded form: curve rows repeat their cell id. */
    private final String[] lastStrings;
    private final Binary[] lastBinaries;

    RowWriteSupport(TableSchema schema) {
        this.schema = schema;
        this.type = schema.parquet();
        this.columns = schema.columns();
        this.lastStrings = new String[columns.size()];
        this.lastBinaries = new Binary[columns.size()];
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(type, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    private Binary encode(int column, String value) {
        if (!value.equals(lastStrings[column])) {
            lastStrings[column] = value;
            lastBinaries[column] = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
        }
        return lastBinaries[column];
    }

    @Override
    public void write(Object[] row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException(schema.table() + " row has " + row.length + " values, expected "
                    + columns.size());
        }
        consumer.startMessage();
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            Column column = columns.get(i);
            consumer.startField(column.name(), i);
            switch (column.type()) {
                case DOUBLE:
                    consumer.addDouble(((Number) value).doubleValue());
                    break;
                case LONG:
                    consumer.addLong(((Number) value).longValue());
                    break;
                case BOOLEAN:
                    consumer.addBoolean((Boolean) value);
                    break;
                case STRING:
                    consumer.addBinary(encode(i, (String) value));
                    break;
                default:
                    throw new IllegalStateException("unhandled type " + column.type());
            }
            consumer.endField(column.name(), i);
        }
        consumer.endMessage();
    }
}
