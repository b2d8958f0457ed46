package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    private record Result(int code, String out, String err) {
        String all() {
            return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private static Result runCli(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            code = Main.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result sql(String query) {
        return runCli("sql", sweep, query, "--format", "csv", "--master", "local[2]");
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
        Result run = runCli("run", "conf/toy-lp.conf", "--output", tmp.toString(), "--master", "local[2]", "--set",
                "steps=1000", "--set", "p=[3,4]", "--set", "lr=0.1", "--set", "init=zero", "--set", "grid.seed=[1]",
                "--no-fit");
        assertEquals(0, run.code(), run.all());
        sweep = tmp.resolve("toy-lp").toString();
    }

    @Test
    void commentedAndKeywordQueriesRun() {
        Result commented = sql("-- cells per depth\nSELECT count(*) AS cells FROM runs WHERE depth = 1");
        Result aliased = sql("WITH d AS (SELECT 1 AS x) SELECT count(*) AS reset FROM d");
        Result literal = sql("SELECT 'update' AS s");

        assertEquals(0, commented.code(), commented.all());
        assertEquals("cells\n2", commented.out().strip(), commented.all());
        assertEquals(0, aliased.code(), aliased.all());
        assertEquals("reset\n1", aliased.out().strip(), aliased.all());
        assertEquals(0, literal.code(), literal.all());
        assertEquals("s\nupdate", literal.out().strip(), literal.all());
    }

    @Test
    void writeRejectedBeforeSpark() {
        Result result = sql("WITH r AS (SELECT * FROM runs) INSERT OVERWRITE DIRECTORY '" + tmp.resolve("dump")
                + "' SELECT * FROM r");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.all());
        assertTrue(result.err().contains("got a query that contains 'INSERT'"), result.all());
        assertFalse(Files.exists(tmp.resolve("dump")), "query wrote " + tmp.resolve("dump"));
    }

    @Test
    void warehouseFolderRemoved() throws IOException {
        Set<String> before = warehouseFolders();

        Result ok = sql("SELECT count(*) AS cells FROM runs");
        Set<String> afterSuccess = warehouseFolders();
        afterSuccess.removeAll(before);
        Result invalid = sql("SELECT no_such_column FROM runs");
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
