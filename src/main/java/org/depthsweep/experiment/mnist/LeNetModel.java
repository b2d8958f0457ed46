package org.depthsweep.experiment.mnist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network of {@link LeNetGraph} with its weights: one training pass that returns the loss terms and the gradients
 * of one minibatch, and evaluation without dropout. Not thread-safe.
 */
public final class LeNetModel {
    /** Images per forward pass during evaluation. */
    static final int EVAL_BATCH = 500;

    private static final List<String> TRAIN_OUTPUTS = List.of(LeNetGraph.LOSS, LeNetGraph.CE, LeNetGraph.REG,
            LeNetGraph.TRAIN_LOGITS);

    private final LeNetWeights weights;
    private final LeNetGraph graph;
    private final double lambda;

    /**
     * @param weights the initial trainable arrays; training changes the arrays of {@link #weights()}, which may be
     *                copies of these
     * @param lambda  weight of the L2 penalty on the end-to-end dense matrices and biases
     * @param dropout whether training passes take a dropout mask
     */
    public LeNetModel(LeNetWeights weights, double lambda, boolean dropout) {
        this.lambda = lambda;
        this.graph = LeNetGraph.build(weights, lambda, dropout);
        // SameDiff may copy an array it is given as a variable, so the weights are the arrays the graph holds.
        Map<String, INDArray> live = new LinkedHashMap<>();
        for (String name : graph.trainable()) {
            live.put(name, graph.sameDiff().getArrForVarName(name));
        }
        this.weights = LeNetWeights.of(weights.arch(), live);
    }

    /** Returns the arrays the graph trains, updated in place by training. */
    public LeNetWeights weights() {
        return weights;
    }

    public double lambda() {
        return lambda;
    }

    /** Returns whether {@link #trainingPass} needs a dropout mask. */
    public boolean usesDropout() {
        return graph.usesDropout();
    }

    /**
     * The outputs of one training forward and backward pass on one minibatch.
     *
     * @param loss      {@code ce + reg}, as the graph computes it in float32
     * @param ce        mean softmax cross-entropy of the minibatch
     * @param reg       the L2 penalty
     * @param correct   images of the minibatch whose largest training logit is their label
     * @param gradients gradient of {@code loss} by trainable variable name; valid until the next pass
     */
    public record Pass(double loss, double ce, double reg, int correct, Map<String, INDArray> gradients) {
    }

    /**
     * Runs the training pass: forward with dropout, the loss terms, and the gradient of the loss with respect to
     * every trainable array.
     *
     * @param features    images, {@code [batch, 1, 28, 28]}
     * @param labels      one-hot labels, {@code [batch, 10]}
     * @param dropoutMask {@code [batch, 512]} with entries 0 or {@code 1 / keep}; null when dropout is off
     */
    public Pass trainingPass(INDArray features, INDArray labels, INDArray dropoutMask) {
        Map<String, INDArray> placeholders = new HashMap<>();
        placeholders.put(LeNetGraph.INPUT, features);
        placeholders.put(LeNetGraph.LABELS, labels);
        if (graph.usesDropout()) {
            if (dropoutMask == null) {
                throw new IllegalArgumentException("the model was built with dropout, so a dropout mask is required");
            }
            placeholders.put(LeNetGraph.DROPOUT_MASK, dropoutMask);
        }
        OutAndGrad result = graph.sameDiff().calculateGradientsAndOutputs(placeholders, TRAIN_OUTPUTS,
                graph.trainable());
        Map<String, INDArray> outputs = result.getOutputs();
        INDArray logits = outputs.get(LeNetGraph.TRAIN_LOGITS);
        return new Pass(outputs.get(LeNetGraph.LOSS).getDouble(0), outputs.get(LeNetGraph.CE).getDouble(0),
                outputs.get(LeNetGraph.REG).getDouble(0), countCorrect(logits, labels), result.getGradients());
    }

    /** Returns the logits without dropout, {@code [batch, 10]}. */
    public INDArray evaluationLogits(INDArray features) {
        return graph.sameDiff().output(Map.of(LeNetGraph.INPUT, features), LeNetGraph.EVAL_LOGITS)
                .get(LeNetGraph.EVAL_LOGITS);
    }

    /** Returns the fraction of the images whose largest evaluation logit is their label, in batches of 500. */
    public double accuracy(ImageTensors data) {
        int correct = 0;
        for (int from = 0; from < data.count(); from += EVAL_BATCH) {
            int to = Math.min(data.count(), from + EVAL_BATCH);
            INDArray predicted = evaluationLogits(data.featureRange(from, to)).argMax(1);
            for (int i = from; i < to; i++) {
                if (predicted.getInt(i - from) == data.classOf(i)) {
                    correct++;
                }
            }
        }
        return (double) correct / data.count();
    }

    /** Returns the SameDiff graph, for tests and profiling. */
    SameDiff sameDiff() {
        return graph.sameDiff();
    }

    /** Returns the names of the trainable arrays, in layer order. */
    public List<String> trainable() {
        return graph.trainable();
    }

    /** Returns the array the graph trains under the given name. */
    public INDArray parameter(String name) {
        return graph.sameDiff().getArrForVarName(name);
    }

    private static int countCorrect(INDArray logits, INDArray labels) {
        INDArray predicted = logits.argMax(1);
        INDArray actual = labels.argMax(1);
        int correct = 0;
        for (int i = 0; i < predicted.length(); i++) {
            if (predicted.getInt(i) == actual.getInt(i)) {
                correct++;
            }
        }
        return correct;
    }
}
