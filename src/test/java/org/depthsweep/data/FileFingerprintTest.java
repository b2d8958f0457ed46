package org.depthsweep.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void singleFileMatchesSha256Prefix() throws IOException {
        Path file = Files.writeString(dir.resolve("abc.csv"), "abc");
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        assertEquals("ba7816bf8f01cfea", FileFingerprint.of(file));
    }

    @Test
    void changedByteChangesFingerprint() throws IOException {
        Path file = Files.writeString(dir.resolve("data.csv"), "a,y\n1,2\n");
        String before = FileFingerprint.of(file);
        Files.writeString(file, "a,y\n1,3\n");
        assertNotEquals(before, FileFingerprint.of(file));
    }

    @Test
    void fileListIgnoresFolder() throws IOException {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        for (Path folder : List.of(first, second)) {
            Files.writeString(folder.resolve("images"), "pixels");
            Files.writeString(folder.resolve("labels"), "digits");
        }
        String fingerprint = FileFingerprint.of(List.of(first.resolve("images"), first.resolve("labels")));
        assertEquals(fingerprint, FileFingerprint.of(List.of(second.resolve("images"), second.resolve("labels"))));
        Files.writeString(second.resolve("labels"), "digitz");
        assertNotEquals(fingerprint, FileFingerprint.of(List.of(second.resolve("images"),
                second.resolve("labels"))));
    }
}
