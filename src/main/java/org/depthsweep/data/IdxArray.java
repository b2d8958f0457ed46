package org.depthsweep.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The contents of one unsigned-byte IDX file: its dimensions and its values in row-major order. An MNIST image file
 * has dimensions {@code [count, rows, columns]}, a label file {@code [count]}.
 */
public final class IdxArray {
    private final Path source;
    private final int[] dimensions;
    private final byte[] data;

    IdxArray(Path source, int[] dimensions, byte[] data) {
        this.source = source;
        this.dimensions = dimensions.clone();
        this.data = data;
    }

    /** Returns the file the array was read from. */
    public Path source() {
        return source;
    }

    /** Returns a copy of the dimensions, outermost first. */
    public int[] dimensions() {
        return dimensions.clone();
    }

    /** Returns the size of the outermost dimension: the number of images or labels. */
    public int count() {
        return dimensions[0];
    }

    /** Returns the value at a flat row-major index as an int in 0..255. */
    public int unsignedAt(int index) {
        return data[index] & 0xFF;
    }

    /** Returns the number of values, the product of the dimensions. */
    public int size() {
        return data.length;
    }

    /** Returns the raw values; bytes are unsigned, so read them with {@code b & 0xFF}. Not copied. */
    byte[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dimensions) + " from " + source;
    }
}
