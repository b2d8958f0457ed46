package org.depthsweep.store;

import java.io.IOException;
import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads result tables into Spark with their declared schemas. Runs and curves are read from committed batch files
 * only, so rows of an interrupted write never appear; derived tables are read whole.
 */
public final class TableReader {
    private final SparkSession spark;
    private final SweepStore store;
    private final TableSchema runsSchema;

    public TableReader(SparkSession spark, SweepStore store, TableSchema runsSchema) {
        this.spark = spark;
        this.store = store;
        this.runsSchema = runsSchema;
    }

    /** Reads a table; an empty dataset with the schema when the table has no files yet. */
    public Dataset<Row> read(TableSchema schema) throws IOException {
        String table = schema.table();
        if (Tables.RUNS.equals(table) || Tables.CURVES.equals(table)) {
            List<Path> files = store.committedFiles(table, runsSchema);
            if (files.isEmpty()) {
                return spark.createDataFrame(List.of(), schema.spark());
            }
            String[] paths = files.stream().map(Path::toString).toArray(String[]::new);
            return spark.read().schema(schema.spark()).parquet(paths);
        }
        Path dir = store.table(table);
        if (!store.fileSystem().exists(dir)) {
            return spark.createDataFrame(List.of(), schema.spark());
        }
        return spark.read().schema(schema.spark()).parquet(dir.toString());
    }
}
