package org.depthsweep.experiment.mnist;

import java.nio.file.Path;

import org.depthsweep.sweep.Cell;

/**
 * The typed parameters of one mnist training run, as {@link MnistExperiment} declares them.
 *
 * @param arch           plain or overparameterized dense layers
 * @param lambda         weight of the L2 penalty, at least 0
 * @param learningRate   learning rate of the first epoch
 * @param learningDecay  factor applied to the learning rate at the start of every later epoch (staircase)
 * @param momentum       momentum coefficient of {@link OptimizerKind#MOMENTUM}, null for the other rules
 * @param optimizer      the update rule
 * @param batch          minibatch size
 * @param epochs         passes over the training images
 * @param seed           seed of the weights, the shuffling and the dropout masks
 * @param dropout        probability of dropping a hidden unit in training, 0 for none
 * @param addedStd       standard deviation of the entries of the added factors, or null for the identity
 * @param recordEvery    iterations between curve rows
 * @param dataDir        folder of the four IDX files
 * @param trainSize      training images to use, null for all that remain after the validation split
 * @param validationSize images held out from the start of the training file for validation, 0 for none
 * @param threads        nd4j threads, null to follow the cores of the Spark task or of the machine
 */
public record MnistSettings(Arch arch, double lambda, double learningRate, double learningDecay, Double momentum,
                            OptimizerKind optimizer, int batch, int epochs, long seed, double dropout, Double addedStd,
                            int recordEvery, Path dataDir, Integer trainSize, int validationSize, Long threads) {

    /** Reads the settings of a normalized mnist cell; the seed is the cell's derived seed. */
    public static MnistSettings of(Cell cell) {
        String addedInit = (String) cell.get(MnistExperiment.ADDED_INIT);
        Double addedStd = null;
        if ("gaussian".equals(addedInit)) {
            addedStd = cell.getDoubleOrNull(MnistExperiment.ADDED_INIT_STD);
        }
        Object trainSize = cell.get(MnistExperiment.TRAIN_SIZE);
        Object threads = cell.get(MnistExperiment.THREADS);
        Object momentum = cell.get(MnistExperiment.MOMENTUM);
        return new MnistSettings(
                Arch.parse(cell.getString(MnistExperiment.ARCH)),
                cell.getDouble(MnistExperiment.LAMBDA),
                cell.getDouble(MnistExperiment.LR),
                cell.getDouble(MnistExperiment.LR_DECAY),
                momentum == null ? null : ((Number) momentum).doubleValue(),
                OptimizerKind.parse(cell.getString(MnistExperiment.OPTIMIZER)),
                Math.toIntExact(cell.getLong(MnistExperiment.BATCH)),
                Math.toIntExact(cell.getLong(MnistExperiment.EPOCHS)),
                cell.derivedSeed(),
                cell.getDouble(MnistExperiment.DROPOUT),
                addedStd,
                Math.toIntExact(cell.getLong(MnistExperiment.RECORD_EVERY)),
                Path.of(cell.getString(MnistExperiment.DATA_DIR)),
                trainSize == null ? null : Math.toIntExact(((Number) trainSize).longValue()),
                Math.toIntExact(cell.getLong(MnistExperiment.VALIDATION_SIZE)),
                threads == null ? null : ((Number) threads).longValue());
    }

    /** Returns the learning rate of a 1-based epoch: {@code learningRate * learningDecay^(epoch - 1)}. */
    public double learningRate(int epoch) {
        return learningRate * Math.pow(learningDecay, epoch - 1);
    }
}
