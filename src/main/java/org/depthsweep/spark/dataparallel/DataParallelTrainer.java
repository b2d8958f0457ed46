package org.depthsweep.spark.dataparallel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.experiment.mnist.ImageTensors;
import org.depthsweep.experiment.mnist.LeNetWeights;
import org.depthsweep.experiment.mnist.MnistSettings;
import org.depthsweep.experiment.mnist.MnistTrainer;
import org.depthsweep.experiment.mnist.NativeThreads;
import org.depthsweep.sweep.Cell;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one mnist cell across a Spark cluster with dl4j-spark's parameter averaging, for a configuration too large
 * for one executor, and records the curve columns of the mnist experiment.
 *
 * <p>Each epoch shuffles the training images into minibatches of {@code batch} and trains them in averaging rounds:
 * a round gives each of the {@code W} workers {@code averagingFrequency} minibatches, each worker takes that many
 * local steps from the current parameters, and the driver averages the workers' parameters (and updater states).
 * The curve column {@code step} counts local iterations per worker, {@code rounds * averagingFrequency}; one step
 * therefore covers {@code W} minibatches.
 *
 * <p>After every round the driver evaluates the averaged network on that round's minibatches without dropout:
 * {@code ce} is their mean softmax cross-entropy, {@code reg} the exact L2 penalty on the end-to-end dense matrices
 * and biases ({@link ProductDenseLayer}), {@code loss = ce + reg} and {@code train_acc} their accuracy. A curve row is
 * written when the step reaches the next multiple of {@code record_every} and at the end of each epoch, with the
 * means over the rounds since the previous row; the last row of an epoch adds test and validation accuracy and the
 * norms of the end-to-end matrices, as in the single-task trainer. The weights start from the same seeded draw as
 * the single-task trainer, but dropout masks and the per-worker order are DL4J's and not reproducible run to run.
 */
public final class DataParallelTrainer {
    /** Local iterations between parameter averaging rounds when the caller gives none. */
    public static final int DEFAULT_AVERAGING_FREQUENCY = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DataParallelTrainer.class);
    private static final long SHUFFLE_STREAM = 0x9E3779B97F4A7C15L;

    private DataParallelTrainer() {
    }

    /** Trains with {@link #DEFAULT_AVERAGING_FREQUENCY} and one worker per default partition of the context. */
    public static CellOutcome train(JavaSparkContext context, Cell cell, CurveRecorder recorder) {
        return train(context, cell, recorder, context.defaultParallelism(), DEFAULT_AVERAGING_FREQUENCY);
    }

    /**
     * Trains one mnist cell.
     *
     * @param context            the Spark context whose executors train
     * @param cell               a normalized mnist cell
     * @param recorder           receives rows of the mnist curve columns
     * @param workers            parallel workers, one Spark partition each
     * @param averagingFrequency local iterations per worker between averaging rounds
     * @return the outcome, with the same extras as the single-task trainer
     */
    public static CellOutcome train(JavaSparkContext context, Cell cell, CurveRecorder recorder, int workers,
                                    int averagingFrequency) {
        if (workers < 1 || averagingFrequency < 1) {
            throw new IllegalArgumentException("workers and averagingFrequency must be >= 1, got " + workers
                    + " and " + averagingFrequency);
        }
        MnistSettings settings = MnistSettings.of(cell);
        // The driver evaluates the averaged network after every round; the workers set their own count.
        NativeThreads.apply(NativeThreads.resolve(settings.threads()));
        MnistTrainer.Data data = MnistTrainer.load(settings);
        LeNetWeights initial = LeNetWeights.initialize(settings.arch(), settings.seed(), settings.addedStd());
        MultiLayerNetwork network = DataParallelNetwork.build(settings, initial);
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(settings.batch())
                .batchSizePerWorker(settings.batch())
                .averagingFrequency(averagingFrequency)
                .workerPrefetchNumBatches(0)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .collectTrainingStats(false)
                .trainingHooks(new ThreadCountHook(settings.threads()))
                .build();
        SparkDl4jMultiLayer sparkNetwork = new SparkDl4jMultiLayer(context, network, master);
        LOG.info("cell {}: data-parallel mnist {} lambda {} on {} workers, averaging every {} iterations",
                cell.cellId(), settings.arch().label(), settings.lambda(), workers, averagingFrequency);

        SplittableRandom shuffle = new SplittableRandom(settings.seed() ^ SHUFFLE_STREAM);
        int batch = settings.batch();
        int minibatchesPerEpoch = data.train().count() / batch;
        int minibatchesPerRound = workers * averagingFrequency;
        RoundWindow window = new RoundWindow();
        long step = 0;
        long nextRecord = settings.recordEvery();
        double testAccuracy = Double.NaN;
        Double validationAccuracy = null;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double learningRate = settings.learningRate(epoch);
            sparkNetwork.getNetwork().setLearningRate(learningRate);
            int[] order = MnistTrainer.permutation(data.train().count(), shuffle);
            for (int first = 0; first < minibatchesPerEpoch; first += minibatchesPerRound) {
                int count = Math.min(minibatchesPerRound, minibatchesPerEpoch - first);
                List<DataSet> round = minibatches(data.train(), order, first, count, batch);
                JavaRDD<DataSet> rdd = context.parallelize(round, Math.min(workers, count));
                sparkNetwork.fit(rdd);
                step += (count + workers - 1) / workers;
                MultiLayerNetwork averaged = sparkNetwork.getNetwork();
                window.add(averaged, round);

                boolean epochEnd = first + count >= minibatchesPerEpoch;
                if (!Double.isFinite(window.lastLoss)) {
                    recorder.record(step, (long) epoch, window.loss(), window.ce(), window.reg(), window.accuracy(),
                            learningRate, null, null, null, null);
                    String message = "loss became " + window.lastLoss + " at step " + step + " (epoch " + epoch + ")";
                    return new CellOutcome(RunStatus.DIVERGED, message, step, Double.NaN, Double.NaN,
                            extras(Double.NaN, null, window, initial));
                }
                if (epochEnd) {
                    testAccuracy = accuracy(averaged, data.test());
                    validationAccuracy = data.validation() == null ? null : accuracy(averaged, data.validation());
                    recorder.record(step, (long) epoch, window.loss(), window.ce(), window.reg(), window.accuracy(),
                            learningRate, testAccuracy, validationAccuracy,
                            DataParallelNetwork.endToEnd(averaged, DataParallelNetwork.HIDDEN_LAYER)
                                    .norm2Number().doubleValue(),
                            DataParallelNetwork.endToEnd(averaged, DataParallelNetwork.OUTPUT_LAYER)
                                    .norm2Number().doubleValue());
                    LOG.info("cell {}: epoch {}/{} step {}: loss {} (ce {}, reg {}), test_acc {}", cell.cellId(),
                            epoch, settings.epochs(), step, window.loss(), window.ce(), window.reg(), testAccuracy);
                    window.finishRow();
                    nextRecord = (step / settings.recordEvery() + 1) * settings.recordEvery();
                } else if (step >= nextRecord) {
                    recorder.record(step, (long) epoch, window.loss(), window.ce(), window.reg(), window.accuracy(),
                            learningRate, null, null, null, null);
                    window.finishRow();
                    nextRecord = (step / settings.recordEvery() + 1) * settings.recordEvery();
                }
            }
        }
        return new CellOutcome(RunStatus.OK, "", step, window.lastRowLoss, 1.0 - testAccuracy,
                extras(testAccuracy, validationAccuracy, window, initial));
    }

    private static List<DataSet> minibatches(ImageTensors train, int[] order, int first, int count, int batch) {
        List<DataSet> minibatches = new ArrayList<>(count);
        for (int m = first; m < first + count; m++) {
            int[] rows = new int[batch];
            System.arraycopy(order, m * batch, rows, 0, batch);
            INDArray features = train.featureBatch(rows).reshape(batch, (long) LeNetWeights.IMAGE_SIDE
                    * LeNetWeights.IMAGE_SIDE);
            minibatches.add(new DataSet(features, train.labelBatch(rows)));
        }
        return minibatches;
    }

    /** Returns the fraction of images whose largest output is their label, in batches of 500. */
    static double accuracy(MultiLayerNetwork network, ImageTensors images) {
        int correct = 0;
        int pixels = LeNetWeights.IMAGE_SIDE * LeNetWeights.IMAGE_SIDE;
        for (int from = 0; from < images.count(); from += 500) {
            int to = Math.min(images.count(), from + 500);
            INDArray output = network.output(images.featureRange(from, to).reshape(to - from, pixels), false);
            INDArray predicted = output.argMax(1);
            for (int i = from; i < to; i++) {
                if (predicted.getInt(i - from) == images.classOf(i)) {
                    correct++;
                }
            }
        }
        return (double) correct / images.count();
    }

    private static Map<String, Object> extras(double testAccuracy, Double validationAccuracy, RoundWindow window,
                                              LeNetWeights initial) {
        Map<String, Object> extras = new HashMap<>();
        extras.put("final_test_acc", testAccuracy);
        if (validationAccuracy != null) {
            extras.put("final_val_acc", validationAccuracy);
        }
        extras.put("final_ce", window.lastRowCe);
        extras.put("final_reg", window.lastRowReg);
        extras.put("parameter_count", initial.parameterCount());
        return extras;
    }

    /** Sums of the per-round loss terms and correct predictions since the last curve row. */
    private static final class RoundWindow {
        private double lossSum;
        private double ceSum;
        private double regSum;
        private long correct;
        private long images;
        private int rounds;
        private double lastLoss = Double.NaN;
        private double lastRowLoss = Double.NaN;
        private double lastRowCe = Double.NaN;
        private double lastRowReg = Double.NaN;

        /** Evaluates the averaged network on the round's minibatches, without dropout. */
        void add(MultiLayerNetwork network, List<DataSet> round) {
            double ce = 0;
            int examples = 0;
            for (DataSet minibatch : round) {
                INDArray probabilities = network.output(minibatch.getFeatures(), false);
                INDArray labels = minibatch.getLabels();
                INDArray predicted = probabilities.argMax(1);
                INDArray actual = labels.argMax(1);
                for (int i = 0; i < labels.rows(); i++) {
                    int label = actual.getInt(i);
                    ce -= Math.log(probabilities.getDouble(i, label));
                    if (predicted.getInt(i) == label) {
                        correct++;
                    }
                }
                examples += labels.rows();
            }
            double meanCe = ce / examples;
            double reg = DataParallelNetwork.penalty(network);
            lastLoss = meanCe + reg;
            lossSum += lastLoss;
            ceSum += meanCe;
            regSum += reg;
            images += examples;
            rounds++;
        }

        double loss() {
            return lossSum / rounds;
        }

        double ce() {
            return ceSum / rounds;
        }

        double reg() {
            return regSum / rounds;
        }

        double accuracy() {
            return (double) correct / images;
        }

        void finishRow() {
            lastRowLoss = loss();
            lastRowCe = ce();
            lastRowReg = reg();
            lossSum = 0;
            ceSum = 0;
            regSum = 0;
            correct = 0;
            images = 0;
            rounds = 0;
        }
    }
}
