package org.depthsweep.report;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;

/**
 * An experiment kind with the parameters and curve columns of the MNIST experiment ({@code arch}, {@code lambda};
 * {@code loss}, {@code ce}, {@code reg}, {@code train_acc}, {@code test_acc}), so the MNIST figures can be tested on
 * synthetic tables. Its cells are written by tests, never run.
 */
final class MnistFixtureExperiment implements Experiment {
    static final String NAME = "mnist-fixture";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.ofString("arch", "plain", "network: plain or overparam").oneOf("plain", "overparam"),
            ParamSpec.ofDouble("lambda", 0.0, "weight of the regularizer").atLeast(0),
            ParamSpec.ofDouble("lr", 0.1, "learning rate").greaterThan(0),
            ParamSpec.ofLong("seed", 0L, "cell seed"));

    private static final List<ColumnSpec> CURVE_COLUMNS = List.of(
            ColumnSpec.ofDouble("loss", "cross-entropy plus regularizer"),
            ColumnSpec.ofDouble("ce", "training cross-entropy"),
            ColumnSpec.ofDouble("reg", "regularizer term"),
            ColumnSpec.ofDouble("train_acc", "training accuracy"),
            ColumnSpec.ofDouble("test_acc", "test accuracy, recorded at the end of each epoch"));

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
    public SortedMap<String, Object> normalize(SortedMap<String, Object> values) {
        return new TreeMap<>(values);
    }

    @Override
    public CellOutcome run(Cell cell, CurveRecorder recorder) {
        throw new UnsupportedOperationException("the MNIST fixture is written by tests, never run");
    }
}
