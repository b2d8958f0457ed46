package org.depthsweep.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes and reads single Parquet files with parquet-hadoop directly, without a Spark job, so an executor can write
 * its batch of results and the driver can read the run index cheaply.
 */
public final class ParquetIO {
    private ParquetIO() {
    }

    /** Writes rows to a new file on the file system of {@code file}, replacing any file at that path. */
    public static void write(Configuration conf, Path file, TableSchema schema, List<Object[]> rows)
            throws IOException {
        write(conf, file.getFileSystem(conf), file, schema, rows);
    }

    /**
     * Writes rows to a new file on the given file system, replacing any file at that path. Only the first column,
     * the cell id that repeats on every curve row, is dictionary-encoded: the doubles of a curve are nearly all
     * distinct, and building their dictionary took most of the writing time.
     */
    public static void write(Configuration conf, FileSystem fs, Path file, TableSchema schema, List<Object[]> rows)
            throws IOException {
        try (ParquetWriter<Object[]> writer = new RowWriterBuilder(new FsOutputFile(fs, file), schema)
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(false)
                .withDictionaryEncoding(schema.columns().get(0).name(), true)
                .build()) {
            for (Object[] row : rows) {
                writer.write(row);
            }
        }
    }

    private static final class RowWriterBuilder extends ParquetWriter.Builder<Object[], RowWriterBuilder> {
        private final TableSchema schema;

        RowWriterBuilder(OutputFile file, TableSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected RowWriterBuilder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema);
        }
    }

    /**
     * Reads every row of a file into the given schema's column order. A column the file lacks reads as null; a
     * column the file has but the schema lacks is skipped.
     */
    public static List<Object[]> read(Configuration conf, Path file, TableSchema schema) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        List<Column> columns = schema.columns();
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                HadoopInputFile.fromPath(file, conf).getPath()).withConf(conf).build()) {
            Group group;
            while ((group = reader.read()) != null) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    String name = columns.get(i).name();
                    if (!group.getType().containsField(name) || group.getFieldRepetitionCount(name) == 0) {
                        continue;
                    }
                    switch (columns.get(i).type()) {
                        case DOUBLE:
                            row[i] = group.getDouble(name, 0);
                            break;
                        case LONG:
                            row[i] = group.getLong(name, 0);
                            break;
                        case BOOLEAN:
                            row[i] = group.getBoolean(name, 0);
                            break;
                        case STRING:
                            row[i] = group.getString(name, 0);
                            break;
                        default:
                            throw new IllegalStateException("unhandled type " + columns.get(i).type());
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
