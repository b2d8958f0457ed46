package org.depthsweep.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files in the IDX format in which the MNIST database of handwritten digits is distributed, raw or
 * gzip-compressed. The header is a big-endian magic number {@code 0x0000TTNN}, where TT is the value
 * type and NN the number of dimensions, then NN big-endian 32-bit sizes; the values follow in row-major order. MNIST
 * images have magic 2051 ({@code 0x00000803}: unsigned bytes, 3 dimensions) and labels 2049 ({@code 0x00000801}).
 *
 * <p>Only unsigned-byte files (type {@code 0x08}) are read, which covers MNIST and Fashion-MNIST. The reader checks the
 * magic number, the number of dimensions the caller expects, that the declared sizes are positive, and that the file
 * contains exactly the declared number of values: a truncated file and trailing bytes are both errors.
 */
public final class IdxReader {
    /** Magic number of an MNIST image file: unsigned bytes, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an MNIST label file: unsigned bytes, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int GZIP_MAGIC = 0x8b1f;
    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** Reads an MNIST image file: {@code [count, rows, columns]} unsigned bytes. */
    public static IdxArray readImages(Path file) throws IOException {
        return read(file, 3);
    }

    /** Reads an MNIST label file: {@code [count]} unsigned bytes. */
    public static IdxArray readLabels(Path file) throws IOException {
        return read(file, 1);
    }

    /**
     * Reads an unsigned-byte IDX file with the given number of dimensions, gzip-compressed or raw (detected from the
     * first two bytes, not from the file name).
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws IdxFormatException  when the header or the size is wrong, the file is truncated or the gzip data is
     *                             corrupt; the message names the file and what is wrong
     */
    public static IdxArray read(Path file, int expectedDimensions) throws IOException {
        if (expectedDimensions < 1 || expectedDimensions > 255) {
            throw new IllegalArgumentException("expectedDimensions must be in 1..255, got " + expectedDimensions);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean gzip = isGzip(raw);
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return parse(file, new DataInputStream(in), expectedDimensions, gzip);
        } catch (ZipException e) {
            throw new IdxFormatException(file, "corrupt gzip data (" + e.getMessage()
                    + "); decompress it with gunzip to check, or copy the file again", e);
        }
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 >= 0 && b1 >= 0 && (b0 | (b1 << 8)) == GZIP_MAGIC;
    }

    private static IdxArray parse(Path file, DataInputStream in, int expectedDimensions, boolean gzip)
            throws IOException {
        byte[] header = new byte[4];
        if (readFully(in, header, gzip, file) < 4) {
            throw new IdxFormatException(file, "truncated: shorter than the 4-byte magic number");
        }
        int magic = ((header[0] & 0xFF) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8)
                | (header[3] & 0xFF);
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDimensions;
        if (header[0] != 0 || header[1] != 0) {
            throw new IdxFormatException(file, "not an IDX file: magic number " + hex(magic)
                    + " does not start with two zero bytes; expected " + describeMagic(expectedMagic));
        }
        if ((header[2] & 0xFF) != UNSIGNED_BYTE) {
            throw new IdxFormatException(file, "value type " + String.format(Locale.ROOT, "0x%02x", header[2] & 0xFF)
                    + " (magic number " + hex(magic) + ") is not supported; only unsigned bytes (0x08) are read, "
                    + "expected " + describeMagic(expectedMagic));
        }
        int dimensionCount = header[3] & 0xFF;
        if (dimensionCount != expectedDimensions) {
            throw new IdxFormatException(file, "has " + dimensionCount + " dimensions (magic number "
                    + hex(magic) + "), expected " + describeMagic(expectedMagic)
                    + "; check that image and label files are not swapped");
        }

        int[] dimensions = new int[dimensionCount];
        byte[] sizeBytes = new byte[4 * dimensionCount];
        if (readFully(in, sizeBytes, gzip, file) < sizeBytes.length) {
            throw new IdxFormatException(file, "truncated: the header declares " + dimensionCount
                    + " dimension sizes but the file ends inside them");
        }
        long valueCount = 1;
        for (int i = 0; i < dimensionCount; i++) {
            int size = ((sizeBytes[4 * i] & 0xFF) << 24) | ((sizeBytes[4 * i + 1] & 0xFF) << 16)
                    | ((sizeBytes[4 * i + 2] & 0xFF) << 8) | (sizeBytes[4 * i + 3] & 0xFF);
            if (size <= 0) {
                throw new IdxFormatException(file, "dimension " + i + " has size " + Integer.toUnsignedString(size)
                        + ", expected a positive size below 2^31");
            }
            dimensions[i] = size;
            valueCount *= size;
            if (valueCount > MAX_VALUES) {
                throw new IdxFormatException(file, "declares sizes " + Arrays.toString(dimensions)
                        + ", more than the " + MAX_VALUES + " values a Java array can hold");
            }
        }

        byte[] data = new byte[(int) valueCount];
        int read = readFully(in, data, gzip, file);
        if (read < data.length) {
            throw new IdxFormatException(file, "truncated: the header declares sizes " + Arrays.toString(dimensions)
                    + ", so " + data.length + " bytes of values, but the file contains only " + read);
        }
        if (readTrailing(in, gzip, file) != -1) {
            throw new IdxFormatException(file, "has bytes after the " + data.length
                    + " values its header declares (sizes " + Arrays.toString(dimensions)
                    + "); the header and the data do not match");
        }
        return new IdxArray(file, dimensions, data);
    }

    /** Reads until the buffer is full or the stream ends; returns the bytes read. */
    private static int readFully(InputStream in, byte[] buffer, boolean gzip, Path file) throws IOException {
        try {
            return in.readNBytes(buffer, 0, buffer.length);
        } catch (EOFException e) {
            throw truncatedGzip(file, gzip, e);
        }
    }

    private static int readTrailing(InputStream in, boolean gzip, Path file) throws IOException {
        try {
            return in.read();
        } catch (EOFException e) {
            throw truncatedGzip(file, gzip, e);
        }
    }

    private static IOException truncatedGzip(Path file, boolean gzip, EOFException e) {
        if (!gzip) {
            return e;
        }
        return new IdxFormatException(file, "truncated gzip data (" + e.getMessage()
                + "); the file was cut short, copy it again", e);
    }

    private static String describeMagic(int magic) {
        String kind = "";
        if (magic == IMAGES_MAGIC) {
            kind = " (images)";
        } else if (magic == LABELS_MAGIC) {
            kind = " (labels)";
        }
        return hex(magic) + " = " + magic + kind;
    }

    private static String hex(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }
}
