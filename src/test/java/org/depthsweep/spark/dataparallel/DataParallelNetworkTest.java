package org.depthsweep.spark.dataparallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.depthsweep.data.MnistFiles;
import org.depthsweep.experiment.mnist.Arch;
import org.depthsweep.experiment.mnist.ImageTensors;
import org.depthsweep.experiment.mnist.LeNetModel;
import org.depthsweep.experiment.mnist.LeNetWeights;
import org.depthsweep.experiment.mnist.MnistSettings;
import org.depthsweep.experiment.mnist.NativeThreads;
import org.depthsweep.experiment.mnist.OptimizerKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** Checks the DL4J network against the SameDiff graph of the mnist experiment on the same weights and minibatch. */
class DataParallelNetworkTest {
    static final Path MNIST_10K = Path.of(System.getProperty("user.dir")).resolve("../shared/data/mnist-10k")
            .normalize();
    private static final int BATCH = 64;
    private static final double LAMBDA = 5e-4;
    private static final double LEARNING_RATE = 0.01;

    private static ImageTensors digits;
    private static int[] rows;

    @BeforeAll
    static void loadDigits() throws IOException {
        NativeThreads.apply(1);
        digits = ImageTensors.of(MnistFiles.readTraining(MNIST_10K).slice(0, BATCH));
        rows = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            rows[i] = i;
        }
    }

    static MnistSettings settings(Arch arch, double dropout) {
        return new MnistSettings(arch, LAMBDA, LEARNING_RATE, 0.95, null, OptimizerKind.SGD, BATCH, 1, 7L, dropout,
                arch == Arch.OVERPARAM ? 0.05 : null, 10, MNIST_10K, null, 0, 2L);
    }

    private static DataSet minibatch() {
        return new DataSet(digits.featureBatch(rows).reshape(BATCH, 784), digits.labelBatch(rows));
    }

    @Test
    void scoreEqualsSameDiffLoss() {
        for (Arch arch : Arch.values()) {
            LeNetWeights weights = LeNetWeights.initialize(arch, 7L, arch == Arch.OVERPARAM ? 0.05 : null);
            MultiLayerNetwork network = DataParallelNetwork.build(settings(arch, 0.0), weights);
            LeNetModel reference = new LeNetModel(weights.copy(), LAMBDA, false);

            double score = network.score(minibatch(), false);
            LeNetModel.Pass pass = reference.trainingPass(digits.featureBatch(rows), digits.labelBatch(rows), null);

            String label = arch.label();
            assertEquals(pass.reg(), DataParallelNetwork.penalty(network), 1e-5 * pass.reg(), label + " penalty");
            assertEquals(pass.loss(), score, 1e-5 * pass.loss(), label + " score = ce + penalty");
        }
    }

    @Test
    void sgdStepMatchesSameDiffGradient() {
        LeNetWeights weights = LeNetWeights.initialize(Arch.OVERPARAM, 9L, 0.05);
        MultiLayerNetwork network = DataParallelNetwork.build(settings(Arch.OVERPARAM, 0.0), weights);
        LeNetModel reference = new LeNetModel(weights.copy(), LAMBDA, false);
        LeNetModel.Pass pass = reference.trainingPass(digits.featureBatch(rows), digits.labelBatch(rows), null);
        INDArray hiddenBefore = network.getLayer(DataParallelNetwork.HIDDEN_LAYER).getParam("S").dup();
        INDArray outputBefore = network.getLayer(DataParallelNetwork.OUTPUT_LAYER).getParam("A").dup();

        network.fit(minibatch());

        INDArray hiddenStep = network.getLayer(DataParallelNetwork.HIDDEN_LAYER).getParam("S").sub(hiddenBefore);
        INDArray outputStep = network.getLayer(DataParallelNetwork.OUTPUT_LAYER).getParam("A").sub(outputBefore);
        assertStepMatches("fc1_s", pass.gradients().get("fc1_s").mul(-LEARNING_RATE), hiddenStep);
        assertStepMatches("fc2_a", pass.gradients().get("fc2_a").mul(-LEARNING_RATE), outputStep);
        LeNetModel.Pass withoutPenalty = new LeNetModel(weights.copy(), 0.0, false)
                .trainingPass(digits.featureBatch(rows), digits.labelBatch(rows), null);
        INDArray crossEntropyStep = withoutPenalty.gradients().get("fc1_s").mul(-LEARNING_RATE);
        double gap = crossEntropyStep.sub(hiddenStep).amaxNumber().doubleValue();
        assertTrue(gap > 1e-2 * crossEntropyStep.amaxNumber().doubleValue(),
                "the penalty must change the fc1_s step, largest difference " + gap);
    }

    /** Asserts that two updates agree to 1e-3 of the largest update entry. */
    private static void assertStepMatches(String name, INDArray expected, INDArray actual) {
        double scale = expected.amaxNumber().doubleValue();
        double difference = expected.sub(actual.castTo(expected.dataType())).amaxNumber().doubleValue();
        assertTrue(scale > 0, name + " update is zero");
        assertTrue(difference <= 1e-3 * scale, name + ": largest difference " + difference + " for updates up to "
                + scale);
    }
}
