package org.depthsweep.experiment.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.data.FileFingerprint;
import org.depthsweep.data.MnistFiles;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.SweepSpecException;

/**
 * The non-linear experiment of Arora, Cohen and Hazan, "On the Optimization of Deep Networks: Implicit Acceleration by
 * Overparameterization" (ICML 2018). The convolutional network of the TensorFlow MNIST tutorial is trained with plain
 * dense layers or with each dense matrix replaced by a product of two, with an L2 penalty on the end-to-end matrices.
 * The curves report the cross-entropy and the penalty apart. The penalty (about 3.1 at initialization for lambda
 * 5e-4) is larger than the cross-entropy for most of training, so a speed-up of the total loss may come from either
 * term. {@link LeNetGraph} defines the network and the loss terms, {@link MnistTrainer} the training loop.
 *
 * <p>{@link CellOutcome#finalLoss()} is the last row's {@code loss} and {@link CellOutcome#finalError()} the test error
 * rate after the last epoch, {@code 1 - final_test_acc}.
 */
public final class MnistExperiment implements Experiment {
    public static final String NAME = "mnist";

    static final String ARCH = "arch";
    static final String LAMBDA = "lambda";
    static final String LR = "lr";
    static final String LR_DECAY = "lr_decay";
    static final String MOMENTUM = "momentum";
    static final String OPTIMIZER = "optimizer";
    static final String BATCH = "batch";
    static final String EPOCHS = "epochs";
    static final String SEED = "seed";
    static final String DROPOUT = "dropout";
    static final String ADDED_INIT = "added_init";
    static final String ADDED_INIT_STD = "added_init_std";
    static final String RECORD_EVERY = "record_every";
    static final String DATA_DIR = "data.dir";
    static final String DATA_FINGERPRINT = "data.fingerprint";
    static final String TRAIN_SIZE = "train_size";
    static final String VALIDATION_SIZE = "validation_size";
    static final String THREADS = "threads";

    /** Largest dropout rate accepted; a rate of 1 would drop every hidden unit. */
    private static final double MAX_DROPOUT = 0.99;
    /** Largest momentum coefficient accepted; at 1 the velocity would keep every past gradient at full weight. */
    private static final double MAX_MOMENTUM = 0.999;

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.ofString(ARCH, "plain", "dense layers: plain (one matrix each) or overparam (each matrix a "
                    + "product with an added square factor on the output side)").oneOf("plain", "overparam"),
            ParamSpec.ofDouble(LAMBDA, 5e-4, "weight of the L2 penalty lambda * (1/2) * sum of squares of the "
                    + "end-to-end dense matrices and their biases; 0 for none").atLeast(0),
            ParamSpec.ofDouble(LR, 0.01, "learning rate of the first epoch").greaterThan(0),
            ParamSpec.ofDouble(LR_DECAY, 0.95, "factor applied to the learning rate at the start of each later "
                    + "epoch (staircase)").greaterThan(0).atMost(1),
            ParamSpec.ofDouble(MOMENTUM, 0.9, "momentum coefficient of optimizer momentum; null for "
                    + "the other optimizers").atLeast(0).atMost(MAX_MOMENTUM).orNull(),
            ParamSpec.ofString(OPTIMIZER, "momentum", "update rule: momentum (classical), sgd or adam")
                    .oneOf("momentum", "sgd", "adam"),
            ParamSpec.ofLong(BATCH, 64L, "minibatch size in images").atLeast(1).atMost(65_536),
            ParamSpec.ofLong(EPOCHS, 10L, "passes over the training images").atLeast(1).atMost(10_000),
            ParamSpec.ofLong(SEED, 0L, "cell seed; the weights, the shuffling and the dropout masks depend on the "
                    + "sweep seed and this value only"),
            ParamSpec.ofDouble(DROPOUT, 0.5, "probability of dropping a hidden unit in training; 0 turns dropout "
                    + "off").atLeast(0).atMost(MAX_DROPOUT),
            ParamSpec.ofString(ADDED_INIT, "identity", "start of the added factors of arch overparam: identity or "
                    + "gaussian; null for arch plain").oneOf("identity", "gaussian").orNull(),
            ParamSpec.ofDouble(ADDED_INIT_STD, null, "standard deviation of the entries of the added factors for "
                    + "added_init gaussian; null for 1/sqrt(n), n the side of the factor").greaterThan(0),
            ParamSpec.ofLong(RECORD_EVERY, 50L, "iterations between curve rows").atLeast(1),
            ParamSpec.ofString(DATA_DIR, null, "folder with train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte"
                    + "[.gz], t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]; required"),
            ParamSpec.ofString(DATA_FINGERPRINT, null, "first 16 hex digits of a SHA-256 over the bytes of the four "
                    + "files in data.dir, recorded by run and not written in sweep files"),
            ParamSpec.ofLong(TRAIN_SIZE, null, "training images to use, taken in file order after the validation "
                    + "images; null for all of them").atLeast(1),
            ParamSpec.ofLong(VALIDATION_SIZE, 0L, "images held out from the start of the training file and "
                    + "evaluated every epoch as val_acc; 0 for none").atLeast(0),
            ParamSpec.ofLong(THREADS, null, "nd4j threads; null follows the cores of the Spark task "
                    + "(spark.task.cpus), or the machine's outside Spark").atLeast(1).atMost(4096));

    private static final List<ColumnSpec> CURVE_COLUMNS = List.of(
            ColumnSpec.ofLong("epoch", "1-based epoch of the step"),
            ColumnSpec.ofDouble("loss", "ce + reg, mean over the minibatches since the previous row"),
            ColumnSpec.ofDouble("ce", "mean softmax cross-entropy of the training minibatches since the previous "
                    + "row, with dropout, before each update"),
            ColumnSpec.ofDouble("reg", "lambda * (1/2) * sum of squares of the end-to-end dense matrices and "
                    + "biases, mean over the same minibatches"),
            ColumnSpec.ofDouble("train_acc", "fraction of the training images of those minibatches classified "
                    + "correctly, with dropout"),
            ColumnSpec.ofDouble("lr", "learning rate of the step"),
            ColumnSpec.ofDouble("test_acc", "accuracy on the test images without dropout; at the last step of "
                    + "each epoch, null elsewhere"),
            ColumnSpec.ofDouble("val_acc", "accuracy on the validation images; at the last step of each epoch, "
                    + "null elsewhere or without validation images"),
            ColumnSpec.ofDouble("fc1_norm", "Frobenius norm of the end-to-end hidden-layer matrix [3136, 512]; "
                    + "at the last step of each epoch, null elsewhere"),
            ColumnSpec.ofDouble("fc2_norm", "Frobenius norm of the end-to-end output-layer matrix [512, 10]; "
                    + "at the last step of each epoch, null elsewhere"));

    private static final List<ColumnSpec> RESULT_COLUMNS = List.of(
            ColumnSpec.ofDouble("final_test_acc", "test accuracy after the last epoch"),
            ColumnSpec.ofDouble("final_val_acc", "validation accuracy after the last epoch, null without "
                    + "validation images"),
            ColumnSpec.ofDouble("final_ce", "ce of the last curve row"),
            ColumnSpec.ofDouble("final_reg", "reg of the last curve row"),
            ColumnSpec.ofLong("parameter_count", "trainable parameters of the network"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<ColumnSpec> curveColumns() {
        return CURVE_COLUMNS;
    }

    @Override
    public List<ColumnSpec> resultColumns() {
        return RESULT_COLUMNS;
    }

    /**
     * Requires {@code data.dir} and rejects {@code data.fingerprint}, which {@link #withInputFingerprints} sets. Sets
     * {@code added_init} and {@code added_init_std} to null for arch plain and the
     * std to null for the identity, and {@code momentum} to null for the other optimizers; rejects a null momentum
     * for optimizer momentum and a {@code train_size} smaller than {@code batch}.
     */
    @Override
    public SortedMap<String, Object> normalize(SortedMap<String, Object> values) {
        SortedMap<String, Object> out = new TreeMap<>(values);
        if (out.get(DATA_DIR) == null) {
            throw new SweepSpecException("data.dir is not set: give the folder of the MNIST IDX files with "
                    + "--set data.dir=DIR on the command line or data.dir = DIR in the sweep file");
        }
        if (out.get(DATA_FINGERPRINT) != null) {
            throw new SweepSpecException(DATA_FINGERPRINT + " is computed by run from the files in " + DATA_DIR
                    + ", so a sweep cannot set it; remove the key");
        }
        if ("plain".equals(out.get(ARCH))) {
            out.put(ADDED_INIT, null);
            out.put(ADDED_INIT_STD, null);
        } else if (out.get(ADDED_INIT) == null) {
            out.put(ADDED_INIT, "identity");
        }
        if ("identity".equals(out.get(ADDED_INIT))) {
            out.put(ADDED_INIT_STD, null);
        }
        if ("momentum".equals(out.get(OPTIMIZER))) {
            Object momentum = out.get(MOMENTUM);
            if (momentum == null) {
                throw new SweepSpecException("optimizer momentum needs a momentum coefficient, got null; "
                        + "set momentum = 0.9 for example");
            }
        } else {
            out.put(MOMENTUM, null);
        }
        Object trainSize = out.get(TRAIN_SIZE);
        long batch = ((Number) out.get(BATCH)).longValue();
        if (trainSize != null && ((Number) trainSize).longValue() < batch) {
            throw new SweepSpecException("train_size " + trainSize + " is smaller than batch " + batch
                    + "; an epoch needs at least one full minibatch, so raise train_size or lower batch");
        }
        return out;
    }

    /**
     * Estimates the seconds of one cell on one core from the images processed. The rates are estimates from runs on a
     * 2-core x86-64 machine: 450 training images per second for arch plain and for overparam at lambda 0, and 220
     * for overparam with the penalty, which forms the 3136 x 512 product. Evaluation adds 2,000 images per second.
     * The driver only compares estimates.
     */
    @Override
    public double estimatedSeconds(Cell cell) {
        Object trainSize = cell.get(TRAIN_SIZE);
        double images = trainSize == null ? 60_000 : ((Number) trainSize).doubleValue();
        double epochs = cell.getLong(EPOCHS);
        boolean product = "overparam".equals(cell.getString(ARCH)) && cell.getDouble(LAMBDA) > 0;
        double trainingRate = product ? 220 : 450;
        return epochs * (images / trainingRate + 12_000 / 2_000.0);
    }

    @Override
    public CellOutcome run(Cell cell, CurveRecorder recorder) {
        return MnistTrainer.run(cell.cellId(), MnistSettings.of(cell), recorder);
    }

    /**
     * Reads the images and labels of every distinct {@code data.dir}, once per training subset and batch size, as a
     * cell would, so that a missing folder or file, a corrupt file or a {@code train_size} larger than the data fails
     * before Spark starts.
     */
    @Override
    public void checkInputs(List<Cell> cells) {
        Set<List<Object>> checked = new HashSet<>();
        for (Cell cell : cells) {
            MnistSettings settings = MnistSettings.of(cell);
            List<Object> key = Arrays.asList(settings.dataDir(), settings.trainSize(), settings.validationSize(),
                    settings.batch());
            if (!checked.add(key)) {
                continue;
            }
            try {
                MnistTrainer.load(settings);
            } catch (RuntimeException e) {
                // The message names the parameter, the path and the fix.
                throw new SweepSpecException(e.getMessage());
            }
        }
    }

    /**
     * Sets data.fingerprint of each cell to the fingerprint of the four IDX files in its data.dir
     * ({@link FileFingerprint#of(List)}), hashing each distinct folder once. Every byte is hashed: four random
     * files of the uncompressed full-MNIST sizes (55 MB) took 0.21 s in a fresh JVM and 0.07 s once warm, with
     * OpenJDK 17 on a 2-core AMD EPYC machine with SHA extensions.
     *
     * <p>NOTE: the fingerprint is taken on the driver. An executor that reads another copy of the folder, or files
     * changed after this call, computes rows that the fingerprint does not describe.
     */
    @Override
    public List<Cell> withInputFingerprints(List<Cell> cells) {
        Map<String, String> fingerprints = new HashMap<>();
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            String folder = cell.getString(DATA_DIR);
            String fingerprint = fingerprints.get(folder);
            if (fingerprint == null) {
                try {
                    fingerprint = FileFingerprint.of(MnistFiles.dataFiles(Path.of(folder)));
                } catch (IOException e) {
                    throw new SweepSpecException(DATA_DIR + " = " + folder + ": cannot read the IDX files to "
                            + "fingerprint them: " + e + ". Fix: make the files readable, or set " + DATA_DIR
                            + " to another folder.");
                }
                fingerprints.put(folder, fingerprint);
            }
            SortedMap<String, Object> values = new TreeMap<>(cell.values());
            values.put(DATA_FINGERPRINT, fingerprint);
            out.add(new Cell(cell.experiment(), cell.sweepSeed(), values));
        }
        return out;
    }
}
