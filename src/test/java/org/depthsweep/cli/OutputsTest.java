package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning for a local output root when executors may run on other machines. */
class OutputsTest {
    @TempDir
    Path tmp;

    @Test
    void remoteMasterWithLocalOutputWarns() throws IOException {
        Optional<String> warning = Outputs.localOutputWarning("spark://cluster-master:7077",
                tmp.resolve("toy-lp").toString(), new Configuration());

        assertTrue(warning.isPresent());
        assertTrue(warning.get().contains(tmp.resolve("toy-lp").toString()), warning.get());
        assertTrue(warning.get().contains("hdfs://"), warning.get());
    }

    @Test
    void yarnWithFileUriWarns() throws IOException {
        Optional<String> warning = Outputs.localOutputWarning("yarn", "file://" + tmp.resolve("toy-lp"),
                new Configuration());

        assertTrue(warning.isPresent());
    }

    @Test
    void localAndLoopbackMastersDoNotWarn() throws IOException {
        String[] masters = {"local[2]", "local[*]", "spark://127.0.0.1:7077", "spark://localhost:7077"};
        for (String master : masters) {
            assertEquals(Optional.empty(), Outputs.localOutputWarning(master, tmp.resolve("toy-lp").toString(),
                    new Configuration()), master);
        }
    }
}
