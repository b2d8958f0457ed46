package org.depthsweep.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Images with one class label each, as read from a pair of IDX files: {@code count} images of {@code rows x columns}
 * unsigned-byte pixels in row-major order, and {@code count} labels in {@code 0 .. classes - 1}. Immutable.
 */
public final class LabeledImages {
    private final byte[] pixels;
    private final byte[] labels;
    private final int count;
    private final int rows;
    private final int columns;

    private LabeledImages(byte[] pixels, byte[] labels, int count, int rows, int columns) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = count;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Reads an image file and its label file, and checks that they hold the same number of items and that every
     * label is a valid class.
     *
     * @param classes the number of classes; every label must be in {@code 0 .. classes - 1}
     * @throws IdxFormatException when either file is malformed, the counts differ or a label is out of range
     */
    public static LabeledImages read(Path imageFile, Path labelFile, int classes) throws IOException {
        if (classes < 1 || classes > 256) {
            throw new IllegalArgumentException("classes must be in 1..256, got " + classes);
        }
        IdxArray images = IdxReader.readImages(imageFile);
        IdxArray labels = IdxReader.readLabels(labelFile);
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labelFile, "contains " + labels.count() + " labels but the image file "
                    + imageFile + " contains " + images.count() + " images; use an image file and a label file "
                    + "of the same set");
        }
        byte[] labelBytes = labels.data();
        for (int i = 0; i < labelBytes.length; i++) {
            int label = labelBytes[i] & 0xFF;
            if (label >= classes) {
                throw new IdxFormatException(labelFile, "label " + label + " at index " + i + " is outside the "
                        + classes + " classes 0.." + (classes - 1));
            }
        }
        int[] dimensions = images.dimensions();
        return new LabeledImages(images.data(), labelBytes, images.count(), dimensions[1], dimensions[2]);
    }

    /** Returns the number of images. */
    public int count() {
        return count;
    }

    /** Returns the image height in pixels. */
    public int rows() {
        return rows;
    }

    /** Returns the image width in pixels. */
    public int columns() {
        return columns;
    }

    /** Returns the number of pixels of one image, {@code rows * columns}. */
    public int pixelsPerImage() {
        return rows * columns;
    }

    /** Returns the label of image {@code index}. */
    public int label(int index) {
        checkIndex(index);
        return labels[index] & 0xFF;
    }

    /** Returns pixel {@code position} (row-major, {@code row * columns + column}) of image {@code index}, 0..255. */
    public int pixel(int index, int position) {
        checkIndex(index);
        if (position < 0 || position >= pixelsPerImage()) {
            throw new IndexOutOfBoundsException("pixel position " + position + " is outside 0.."
                    + (pixelsPerImage() - 1));
        }
        return pixels[index * pixelsPerImage() + position] & 0xFF;
    }

    /**
     * Writes image {@code index} into {@code target} from {@code offset} on, each pixel p in 0..255 mapped to
     * {@code p * scale + shift}. The MNIST tutorial's scaling to [-0.5, 0.5] is {@code scale = 1/255, shift = -0.5}.
     */
    public void copyImage(int index, float[] target, int offset, float scale, float shift) {
        checkIndex(index);
        int size = pixelsPerImage();
        int start = index * size;
        for (int i = 0; i < size; i++) {
            target[offset + i] = (pixels[start + i] & 0xFF) * scale + shift;
        }
    }

    /** Returns the images {@code from} (inclusive) to {@code to} (exclusive), in order. */
    public LabeledImages slice(int from, int to) {
        if (from < 0 || to > count || from >= to) {
            throw new IndexOutOfBoundsException("slice " + from + ".." + to + " is not a non-empty range within 0.."
                    + count);
        }
        int size = pixelsPerImage();
        return new LabeledImages(Arrays.copyOfRange(pixels, from * size, to * size),
                Arrays.copyOfRange(labels, from, to), to - from, rows, columns);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("image index " + index + " is outside 0.." + (count - 1));
        }
    }
}
