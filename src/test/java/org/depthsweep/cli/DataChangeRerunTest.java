package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.depthsweep.data.FileFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns a CSV sweep on local Spark after its data file changes: the cells must run again on the new data. */
class DataChangeRerunTest {
    @TempDir
    Path tmp;

    private static String runCli(List<String> args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(o);
            code = Main.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(savedOut);
        }
        String output = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, output);
        return output;
    }

    private static List<String> sweep(Path output, Path data) {
        List<String> args = new ArrayList<>(List.of("run", "conf/linear-ethanol.conf", "--output", output.toString(),
                "--no-fit", "--set", "name=t", "--set", "data.path=" + data));
        for (String set : List.of("p=2", "lr=0.01", "steps=50", "width=4", "depth=[1,2]", "optimizer=gd")) {
            args.add("--set");
            args.add(set);
        }
        return args;
    }

    /** Returns the distinct data.fingerprint values of the sweep's runs table, read by DuckDB. */
    private static List<String> fingerprints(Path sweep) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT DISTINCT data_fingerprint FROM read_parquet('"
                     + sweep.resolve("runs").resolve("*.parquet") + "') ORDER BY 1")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void changedCsvRunsCellsAgain() throws IOException, SQLException {
        Path data = tmp.resolve("mydata.csv");
        Path output = tmp.resolve("out");
        StringBuilder text = new StringBuilder("a,b,concentration\n");
        for (int i = 0; i < 12; i++) {
            text.append(i).append(',').append(i * i % 7).append(',').append(2 * i + 1).append('\n');
        }
        Files.writeString(data, text);
        String first = FileFingerprint.of(data);

        String firstRun = runCli(sweep(output, data));
        assertTrue(firstRun.contains("ran 2 cells"), firstRun);

        String unchangedRun = runCli(sweep(output, data));
        assertTrue(unchangedRun.contains("ran 0 cells"), unchangedRun);
        assertTrue(unchangedRun.contains("2 were already done"), unchangedRun);

        Files.writeString(data, text.toString().replace("\n3,", "\n30,"));
        String second = FileFingerprint.of(data);
        String changedRun = runCli(sweep(output, data));
        assertTrue(changedRun.contains("ran 2 cells"), changedRun);
        assertTrue(changedRun.contains("0 were already done"), changedRun);

        List<String> expected = new ArrayList<>(List.of(first, second));
        expected.sort(null);
        assertEquals(expected, fingerprints(output.resolve("t")));
    }
}
