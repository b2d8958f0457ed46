package org.depthsweep.experiment.mnist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainable arrays of the LeNet-like network of the TensorFlow MNIST convolutional tutorial
 * ({@code tensorflow/models}, {@code tutorials/image/mnist/convolutional.py}), float32, by variable name.
 *
 * <p>Shapes: {@code conv1_w [5, 5, 1, 32]}, {@code conv2_w [5, 5, 32, 64]} (kernel height, width, input channels,
 * output channels), {@code fc1_w [3136, 512]} and {@code fc2_w [512, 10]} in the row-vector convention
 * {@code y = x W + b}, and one bias per layer. The plain network has 1,663,370 parameters. In the overparameterized
 * one each dense matrix is {@code fc1_a fc1_s} and {@code fc2_a fc2_s}, where {@code fc1_a, fc2_a} have the plain
 * shapes and the added factors {@code fc1_s [512, 512]} and {@code fc2_s [10, 10]} bring the count to 1,925,614.
 *
 * <p>Initialization as in the tutorial: every weight matrix from a normal distribution with standard deviation 0.1
 * truncated at two standard deviations (values beyond are drawn again), {@code conv1_b} zero and the other biases 0.1.
 * The added factors start at the identity or with independent normal entries of a given standard deviation.
 */
public final class LeNetWeights {
    /** Side of the square input images. */
    public static final int IMAGE_SIDE = 28;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Width of the hidden dense layer. */
    public static final int HIDDEN = 512;
    /** Inputs of the hidden dense layer: 64 channels of 7 x 7 after two 2 x 2 poolings. */
    public static final int FLAT = 7 * 7 * 64;

    static final String CONV1_W = "conv1_w";
    static final String CONV1_B = "conv1_b";
    static final String CONV2_W = "conv2_w";
    static final String CONV2_B = "conv2_b";
    static final String FC1_W = "fc1_w";
    static final String FC1_A = "fc1_a";
    static final String FC1_S = "fc1_s";
    static final String FC1_B = "fc1_b";
    static final String FC2_W = "fc2_w";
    static final String FC2_A = "fc2_a";
    static final String FC2_S = "fc2_s";
    static final String FC2_B = "fc2_b";

    private static final double WEIGHT_STD = 0.1;
    private static final float BIAS = 0.1f;
    private static final long ADDED_STREAM = 0x5DEECE66DL;

    private final Arch arch;
    private final Map<String, INDArray> arrays;

    private LeNetWeights(Arch arch, Map<String, INDArray> arrays) {
        this.arch = arch;
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    /**
     * Draws the initial weights. The plain matrices, or the factors {@code fc1_a, fc2_a} in their place, come from one
     * random stream in the same order for both archs, so that the two networks start from the same weights for the
     * same seed; the added factors come from a second stream.
     *
     * @param addedStd standard deviation of the entries of the added factors, or null for the identity
     */
    public static LeNetWeights initialize(Arch arch, long seed, Double addedStd) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put(CONV1_W, truncatedNormal(random, 5, 5, 1, 32));
        arrays.put(CONV1_B, Nd4j.zeros(DataType.FLOAT, 32));
        arrays.put(CONV2_W, truncatedNormal(random, 5, 5, 32, 64));
        arrays.put(CONV2_B, Nd4j.valueArrayOf(new long[] {64}, BIAS, DataType.FLOAT));
        INDArray fc1 = truncatedNormal(random, FLAT, HIDDEN);
        INDArray fc2 = truncatedNormal(random, HIDDEN, CLASSES);
        if (arch == Arch.PLAIN) {
            arrays.put(FC1_W, fc1);
        } else {
            SplittableRandom added = new SplittableRandom(seed ^ ADDED_STREAM);
            arrays.put(FC1_A, fc1);
            arrays.put(FC1_S, addedFactor(added, HIDDEN, addedStd));
        }
        arrays.put(FC1_B, Nd4j.valueArrayOf(new long[] {HIDDEN}, BIAS, DataType.FLOAT));
        if (arch == Arch.PLAIN) {
            arrays.put(FC2_W, fc2);
        } else {
            SplittableRandom added = new SplittableRandom((seed ^ ADDED_STREAM) + 1);
            arrays.put(FC2_A, fc2);
            arrays.put(FC2_S, addedFactor(added, CLASSES, addedStd));
        }
        arrays.put(FC2_B, Nd4j.valueArrayOf(new long[] {CLASSES}, BIAS, DataType.FLOAT));
        return new LeNetWeights(arch, arrays);
    }

    /** Wraps existing arrays, which must have the names and shapes of the given arch; not copied. */
    public static LeNetWeights of(Arch arch, Map<String, INDArray> arrays) {
        LeNetWeights reference = initialize(arch, 0L, null);
        if (!reference.arrays.keySet().equals(arrays.keySet())) {
            throw new IllegalArgumentException("the " + arch.label() + " network has the arrays "
                    + reference.arrays.keySet() + ", got " + arrays.keySet());
        }
        for (Map.Entry<String, INDArray> entry : reference.arrays.entrySet()) {
            INDArray given = arrays.get(entry.getKey());
            if (!java.util.Arrays.equals(given.shape(), entry.getValue().shape())) {
                throw new IllegalArgumentException("array " + entry.getKey() + " must have shape "
                        + java.util.Arrays.toString(entry.getValue().shape()) + ", got "
                        + java.util.Arrays.toString(given.shape()));
            }
        }
        return new LeNetWeights(arch, new LinkedHashMap<>(arrays));
    }

    public Arch arch() {
        return arch;
    }

    /** Returns the arrays by variable name, in layer order. The arrays are live: training updates them in place. */
    public Map<String, INDArray> arrays() {
        return arrays;
    }

    /** Returns the number of trainable parameters. */
    public long parameterCount() {
        long count = 0;
        for (INDArray array : arrays.values()) {
            count += array.length();
        }
        return count;
    }

    /** Returns the end-to-end hidden-layer matrix, {@code fc1_w} or the product {@code fc1_a fc1_s}, [3136, 512]. */
    public INDArray endToEndFc1() {
        return arch == Arch.PLAIN ? arrays.get(FC1_W) : arrays.get(FC1_A).mmul(arrays.get(FC1_S));
    }

    /** Returns the end-to-end output-layer matrix, {@code fc2_w} or the product {@code fc2_a fc2_s}, [512, 10]. */
    public INDArray endToEndFc2() {
        return arch == Arch.PLAIN ? arrays.get(FC2_W) : arrays.get(FC2_A).mmul(arrays.get(FC2_S));
    }

    /** Returns a deep copy, so that training one copy leaves the other unchanged. */
    public LeNetWeights copy() {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, array) -> copies.put(name, array.dup()));
        return new LeNetWeights(arch, copies);
    }

    private static INDArray truncatedNormal(SplittableRandom random, long... shape) {
        long length = 1;
        for (long size : shape) {
            length *= size;
        }
        float[] values = new float[Math.toIntExact(length)];
        for (int i = 0; i < values.length; i++) {
            double z;
            do {
                z = random.nextGaussian();
            } while (!(Math.abs(z) <= 2.0));
            values[i] = (float) (z * WEIGHT_STD);
        }
        return Nd4j.create(values, shape, 'c');
    }

    private static INDArray addedFactor(SplittableRandom random, int size, Double std) {
        if (std == null) {
            return Nd4j.eye(size).castTo(DataType.FLOAT);
        }
        float[] values = new float[size * size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return Nd4j.create(values, new long[] {size, size}, 'c');
    }
}
