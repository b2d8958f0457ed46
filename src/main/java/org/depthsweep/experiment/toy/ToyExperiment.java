package org.depthsweep.experiment.toy;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.SweepSpecException;

/**
 * The two-point l_p regression problem: inputs e1 and e2 with targets y1 and y2, so the end-to-end weight is
 * w in R^2, the loss is {@code L = (1/p) * sum_i |w_i - y_i|^p} and the error is {@code ||w - y||_2}.
 *
 * <p>Forms: {@code plain} (depth 1, gradient descent on w), {@code scalar} (depth 2, w = s * m with scalar s) and
 * {@code chain} (depth N >= 2, w = W_N ... W_1 with hidden width k). Every factor is updated simultaneously by
 * full-batch gradient descent from the same old values.
 */
public final class ToyExperiment implements Experiment {
    public static final String NAME = "toy";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.ofDouble("p", 4.0, "exponent of the l_p loss").greaterThan(1),
            ParamSpec.ofDouble("lr", 0.01, "learning rate of gradient descent").greaterThan(0),
            ParamSpec.ofLong("depth", 1L, "number of factors in the end-to-end weight").atLeast(1).atMost(1000),
            ParamSpec.ofString("form", "scalar", "factorization at depth >= 2: scalar (depth 2 only) or chain")
                    .oneOf("plain", "scalar", "chain"),
            ParamSpec.ofLong("width", 2L, "hidden width k of the chain form").atLeast(1).atMost(4096),
            ParamSpec.ofString("init", "zero", "initialization: zero, small (Gaussian) or balanced")
                    .oneOf("zero", "small", "balanced"),
            ParamSpec.ofDouble("init_scale", 0.01, "standard deviation of the Gaussian draws of init small and "
                    + "balanced").atLeast(0),
            ParamSpec.ofLong("seed", 0L, "cell seed; the random draws depend on the sweep seed and this value only"),
            ParamSpec.ofLong("steps", 1_000_000L, "gradient steps to run").atLeast(0),
            ParamSpec.ofDouble("y1", 1.0, "target of input e1"),
            ParamSpec.ofDouble("y2", 0.5, "target of input e2"),
            ParamSpec.ofDouble("target_error", null, "stop early once the error is at most this value")
                    .greaterThan(0),
            ParamSpec.ofDouble("divergence_factor", 1e6, "stop as diverged once the error exceeds this multiple "
                    + "of the initial error").greaterThan(1),
            ParamSpec.ofLong("points_per_decade", 50L, "curve rows per decade of steps").atLeast(1).atMost(10_000));

    /** Largest depth * width^2 of a chain, so one cell's matrices fit in a default executor heap. */
    static final long MAX_CHAIN_ENTRIES = 16_000_000L;

    private static final List<ColumnSpec> CURVE_COLUMNS = List.of(
            ColumnSpec.ofDouble("loss", "(1/p) * sum_i |w_i - y_i|^p"),
            ColumnSpec.ofDouble("error", "||w - y||_2"),
            ColumnSpec.ofDouble("scale", "product of every factor above W_1: s for the scalar form, the Frobenius "
                    + "norm of W_N ... W_2 for chains, null at depth 1"));

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

    /**
     * Sets {@code form = plain} at depth 1 and {@code width = null} outside chains, and rejects a plain form at
     * depth >= 2, a scalar form at a depth other than 2 and a chain with more than {@link #MAX_CHAIN_ENTRIES}
     * factor entries.
     */
    @Override
    public SortedMap<String, Object> normalize(SortedMap<String, Object> values) {
        SortedMap<String, Object> out = new TreeMap<>(values);
        long depth = (Long) out.get("depth");
        String form = (String) out.get("form");
        if (depth == 1) {
            out.put("form", "plain");
        } else if ("plain".equals(form)) {
            throw new SweepSpecException("form 'plain' needs depth 1, got depth " + depth
                    + "; use form scalar (depth 2) or chain");
        } else if ("scalar".equals(form) && depth != 2) {
            throw new SweepSpecException("form 'scalar' needs depth 2, got depth " + depth
                    + "; use form chain for depth " + depth);
        }
        if (!"chain".equals(out.get("form"))) {
            out.put("width", null);
        } else {
            long width = (Long) out.get("width");
            // The chain keeps each factor, its gradient and the prefix and suffix products: about 4 copies.
            double entries = (double) depth * width * width;
            if (!(entries <= MAX_CHAIN_ENTRIES)) {
                throw new SweepSpecException("a chain of depth " + depth + " and width " + width + " has "
                        + String.format("%.3g", entries) + " factor entries, more than the limit of "
                        + MAX_CHAIN_ENTRIES + " (about 0.5 GB of doubles with gradients); use a smaller depth "
                        + "or width");
            }
        }
        return out;
    }

    /**
     * Estimates the run time from the step count: about 4 ns per step at depth 1, 8 ns for the scalar form and
     * 3 ns per multiply-add of the chain's O(depth * width^2) gradient, as measured on a 2-core x86-64 machine.
     */
    @Override
    public double estimatedSeconds(Cell cell) {
        double steps = cell.getLong("steps");
        String form = cell.getString("form");
        double nanosPerStep;
        if ("plain".equals(form)) {
            nanosPerStep = 4;
        } else if ("scalar".equals(form)) {
            nanosPerStep = 8;
        } else {
            double width = ((Number) cell.get("width")).doubleValue();
            nanosPerStep = 3 * (cell.getLong("depth") * width * width + 4 * width);
        }
        return 1e-6 + steps * nanosPerStep * 1e-9;
    }

    @Override
    public CellOutcome run(Cell cell, CurveRecorder recorder) {
        return ToyRunner.run(ToyProblem.of(cell), recorder);
    }
}
