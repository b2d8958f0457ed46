package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sql command on a tiny toy sweep: its temporary warehouse folder and the queries it accepts. */
class SqlCommandTest {
    @TempDir
    static Path tmp;

    private static String sweep;

    private static CliRun.Result sql(String query) {
        return CliRun.run("sql", sweep, query, "--format", "csv", "--master", "local[2]");
    }

    /** Returns the warehouse folders of sql commands in the JVM's temporary folder. */
    private static Set<String> warehouseFolders() throws IOException {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(SqlCommand.WAREHOUSE_PREFIX))
                    .forEach(names::add);
        }
        return names;
    }

    @BeforeAll
    static void runSweep() {
        CliRun.Result run = CliRun.run("run", "conf/toy-lp.conf", "--output", tmp.toString(), "--master", "local[2]",
                "--set", "steps=1000", "--set", "p=[3,4]", "--set", "lr=0.1", "--set", "init=zero", "--set", "grid.seed=[1]",
                "--no-fit");
        assertEquals(0, run.code(), run.all());
        sweep = tmp.resolve("toy-lp").toString();
    }

    @Test
    void commentedAndKeywordQueriesRun() {
        CliRun.Result commented = sql("-- cells per depth\nSELECT count(*) AS cells FROM runs WHERE depth = 1");
        CliRun.Result aliased = sql("WITH d AS (SELECT 1 AS x) SELECT count(*) AS reset FROM d");
        CliRun.Result literal = sql("SELECT 'update' AS s");

        assertEquals(0, commented.code(), commented.all());
        assertEquals("cells\n2", commented.out().strip(), commented.all());
        assertEquals(0, aliased.code(), aliased.all());
        assertEquals("reset\n1", aliased.out().strip(), aliased.all());
        assertEquals(0, literal.code(), literal.all());
        assertEquals("s\nupdate", literal.out().strip(), literal.all());
    }

    @Test
    void writeRejectedBeforeSpark() {
        CliRun.Result result = sql("WITH r AS (SELECT * FROM runs) INSERT OVERWRITE DIRECTORY '" + tmp.resolve("dump")
                + "' SELECT * FROM r");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("got a query that contains 'INSERT'"), result.all());
        assertFalse(Files.exists(tmp.resolve("dump")), "query wrote " + tmp.resolve("dump"));
    }

    @Test
    void warehouseFolderRemoved() throws IOException {
        Set<String> before = warehouseFolders();

        CliRun.Result ok = sql("SELECT count(*) AS cells FROM runs");
        Set<String> afterSuccess = warehouseFolders();
        afterSuccess.removeAll(before);
        CliRun.Result invalid = sql("SELECT no_such_column FROM runs");
        Set<String> afterError = warehouseFolders();
        afterError.removeAll(before);

        assertEquals(0, ok.code(), ok.all());
        assertEquals("cells\n4", ok.out().strip(), ok.all());
        assertEquals(Set.of(), afterSuccess, "warehouse folders left after a query");
        assertEquals(Main.EXIT_BAD_INPUT, invalid.code(), invalid.all());
        assertTrue(invalid.err().contains("invalid query"), invalid.all());
        assertEquals(Set.of(), afterError, "warehouse folders left after an invalid query");
        assertEquals(null, System.getProperty("spark.sql.warehouse.dir"), "warehouse property left set");
    }
}
