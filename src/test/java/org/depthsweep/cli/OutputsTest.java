package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks of the output root, and the warning for a local output root when executors may run on other machines. */
class OutputsTest {
    @TempDir
    Path tmp;

    @Test
    void outputRootUnderFileIsRejected() throws IOException {
        Path file = Files.writeString(tmp.resolve("x"), "a file, not a folder");
        String root = file.resolve("sub").toString();
        String sweepDir = Outputs.sweepDir(root, "toy-lp");

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Outputs.check(root, sweepDir, new Configuration()));

        assertTrue(e.getMessage().contains("output root " + root), e.getMessage());
        assertTrue(e.getMessage().contains(file + " exists and is not a directory"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: move the file " + file + " away"), e.getMessage());
    }

    @Test
    void missingOutputRootIsAccepted() {
        String root = tmp.resolve("a").resolve("b").toString();

        assertDoesNotThrow(() -> Outputs.check(root, Outputs.sweepDir(root, "toy-lp"), new Configuration()));
    }

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
