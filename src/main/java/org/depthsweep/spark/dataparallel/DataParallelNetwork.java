package org.depthsweep.spark.dataparallel;

import java.util.Map;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.depthsweep.experiment.mnist.Arch;
import org.depthsweep.experiment.mnist.LeNetWeights;
import org.depthsweep.experiment.mnist.MnistSettings;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The mnist network as a DL4J {@link MultiLayerNetwork}, for training with dl4j-spark: the same layers as the
 * SameDiff graph of the mnist experiment (conv 5x5x32 same, ReLU, max pool 2; conv 5x5x64 same, ReLU, max pool 2;
 * dense 3136 to 512 with ReLU; dropout; dense 512 to 10; softmax cross-entropy), with both dense layers as
 * {@link ProductDenseLayer}s so that the L2 penalty is on the end-to-end matrices and biases in both archs.
 *
 * <p>Layer indices: 0 conv1, 1 pool1, 2 conv2, 3 pool2, 4 hidden dense, 5 output dense, 6 loss. Inputs are
 * {@code [batch, 784]} rows of pixels scaled to [-0.5, 0.5]; labels are one-hot {@code [batch, 10]}.
 *
 * <p>Optimizers: {@code sgd} and {@code adam} are DL4J's. DL4J 1.0.0-M2 has no classical momentum, so
 * {@code momentum} maps to DL4J's Nesterov momentum with the same coefficient, which differs from the classical
 * rule of the SameDiff trainer in where the gradient is taken.
 */
public final class DataParallelNetwork {
    /** Index of the hidden dense layer. */
    public static final int HIDDEN_LAYER = 4;
    /** Index of the output dense layer. */
    public static final int OUTPUT_LAYER = 5;

    private DataParallelNetwork() {
    }

    /**
     * Builds and initializes the network with the given weights, which are copied.
     *
     * @param settings the cell's settings: arch, lambda, dropout, optimizer, learning rate of epoch 1 and momentum
     */
    public static MultiLayerNetwork build(MnistSettings settings, LeNetWeights weights) {
        boolean product = settings.arch() == Arch.OVERPARAM;
        if (weights.arch() != settings.arch()) {
            throw new IllegalArgumentException("weights of arch " + weights.arch().label() + " for a network of arch "
                    + settings.arch().label());
        }
        double keep = 1.0 - settings.dropout();
        ProductDenseLayer.Builder output = new ProductDenseLayer.Builder().product(product)
                .lambda(settings.lambda()).nOut(LeNetWeights.CLASSES).activation(Activation.IDENTITY);
        if (settings.dropout() > 0) {
            // DL4J's dropout argument is the probability of keeping a unit, applied to the layer's input.
            output.dropOut(keep);
        }
        MultiLayerConfiguration configuration = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(DataType.FLOAT)
                .updater(updater(settings))
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new ConvolutionLayer.Builder(5, 5).stride(1, 1).nOut(64).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Truncate).build())
                .layer(new ProductDenseLayer.Builder().product(product).lambda(settings.lambda())
                        .nOut(LeNetWeights.HIDDEN).activation(Activation.RELU).build())
                .layer(output.build())
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(LeNetWeights.IMAGE_SIDE, LeNetWeights.IMAGE_SIDE, 1))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        copyWeights(weights, network);
        return network;
    }

    private static IUpdater updater(MnistSettings settings) {
        double learningRate = settings.learningRate(1);
        switch (settings.optimizer()) {
            case SGD:
                return new Sgd(learningRate);
            case ADAM:
                return new Adam(learningRate);
            case MOMENTUM:
                return new Nesterovs(learningRate, settings.momentum());
            default:
                throw new IllegalArgumentException("unhandled optimizer " + settings.optimizer());
        }
    }

    /**
     * Copies SameDiff-layout weights into the network: conv kernels {@code [kH, kW, in, out]} become DL4J's
     * {@code [out, in, kH, kW]}, dense matrices keep their {@code [in, out]} shape.
     */
    static void copyWeights(LeNetWeights weights, MultiLayerNetwork network) {
        Map<String, INDArray> arrays = weights.arrays();
        setParam(network, 0, "W", arrays.get("conv1_w").permute(3, 2, 0, 1));
        setParam(network, 0, "b", arrays.get("conv1_b"));
        setParam(network, 2, "W", arrays.get("conv2_w").permute(3, 2, 0, 1));
        setParam(network, 2, "b", arrays.get("conv2_b"));
        boolean product = weights.arch() == Arch.OVERPARAM;
        setParam(network, HIDDEN_LAYER, ProductDenseParams.A, arrays.get(product ? "fc1_a" : "fc1_w"));
        setParam(network, OUTPUT_LAYER, ProductDenseParams.A, arrays.get(product ? "fc2_a" : "fc2_w"));
        if (product) {
            setParam(network, HIDDEN_LAYER, ProductDenseParams.S, arrays.get("fc1_s"));
            setParam(network, OUTPUT_LAYER, ProductDenseParams.S, arrays.get("fc2_s"));
        }
        setParam(network, HIDDEN_LAYER, ProductDenseParams.B, arrays.get("fc1_b"));
        setParam(network, OUTPUT_LAYER, ProductDenseParams.B, arrays.get("fc2_b"));
    }

    private static void setParam(MultiLayerNetwork network, int layer, String key, INDArray value) {
        INDArray target = network.getLayer(layer).getParam(key);
        if (target.length() != value.length()) {
            throw new IllegalStateException("layer " + layer + " parameter " + key + " has " + target.length()
                    + " entries, the weights have " + value.length());
        }
        target.assign(value.reshape(target.shape()));
    }

    /** Returns the end-to-end matrix of a dense layer ({@link #HIDDEN_LAYER} or {@link #OUTPUT_LAYER}). */
    public static INDArray endToEnd(MultiLayerNetwork network, int layer) {
        return ((ProductDense) network.getLayer(layer)).endToEnd();
    }

    /** Returns the L2 penalty of both dense layers, as DL4J adds it to the score. */
    public static double penalty(MultiLayerNetwork network) {
        return network.getLayer(HIDDEN_LAYER).calcRegularizationScore(true)
                + network.getLayer(OUTPUT_LAYER).calcRegularizationScore(true);
    }
}
