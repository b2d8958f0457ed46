package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The csv and json formats of the sql command, on a tiny toy sweep. */
class SqlFormatTest {
    @TempDir
    Path tmp;

    private static String runCli(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            int code = Main.execute(args);
            assertEquals(0, code, "exit code of " + String.join(" ", args) + "; output:\n" + captured);
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvAndJsonPrintQueryRows() throws Exception {
        runCli("run", "conf/toy-lp.conf", "--output", tmp.toString(), "--master", "local[2]", "--set", "steps=1000",
                "--set", "p=[3,4]", "--set", "lr=0.1", "--set", "init=zero", "--set", "grid.seed=[1]");
        String sweep = tmp.resolve("toy-lp").toString();
        String query = "SELECT p, depth, form, CAST(NULL AS STRING) AS missing FROM runs ORDER BY p, depth";

        String csv = runCli("sql", sweep, query, "--format", "csv", "--master", "local[2]");
        List<String> lines = Arrays.asList(csv.strip().split("\n"));
        assertEquals(List.of("p,depth,form,missing", "3.0,1,plain,", "3.0,2,scalar,", "4.0,1,plain,",
                "4.0,2,scalar,"), lines);

        String json = runCli("sql", sweep, query + " LIMIT 3", "--format", "json", "--max-rows", "2", "--master",
                "local[2]");
        JsonNode rows = new ObjectMapper().readTree(json);
        assertTrue(rows.isArray(), json);
        assertEquals(2, rows.size(), "rows after --max-rows 2");
        assertEquals(3.0, rows.get(0).get("p").asDouble());
        assertEquals(2, rows.get(1).get("depth").asInt());
        assertTrue(rows.get(0).has("missing"), "null field left out: " + json);
        assertTrue(rows.get(0).get("missing").isNull(), "null field printed as a value: " + json);

        String summary = runCli("sql", sweep, "SELECT count(*) AS groups FROM fits_summary", "--format", "csv",
                "--master", "local[2]");
        assertEquals("groups\n16", summary.strip(), "one fits_summary row per p, depth, metric and window");
    }

    @Test
    void csvQuotesSpecialFields() {
        assertEquals("a,,\"\",\"x,y\",\"say \"\"hi\"\"\",\"1\n2\"",
                SqlCommand.csvLine(Arrays.asList("a", null, "", "x,y", "say \"hi\"", "1\n2")));
    }
}
