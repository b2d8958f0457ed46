package org.depthsweep.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Builds an IDX file: the magic number, the sizes and the given values. */
    static byte[] idx(int magic, int[] sizes, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * sizes.length + values.length);
        buffer.putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        buffer.put(values);
        return buffer.array();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    static byte[] ramp(int n) {
        byte[] values = new byte[n];
        for (int i = 0; i < n; i++) {
            values[i] = (byte) (i * 7 + 3);
        }
        return values;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void rawImagesReadBack() throws IOException {
        byte[] values = ramp(3 * 4 * 5);
        Path file = write("images", idx(IdxReader.IMAGES_MAGIC, new int[] {3, 4, 5}, values));

        IdxArray array = IdxReader.readImages(file);

        assertArrayEquals(new int[] {3, 4, 5}, array.dimensions());
        assertEquals(3, array.count());
        assertEquals(60, array.size());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i] & 0xFF, array.unsignedAt(i), "value " + i);
        }
    }

    @Test
    void gzipLabelsReadBack() throws IOException {
        byte[] values = {0, 9, 3, (byte) 200};
        Path file = write("labels.gz", gzip(idx(IdxReader.LABELS_MAGIC, new int[] {4}, values)));

        IdxArray array = IdxReader.readLabels(file);

        assertArrayEquals(new int[] {4}, array.dimensions());
        assertEquals(200, array.unsignedAt(3));
        assertEquals(9, array.unsignedAt(1));
    }

    @Test
    void gzipDetectedWithoutSuffix() throws IOException {
        Path file = write("labels", gzip(idx(IdxReader.LABELS_MAGIC, new int[] {2}, new byte[] {1, 2})));

        assertEquals(2, IdxReader.readLabels(file).count());
    }

    @Test
    void badMagicRejected() throws IOException {
        Path file = write("images", idx(0x12340803, new int[] {1, 2, 2}, ramp(4)));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
        assertTrue(e.getMessage().contains("0x12340803"), e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void labelFileReadAsImagesRejected() throws IOException {
        Path file = write("labels", idx(IdxReader.LABELS_MAGIC, new int[] {4}, ramp(4)));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("has 1 dimensions"), e.getMessage());
        assertTrue(e.getMessage().contains("2051"), e.getMessage());
    }

    @Test
    void nonByteValueTypeRejected() throws IOException {
        Path file = write("floats", idx(0x00000D01, new int[] {1}, new byte[4]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("value type 0x0d"), e.getMessage());
    }

    @Test
    void truncatedValuesRejected() throws IOException {
        byte[] whole = idx(IdxReader.IMAGES_MAGIC, new int[] {2, 3, 3}, ramp(18));
        Path file = write("images", Arrays.copyOf(whole, whole.length - 5));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().startsWith("IDX file " + file + ": truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("18 bytes of values"), e.getMessage());
        assertTrue(e.getMessage().contains("only 13"), e.getMessage());
    }

    @Test
    void truncatedHeaderRejected() throws IOException {
        byte[] whole = idx(IdxReader.IMAGES_MAGIC, new int[] {2, 3, 3}, ramp(18));
        Path sizesCut = write("sizes-cut", Arrays.copyOf(whole, 9));
        Path magicCut = write("magic-cut", Arrays.copyOf(whole, 3));

        IdxFormatException sizes = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(sizesCut));
        IdxFormatException magic = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(magicCut));

        assertTrue(sizes.getMessage().contains("ends inside them"), sizes.getMessage());
        assertTrue(magic.getMessage().contains("shorter than the 4-byte magic number"), magic.getMessage());
    }

    @Test
    void truncatedGzipRejected() throws IOException {
        byte[] compressed = gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {20, 28, 28}, ramp(20 * 28 * 28)));
        Path file = write("images.gz", Arrays.copyOf(compressed, compressed.length / 2));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void corruptGzipRejected() throws IOException {
        byte[] compressed = gzip(idx(IdxReader.IMAGES_MAGIC, new int[] {20, 28, 28}, ramp(20 * 28 * 28)));
        for (int i = 12; i < compressed.length - 12; i++) {
            compressed[i] = (byte) ~compressed[i];
        }
        Path file = write("images.gz", compressed);

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt gzip data"), e.getMessage());
    }

    @Test
    void trailingBytesRejected() throws IOException {
        byte[] whole = idx(IdxReader.LABELS_MAGIC, new int[] {3}, ramp(3));
        Path file = write("labels", Arrays.copyOf(whole, whole.length + 2));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(file));

        assertTrue(e.getMessage().contains("bytes after the 3 values"), e.getMessage());
    }

    @Test
    void nonPositiveSizeRejected() throws IOException {
        Path zero = write("zero", idx(IdxReader.IMAGES_MAGIC, new int[] {0, 28, 28}, new byte[0]));
        Path huge = write("huge", idx(IdxReader.LABELS_MAGIC, new int[] {-5}, new byte[0]));

        IdxFormatException zeroError = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(zero));
        IdxFormatException hugeError = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(huge));

        assertTrue(zeroError.getMessage().contains("dimension 0 has size 0"), zeroError.getMessage());
        assertTrue(hugeError.getMessage().contains("size 4294967291"), hugeError.getMessage());
    }

    @Test
    void oversizedDeclarationRejected() throws IOException {
        Path file = write("images", idx(IdxReader.IMAGES_MAGIC, new int[] {100_000, 100_000, 28}, new byte[0]));

        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(file));

        assertTrue(e.getMessage().contains("more than"), e.getMessage());
    }

    @Test
    void missingFileRejected() {
        assertThrows(NoSuchFileException.class, () -> IdxReader.readImages(dir.resolve("absent")));
    }
}
