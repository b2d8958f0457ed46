package org.depthsweep.experiment.mnist;

import static org.depthsweep.experiment.mnist.LeNetWeights.CLASSES;
import static org.depthsweep.experiment.mnist.LeNetWeights.FLAT;
import static org.depthsweep.experiment.mnist.LeNetWeights.HIDDEN;
import static org.depthsweep.experiment.mnist.LeNetWeights.IMAGE_SIDE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network as a SameDiff graph over the arrays of a {@link LeNetWeights}, which it uses without copying: conv 5x5
 * with 32 filters, same padding, ReLU, 2x2 max pooling, the same with 64 filters, dense 3136 to 512 with ReLU, dropout
 * in training, dense 512 to 10, softmax cross-entropy. Images are NCHW, {@code [batch, 1, 28, 28]}.
 *
 * <p>Training outputs, all from one forward pass of one minibatch:
 * <ul>
 *   <li>{@code ce}: the mean over the minibatch of the softmax cross-entropy of the training logits;</li>
 *   <li>{@code reg}: {@code lambda * (1/2) * (||W1||^2 + ||b1||^2 + ||W2||^2 + ||b2||^2)}, squared Frobenius norms
 *       of the end-to-end dense matrices and their biases, the tutorial's {@code l2_loss} convention. In the
 *       overparameterized arch W1 and W2 are the products {@code fc1_a fc1_s} and {@code fc2_a fc2_s}, so both archs
 *       are penalized on the same function. It is exactly 0 for lambda 0;</li>
 *   <li>{@code loss = ce + reg}, the value whose gradient training follows.</li>
 * </ul>
 *
 * <p>Dropout is fed as a mask placeholder {@code dropout_mask [batch, 512]} with entries 0 or {@code 1 / keep}
 * (inverted dropout, so evaluation needs no rescaling), drawn by the caller from the cell's seed. The evaluation
 * output {@code eval_logits} skips dropout.
 *
 * <p>With lambda 0 the overparameterized hidden layer is computed as {@code (x fc1_a) fc1_s} without forming the
 * 3136 x 512 product, which saves two of the three large matrix products per step; with lambda above 0 the product is
 * needed for the penalty anyway and the forward pass uses it.
 */
final class LeNetGraph {
    static final String INPUT = "input";
    static final String LABELS = "labels";
    static final String DROPOUT_MASK = "dropout_mask";
    static final String CE = "ce";
    static final String REG = "reg";
    static final String LOSS = "loss";
    static final String TRAIN_LOGITS = "train_logits";
    static final String EVAL_LOGITS = "eval_logits";

    private final SameDiff sameDiff;
    private final List<String> trainable;
    private final boolean dropout;

    private LeNetGraph(SameDiff sameDiff, List<String> trainable, boolean dropout) {
        this.sameDiff = sameDiff;
        this.trainable = Collections.unmodifiableList(trainable);
        this.dropout = dropout;
    }

    /**
     * Builds the graph.
     *
     * @param weights the trainable arrays; the graph's variables are these arrays, so updating them in place trains
     * @param lambda  weight of the L2 penalty, at least 0
     * @param dropout whether the training pass multiplies the hidden layer by the {@code dropout_mask} placeholder
     */
    static LeNetGraph build(LeNetWeights weights, double lambda, boolean dropout) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        SameDiff sd = SameDiff.create();
        List<String> trainable = new ArrayList<>();
        Map<String, INDArray> arrays = weights.arrays();
        for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
            sd.var(entry.getKey(), entry.getValue());
            trainable.add(entry.getKey());
        }

        SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, 1, IMAGE_SIDE, IMAGE_SIDE);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, CLASSES);

        Conv2DConfig conv = Conv2DConfig.builder().kH(5).kW(5).sH(1).sW(1).paddingMode(PaddingMode.SAME)
                .dataFormat(Conv2DConfig.NCHW).build();
        Pooling2DConfig pool = Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID)
                .isNHWC(false).build();
        // ReLU after max pooling equals max pooling after ReLU, because both are monotone, and it touches a quarter
        // of the values forward and backward.
        SDVariable conv1 = sd.cnn().conv2d(input, sd.getVariable(LeNetWeights.CONV1_W),
                sd.getVariable(LeNetWeights.CONV1_B), conv);
        SDVariable pool1 = sd.nn().relu(sd.cnn().maxPooling2d(conv1, pool), 0.0);
        SDVariable conv2 = sd.cnn().conv2d(pool1, sd.getVariable(LeNetWeights.CONV2_W),
                sd.getVariable(LeNetWeights.CONV2_B), conv);
        SDVariable pool2 = sd.nn().relu(sd.cnn().maxPooling2d(conv2, pool), 0.0);
        SDVariable flat = sd.reshape(pool2, -1, FLAT);

        boolean overparam = weights.arch() == Arch.OVERPARAM;
        boolean formProducts = !overparam || lambda > 0;
        SDVariable fc1 = formProducts ? endToEnd(sd, overparam, LeNetWeights.FC1_W, LeNetWeights.FC1_A,
                LeNetWeights.FC1_S) : null;
        SDVariable fc2 = formProducts ? endToEnd(sd, overparam, LeNetWeights.FC2_W, LeNetWeights.FC2_A,
                LeNetWeights.FC2_S) : null;
        SDVariable fc1Bias = sd.getVariable(LeNetWeights.FC1_B);
        SDVariable fc2Bias = sd.getVariable(LeNetWeights.FC2_B);

        SDVariable preHidden = formProducts ? flat.mmul(fc1)
                : flat.mmul(sd.getVariable(LeNetWeights.FC1_A)).mmul(sd.getVariable(LeNetWeights.FC1_S));
        SDVariable hidden = sd.nn().relu(preHidden.add(fc1Bias), 0.0);
        SDVariable trainHidden = dropout
                ? hidden.mul(sd.placeHolder(DROPOUT_MASK, DataType.FLOAT, -1, HIDDEN)) : hidden;
        outputLayer(sd, TRAIN_LOGITS, trainHidden, fc2, fc2Bias);
        outputLayer(sd, EVAL_LOGITS, hidden, fc2, fc2Bias);

        SDVariable ce = sd.loss().softmaxCrossEntropy(CE, labels, sd.getVariable(TRAIN_LOGITS), null,
                LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        SDVariable reg;
        if (lambda > 0) {
            SDVariable sumOfSquares = sumOfSquares(sd, fc1).add(sd.squaredNorm(fc1Bias))
                    .add(sumOfSquares(sd, fc2)).add(sd.squaredNorm(fc2Bias));
            reg = sumOfSquares.mul(REG, 0.5 * lambda);
        } else {
            reg = sd.constant(REG, Nd4j.scalar(DataType.FLOAT, 0f));
        }
        ce.add(LOSS, reg);
        sd.setLossVariables(LOSS);
        return new LeNetGraph(sd, trainable, dropout);
    }

    /**
     * Adds the sum of squares of a matrix's entries, summed per row first. nd4j 1.0.0-M2 adds the squares of a whole
     * array sequentially in float32, so for the 1.6 million entries of the hidden-layer matrix the sum is off by about
     * 3e-4 relative. Two levels of sums bring the error to about 1e-6.
     */
    private static SDVariable sumOfSquares(SameDiff sd, SDVariable matrix) {
        return sd.sum(sd.squaredNorm(matrix, false, 1));
    }

    private static SDVariable endToEnd(SameDiff sd, boolean overparam, String plain, String factor, String added) {
        if (!overparam) {
            return sd.getVariable(plain);
        }
        return sd.getVariable(factor).mmul(sd.getVariable(added));
    }

    /** Adds {@code hidden fc2 + bias}, or {@code (hidden fc2_a) fc2_s + bias} when {@code fc2} is null. */
    private static void outputLayer(SameDiff sd, String name, SDVariable hidden, SDVariable fc2, SDVariable bias) {
        SDVariable product = fc2 != null ? hidden.mmul(fc2)
                : hidden.mmul(sd.getVariable(LeNetWeights.FC2_A)).mmul(sd.getVariable(LeNetWeights.FC2_S));
        product.add(name, bias);
    }

    SameDiff sameDiff() {
        return sameDiff;
    }

    /** Returns the names of the trainable variables, in layer order. */
    List<String> trainable() {
        return trainable;
    }

    /** Returns whether the training pass expects a {@code dropout_mask} placeholder. */
    boolean usesDropout() {
        return dropout;
    }
}
