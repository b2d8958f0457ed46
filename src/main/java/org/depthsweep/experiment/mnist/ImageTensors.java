package org.depthsweep.experiment.mnist;

import org.depthsweep.data.LabeledImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Labeled images as float32 arrays: {@code features [count, 784]} with pixels scaled to [-0.5, 0.5] as in the
 * TensorFlow MNIST tutorial ({@code p / 255 - 0.5}), one-hot {@code labels [count, 10]}, and the class of each image.
 */
public final class ImageTensors {
    private static final float SCALE = 1f / 255f;
    private static final float SHIFT = -0.5f;

    private final INDArray features;
    private final INDArray labels;
    private final int[] classes;

    private ImageTensors(INDArray features, INDArray labels, int[] classes) {
        this.features = features;
        this.labels = labels;
        this.classes = classes;
    }

    /** Converts 28 x 28 images with labels in 0..9. */
    public static ImageTensors of(LabeledImages images) {
        if (images.rows() != LeNetWeights.IMAGE_SIDE || images.columns() != LeNetWeights.IMAGE_SIDE) {
            throw new IllegalArgumentException("the network takes " + LeNetWeights.IMAGE_SIDE + " x "
                    + LeNetWeights.IMAGE_SIDE + " images, got " + images.rows() + " x " + images.columns());
        }
        int count = images.count();
        int size = images.pixelsPerImage();
        float[] pixels = new float[count * size];
        float[] oneHot = new float[count * LeNetWeights.CLASSES];
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            images.copyImage(i, pixels, i * size, SCALE, SHIFT);
            classes[i] = images.label(i);
            oneHot[i * LeNetWeights.CLASSES + classes[i]] = 1f;
        }
        return new ImageTensors(Nd4j.create(pixels, new long[] {count, size}, 'c'),
                Nd4j.create(oneHot, new long[] {count, LeNetWeights.CLASSES}, 'c'), classes);
    }

    public int count() {
        return classes.length;
    }

    /** Returns the scaled pixels, {@code [count, 784]}. */
    public INDArray features() {
        return features;
    }

    /** Returns the one-hot labels, {@code [count, 10]}. */
    public INDArray labels() {
        return labels;
    }

    /** Returns the class of image {@code index}. */
    public int classOf(int index) {
        return classes[index];
    }

    /** Returns the images at the given rows as {@code [rows, 1, 28, 28]}, copied. */
    public INDArray featureBatch(int[] rows) {
        return Nd4j.pullRows(features, 1, rows).reshape(rows.length, 1, LeNetWeights.IMAGE_SIDE,
                LeNetWeights.IMAGE_SIDE);
    }

    /** Returns the one-hot labels at the given rows, {@code [rows, 10]}, copied. */
    public INDArray labelBatch(int[] rows) {
        return Nd4j.pullRows(labels, 1, rows);
    }

    /** Returns images {@code from .. to - 1} as {@code [to - from, 1, 28, 28]}. */
    public INDArray featureRange(int from, int to) {
        INDArray rows = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
        return rows.dup('c').reshape(to - from, 1, LeNetWeights.IMAGE_SIDE, LeNetWeights.IMAGE_SIDE);
    }

}
