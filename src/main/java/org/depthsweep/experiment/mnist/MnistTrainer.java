package org.depthsweep.experiment.mnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.depthsweep.data.LabeledImages;
import org.depthsweep.data.MnistFiles;
import org.depthsweep.experiment.CellInterruptedException;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.RunStatus;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the network of one mnist cell and records its curves.
 *
 * <p>Each epoch visits the training images in a fresh random order in {@code floor(n / batch)} full minibatches, so up
 * to {@code batch - 1} images, different ones each epoch, are left out of an epoch. Every iteration is one forward and
 * backward pass and one update. A curve row is written after every {@code record_every} iterations and after the last
 * iteration of each epoch; its {@code loss}, {@code ce}, {@code reg} and {@code train_acc} are means over the
 * minibatches since the previous row, each taken in the forward pass before that minibatch's update. The last row of
 * an epoch also has the test and validation accuracy and the norms of the end-to-end dense matrices.
 *
 * <p>A non-finite loss stops the run as diverged after recording that row.
 */
public final class MnistTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(MnistTrainer.class);

    private static final long SHUFFLE_STREAM = 0x9E3779B97F4A7C15L;
    private static final long DROPOUT_STREAM = 0xC2B2AE3D27D4EB4FL;

    private MnistTrainer() {
    }

    /** The three image sets of a run; {@code validation} is null without validation images. */
    public record Data(ImageTensors train, ImageTensors validation, ImageTensors test) {
    }

    /**
     * Reads the data, trains and records the curves.
     *
     * @param cellId   id used in log lines
     * @param settings the run's parameters
     * @param recorder receives one row per record point
     */
    public static CellOutcome run(String cellId, MnistSettings settings, CurveRecorder recorder) {
        int threads = NativeThreads.apply(NativeThreads.resolve(settings.threads()));
        Data data = load(settings);
        LOG.info("cell {}: mnist {} lambda {} on {} training, {} validation and {} test images, {} epochs, "
                        + "{} nd4j threads", cellId, settings.arch().label(), settings.lambda(), data.train().count(),
                data.validation() == null ? 0 : data.validation().count(), data.test().count(), settings.epochs(),
                threads);
        Double addedStd = settings.addedStd();
        LeNetWeights weights = LeNetWeights.initialize(settings.arch(), settings.seed(), addedStd);
        return train(cellId, settings, data, weights, recorder);
    }

    /** Reads the training, validation and test images of the settings' data folder. */
    public static Data load(MnistSettings settings) {
        LabeledImages all;
        LabeledImages test;
        try {
            all = MnistFiles.readTraining(settings.dataDir());
            test = MnistFiles.readTest(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the MNIST data of data.dir " + settings.dataDir() + ": "
                    + e.getMessage() + "; set data.dir to a folder with the four IDX files", e);
        }
        int validationSize = settings.validationSize();
        int available = all.count() - validationSize;
        Integer trainSize = settings.trainSize();
        int used = trainSize == null ? available : trainSize;
        if (used > available || used < settings.batch()) {
            throw new IllegalArgumentException("data.dir " + settings.dataDir() + " has " + all.count()
                    + " training images; validation_size " + validationSize + " leaves " + available
                    + ", which must be at least train_size " + used + " and at least batch " + settings.batch()
                    + "; lower train_size, validation_size or batch");
        }
        ImageTensors validation = validationSize == 0 ? null
                : ImageTensors.of(all.slice(0, validationSize));
        ImageTensors train = ImageTensors.of(all.slice(validationSize, validationSize + used));
        return new Data(train, validation, ImageTensors.of(test));
    }

    /** Trains a network from the given initial weights on the given data. */
    static CellOutcome train(String cellId, MnistSettings settings, Data data, LeNetWeights initial,
                             CurveRecorder recorder) {
        boolean dropout = settings.dropout() > 0;
        LeNetModel model = new LeNetModel(initial, settings.lambda(), dropout);
        LeNetWeights weights = model.weights();
        ParameterUpdater updater = new ParameterUpdater(settings.optimizer(),
                settings.momentum() == null ? 0.0 : settings.momentum());
        SplittableRandom shuffle = new SplittableRandom(settings.seed() ^ SHUFFLE_STREAM);
        DropoutMasks masks = dropout ? new DropoutMasks(settings.seed() ^ DROPOUT_STREAM, settings.dropout()) : null;

        int batch = settings.batch();
        int stepsPerEpoch = data.train().count() / batch;
        Window window = new Window();
        long step = 0;
        double testAccuracy = Double.NaN;
        Double validationAccuracy = null;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double learningRate = settings.learningRate(epoch);
            int[] order = permutation(data.train().count(), shuffle);
            for (int b = 0; b < stepsPerEpoch; b++) {
                CellInterruptedException.check();
                int[] rows = new int[batch];
                System.arraycopy(order, b * batch, rows, 0, batch);
                INDArray mask = masks == null ? null : masks.next(batch);
                LeNetModel.Pass pass = model.trainingPass(data.train().featureBatch(rows),
                        data.train().labelBatch(rows), mask);
                step++;
                window.add(pass, batch);

                if (!Double.isFinite(pass.loss())) {
                    recorder.record(step, (long) epoch, window.loss(), window.ce(), window.reg(), window.accuracy(),
                            learningRate, null, null, null, null);
                    String message = "loss became " + pass.loss() + " at step " + step + " (epoch " + epoch + ")";
                    LOG.info("cell {}: diverged, {}", cellId, message);
                    return new CellOutcome(RunStatus.DIVERGED, message, step, Double.NaN, Double.NaN,
                            extras(Double.NaN, null, window, weights));
                }
                for (String name : model.trainable()) {
                    updater.update(name, model.parameter(name), pass.gradients().get(name), learningRate, step);
                }

                boolean epochEnd = b == stepsPerEpoch - 1;
                if (epochEnd) {
                    testAccuracy = model.accuracy(data.test());
                    validationAccuracy = data.validation() == null ? null : model.accuracy(data.validation());
                    recorder.record(step, (long) epoch, window.loss(), window.ce(), window.reg(), window.accuracy(),
                            learningRate, testAccuracy, validationAccuracy,
                            weights.endToEndFc1().norm2Number().doubleValue(),
                            weights.endToEndFc2().norm2Number().doubleValue());
                    LOG.info("cell {}: epoch {}/{} step {}: loss {} (ce {}, reg {}), test_acc {}", cellId, epoch,
                            settings.epochs(), step, window.loss(), window.ce(), window.reg(), testAccuracy);
                    window.finishRow();
                } else if (step % settings.recordEvery() == 0) {
                    recorder.record(step, (long) epoch, window.loss(), window.ce(), window.reg(), window.accuracy(),
                            learningRate, null, null, null, null);
                    window.finishRow();
                }
            }
        }
        return new CellOutcome(RunStatus.OK, "", step, window.lastLoss, 1.0 - testAccuracy,
                extras(testAccuracy, validationAccuracy, window, weights));
    }

    private static Map<String, Object> extras(double testAccuracy, Double validationAccuracy, Window window,
                                              LeNetWeights weights) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("final_test_acc", testAccuracy);
        if (validationAccuracy != null) {
            extras.put("final_val_acc", validationAccuracy);
        }
        extras.put("final_ce", window.lastCe);
        extras.put("final_reg", window.lastReg);
        extras.put("parameter_count", weights.parameterCount());
        return extras;
    }

    /** Returns a uniformly random permutation of 0 .. n - 1 (Fisher-Yates). */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Sums of the loss terms and correct predictions over the minibatches since the last curve row. */
    private static final class Window {
        private double lossSum;
        private double ceSum;
        private double regSum;
        private long correct;
        private long images;
        private int passes;
        private double lastLoss = Double.NaN;
        private double lastCe = Double.NaN;
        private double lastReg = Double.NaN;

        void add(LeNetModel.Pass pass, int batch) {
            lossSum += pass.loss();
            ceSum += pass.ce();
            regSum += pass.reg();
            correct += pass.correct();
            images += batch;
            passes++;
        }

        double loss() {
            return lossSum / passes;
        }

        double ce() {
            return ceSum / passes;
        }

        double reg() {
            return regSum / passes;
        }

        double accuracy() {
            return (double) correct / images;
        }

        void finishRow() {
            lastLoss = loss();
            lastCe = ce();
            lastReg = reg();
            lossSum = 0;
            ceSum = 0;
            regSum = 0;
            correct = 0;
            images = 0;
            passes = 0;
        }
    }
}
