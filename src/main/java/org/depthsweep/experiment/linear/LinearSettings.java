package org.depthsweep.experiment.linear;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.depthsweep.data.CsvRegression;
import org.depthsweep.data.RegressionData;
import org.depthsweep.data.SyntheticRegression;
import org.depthsweep.optim.AdaDelta;
import org.depthsweep.optim.AdaGrad;
import org.depthsweep.optim.Adam;
import org.depthsweep.optim.GradientDescent;
import org.depthsweep.optim.Momentum;
import org.depthsweep.optim.UpdateRule;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.CellIds;

/** Typed settings of one linear cell, read from its normalized values. */
record LinearSettings(double p, double lr, int depth, Integer width, String optimizer, String init, Double initScale,
                      double weightDecay, Cell cell, long steps, Double targetLoss, double divergenceFactor,
                      int pointsPerDecade) {

    static LinearSettings of(Cell cell) {
        Object width = cell.get(LinearExperiment.WIDTH);
        return new LinearSettings(cell.getDouble(LinearExperiment.P), cell.getDouble(LinearExperiment.LR),
                (int) cell.getLong(LinearExperiment.DEPTH), width == null ? null : (int) ((Number) width).longValue(),
                cell.getString(LinearExperiment.OPTIMIZER), cell.getString(LinearExperiment.INIT),
                cell.getDoubleOrNull(LinearExperiment.INIT_SCALE), cell.getDouble(LinearExperiment.WEIGHT_DECAY),
                cell, cell.getLong(LinearExperiment.STEPS), cell.getDoubleOrNull(LinearExperiment.TARGET_LOSS),
                cell.getDouble(LinearExperiment.DIVERGENCE_FACTOR),
                (int) cell.getLong(LinearExperiment.POINTS_PER_DECADE));
    }

    boolean endToEnd() {
        return LinearExperiment.E2E.equals(optimizer);
    }

    /** Returns the init scale, or 0 for the identity init, which does not use one. */
    double scale() {
        return initScale == null ? 0.0 : initScale;
    }

    /**
     * Returns the layer dimensions d_0 .. d_N for data with d features and k outputs. The end-to-end rule from a
     * balanced start does not depend on the width, which normalize() clears for it; min(d, k), the smallest width that
     * admits a balanced start, is used instead.
     */
    int[] dims(int features, int outputs) {
        int[] dims = new int[depth + 1];
        dims[0] = features;
        for (int j = 1; j < depth; j++) {
            dims[j] = width == null ? Math.min(features, outputs) : width;
        }
        dims[depth] = outputs;
        return dims;
    }

    /** Returns a generator for the initial draws: {@code new SplittableRandom(cell.derivedSeed())}. */
    SplittableRandom initRandom() {
        return new SplittableRandom(cell.derivedSeed());
    }

    /**
     * Loads the cell's data through the per-JVM cache. Synthetic data is drawn with the first long of the split of
     * {@code SplittableRandom(derivedSeed(sweep seed, data.seed))}, a stream apart from the init draws even when
     * data.seed equals the cell's seed.
     */
    RegressionData data() {
        if (LinearExperiment.CSV.equals(cell.getString(LinearExperiment.DATA_SOURCE))) {
            List<String> targets = new ArrayList<>();
            for (String name : cell.getString(LinearExperiment.DATA_TARGET).split(",")) {
                targets.add(name.strip());
            }
            return DataSets.csv(new CsvRegression(Path.of(cell.getString(LinearExperiment.DATA_PATH)), targets,
                    flag(LinearExperiment.DATA_HEADER), flag(LinearExperiment.DATA_STANDARDIZE),
                    flag(LinearExperiment.DATA_WHITEN), flag(LinearExperiment.DATA_STANDARDIZE_TARGETS)));
        }
        long dataSeed = new SplittableRandom(CellIds.derivedSeed(cell.sweepSeed(),
                cell.getLong(LinearExperiment.DATA_SEED))).split().nextLong();
        return DataSets.synthetic(new SyntheticRegression((int) cell.getLong(LinearExperiment.DATA_SAMPLES),
                (int) cell.getLong(LinearExperiment.DATA_FEATURES), (int) cell.getLong(LinearExperiment.DATA_OUTPUTS),
                cell.getDouble(LinearExperiment.DATA_CONDITION), cell.getDouble(LinearExperiment.DATA_NOISE),
                dataSeed));
    }

    /** Creates the update rule on the factors; not used for the end-to-end rule. */
    UpdateRule updateRule() {
        switch (optimizer) {
            case LinearExperiment.GD:
                return new GradientDescent(lr);
            case LinearExperiment.MOMENTUM:
                return new Momentum(lr, cell.getDouble(LinearExperiment.MOMENTUM_BETA),
                        flag(LinearExperiment.MOMENTUM_NESTEROV));
            case LinearExperiment.ADAGRAD:
                return new AdaGrad(lr, cell.getDouble(LinearExperiment.ADAGRAD_EPS));
            case LinearExperiment.ADADELTA:
                return new AdaDelta(lr, cell.getDouble(LinearExperiment.ADADELTA_RHO),
                        cell.getDouble(LinearExperiment.ADADELTA_EPS));
            case LinearExperiment.ADAM:
                return new Adam(lr, cell.getDouble(LinearExperiment.ADAM_BETA1),
                        cell.getDouble(LinearExperiment.ADAM_BETA2), cell.getDouble(LinearExperiment.ADAM_EPS));
            default:
                throw new IllegalArgumentException("optimizer '" + optimizer + "' has no update rule on the factors");
        }
    }

    private boolean flag(String name) {
        return Boolean.TRUE.equals(cell.get(name));
    }
}
