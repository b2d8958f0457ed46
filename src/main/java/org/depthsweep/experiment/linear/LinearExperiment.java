package org.depthsweep.experiment.linear;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.depthsweep.data.FileFingerprint;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.ColumnSpec;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.Experiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.depthsweep.sweep.SweepSpecException;

/**
 * Deep linear networks on l_p regression, after the linear-network experiments of Arora, Cohen and Hazan, "On the
 * Optimization of Deep Networks: Implicit Acceleration by Overparameterization" (ICML 2018).
 *
 * <p>The model is the end-to-end matrix {@code W = W_N ... W_1} (k x d) of a depth-N network with hidden width
 * {@code width}, and the loss is {@code L(W) = (1/(p n)) sum_i sum_o |(W x_i - y_i)_o|^p}, a mean over the n samples.
 * The optimizer axis chooses how W moves: {@code gd}, {@code momentum}, {@code adagrad}, {@code adadelta} and
 * {@code adam} update the factors W_1 .. W_N with the gradient of the loss plus the weight-decay penalty
 * {@code (weight_decay / 2) sum_j ||W_j||_F^2}; {@code e2e} updates W directly with the end-to-end rule of depth N
 * ({@link org.depthsweep.optim.EndToEndRule}). At depth 1 every optimizer acts on W itself, and e2e equals gd.
 *
 * <p>The curve columns are {@code loss}, {@code error} ({@code ||W - W*||_F} where W* is known, null otherwise),
 * {@code e2e_norm} ({@code ||W||_F}) and {@code balancedness} ({@code max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F}, null
 * without factor pairs). W* is known for noise-free synthetic data (every p) and, as the least-squares solution, for
 * noisy synthetic and CSV data at p = 2.
 */
public final class LinearExperiment implements Experiment {
    public static final String NAME = "linear";

    public static final String P = "p";
    public static final String LR = "lr";
    public static final String DEPTH = "depth";
    public static final String WIDTH = "width";
    public static final String OPTIMIZER = "optimizer";
    public static final String INIT = "init";
    public static final String INIT_SCALE = "init_scale";
    public static final String WEIGHT_DECAY = "weight_decay";
    public static final String MOMENTUM_BETA = "momentum.beta";
    public static final String MOMENTUM_NESTEROV = "momentum.nesterov";
    public static final String ADAGRAD_EPS = "adagrad.eps";
    public static final String ADADELTA_RHO = "adadelta.rho";
    public static final String ADADELTA_EPS = "adadelta.eps";
    public static final String ADAM_BETA1 = "adam.beta1";
    public static final String ADAM_BETA2 = "adam.beta2";
    public static final String ADAM_EPS = "adam.eps";
    public static final String SEED = "seed";
    public static final String STEPS = "steps";
    public static final String TARGET_LOSS = "target_loss";
    public static final String DIVERGENCE_FACTOR = "divergence_factor";
    public static final String POINTS_PER_DECADE = "points_per_decade";
    public static final String DATA_SOURCE = "data.source";
    public static final String DATA_SAMPLES = "data.samples";
    public static final String DATA_FEATURES = "data.features";
    public static final String DATA_OUTPUTS = "data.outputs";
    public static final String DATA_CONDITION = "data.condition";
    public static final String DATA_NOISE = "data.noise";
    public static final String DATA_SEED = "data.seed";
    public static final String DATA_PATH = "data.path";
    public static final String DATA_TARGET = "data.target";
    public static final String DATA_HEADER = "data.header";
    public static final String DATA_STANDARDIZE = "data.standardize";
    public static final String DATA_WHITEN = "data.whiten";
    public static final String DATA_STANDARDIZE_TARGETS = "data.standardize_targets";
    public static final String DATA_FINGERPRINT = "data.fingerprint";

    public static final String GD = "gd";
    public static final String E2E = "e2e";
    public static final String MOMENTUM = "momentum";
    public static final String ADAGRAD = "adagrad";
    public static final String ADADELTA = "adadelta";
    public static final String ADAM = "adam";
    public static final String SYNTHETIC = "synthetic";
    public static final String CSV = "csv";

    /** Result column: the step at which the loss first reached target_loss; null when it did not. */
    public static final String STEPS_TO_TARGET = "steps_to_target";
    public static final String INITIAL_LOSS = "initial_loss";
    public static final String OPTIMUM_LOSS = "optimum_loss";
    public static final String FINAL_E2E_NORM = "final_e2e_norm";
    public static final String FINAL_BALANCEDNESS = "final_balancedness";

    /** Parameters of one optimizer each; normalize() clears those the cell's optimizer does not use. */
    public static final Set<String> OPTIMIZER_SETTINGS = Set.of(MOMENTUM_BETA, MOMENTUM_NESTEROV, ADAGRAD_EPS,
            ADADELTA_RHO, ADADELTA_EPS, ADAM_BETA1, ADAM_BETA2, ADAM_EPS);

    static final List<String> SYNTHETIC_SETTINGS = List.of(DATA_SAMPLES, DATA_FEATURES, DATA_OUTPUTS,
            DATA_CONDITION, DATA_NOISE, DATA_SEED);
    static final List<String> CSV_SETTINGS = List.of(DATA_PATH, DATA_TARGET, DATA_HEADER, DATA_STANDARDIZE,
            DATA_WHITEN, DATA_STANDARDIZE_TARGETS);

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.ofDouble(P, 4.0, "exponent of the l_p loss").greaterThan(1),
            ParamSpec.ofDouble(LR, 0.01, "learning rate").greaterThan(0),
            ParamSpec.ofLong(DEPTH, 1L, "number of factors N of the end-to-end matrix").atLeast(1).atMost(100),
            ParamSpec.ofLong(WIDTH, 10L, "hidden width of the network at depth >= 2").atLeast(1).atMost(4096)
                    .orNull(),
            ParamSpec.ofString(OPTIMIZER, GD, "update rule: gd, momentum, adagrad, adadelta or adam on the factors, "
                    + "or e2e (the end-to-end rule of depth N on W)").oneOf(GD, E2E, MOMENTUM, ADAGRAD, ADADELTA, ADAM),
            ParamSpec.ofString(INIT, Initialization.BALANCED, "initialization: small (Gaussian), balanced, identity "
                    + "or orthogonal").oneOf(Initialization.SMALL, Initialization.BALANCED, Initialization.IDENTITY,
                    Initialization.ORTHOGONAL),
            ParamSpec.ofDouble(INIT_SCALE, 0.01, "standard deviation of the Gaussian draws of init small and "
                    + "balanced, and the gain of init orthogonal").atLeast(0).orNull(),
            ParamSpec.ofDouble(WEIGHT_DECAY, 0.0, "L2 penalty (weight_decay / 2) * sum_j ||W_j||_F^2 on the factors")
                    .atLeast(0),
            ParamSpec.ofDouble(MOMENTUM_BETA, 0.9, "momentum coefficient of optimizer momentum").atLeast(0)
                    .atMost(0.999999).orNull(),
            ParamSpec.ofBoolean(MOMENTUM_NESTEROV, false, "Nesterov momentum instead of heavy ball").orNull(),
            ParamSpec.ofDouble(ADAGRAD_EPS, 1e-10, "constant added to the root in AdaGrad's denominator")
                    .greaterThan(0).orNull(),
            ParamSpec.ofDouble(ADADELTA_RHO, 0.95, "decay of AdaDelta's running averages").atLeast(0)
                    .atMost(0.999999).orNull(),
            ParamSpec.ofDouble(ADADELTA_EPS, 1e-6, "constant inside AdaDelta's roots").greaterThan(0).orNull(),
            ParamSpec.ofDouble(ADAM_BETA1, 0.9, "decay of Adam's first moment").atLeast(0).atMost(0.999999)
                    .orNull(),
            ParamSpec.ofDouble(ADAM_BETA2, 0.999, "decay of Adam's second moment").atLeast(0).atMost(0.999999)
                    .orNull(),
            ParamSpec.ofDouble(ADAM_EPS, 1e-8, "constant added to the root in Adam's denominator").greaterThan(0)
                    .orNull(),
            ParamSpec.ofLong(SEED, 0L, "cell seed; the init draws depend on the sweep seed and this value only"),
            ParamSpec.ofLong(STEPS, 10_000L, "updates to run").atLeast(0),
            ParamSpec.ofDouble(TARGET_LOSS, null, "stop early once the loss is at most this value").greaterThan(0),
            ParamSpec.ofDouble(DIVERGENCE_FACTOR, 1e6, "stop as diverged once the loss exceeds this multiple of "
                    + "the initial loss").greaterThan(1),
            ParamSpec.ofLong(POINTS_PER_DECADE, 50L, "curve rows per decade of steps").atLeast(1).atMost(10_000),
            ParamSpec.ofString(DATA_SOURCE, SYNTHETIC, "data: synthetic or csv").oneOf(SYNTHETIC, CSV),
            ParamSpec.ofLong(DATA_SAMPLES, 500L, "synthetic: number of samples n").atLeast(1).atMost(10_000_000)
                    .orNull().readOnlyWhen(DATA_SOURCE, SYNTHETIC),
            ParamSpec.ofLong(DATA_FEATURES, 20L, "synthetic: number of features d").atLeast(1).atMost(100_000)
                    .orNull().readOnlyWhen(DATA_SOURCE, SYNTHETIC),
            ParamSpec.ofLong(DATA_OUTPUTS, 1L, "synthetic: number of outputs k").atLeast(1).atMost(100_000)
                    .orNull().readOnlyWhen(DATA_SOURCE, SYNTHETIC),
            ParamSpec.ofDouble(DATA_CONDITION, 10.0, "synthetic: condition number of X").atLeast(1).orNull()
                    .readOnlyWhen(DATA_SOURCE, SYNTHETIC),
            ParamSpec.ofDouble(DATA_NOISE, 0.0, "synthetic: standard deviation of the target noise; 0 makes the "
                    + "data realizable").atLeast(0).orNull()
                    .readOnlyWhen(DATA_SOURCE, SYNTHETIC),
            ParamSpec.ofLong(DATA_SEED, 0L, "synthetic: data seed; the data depend on the sweep seed and this value "
                    + "only").orNull()
                    .readOnlyWhen(DATA_SOURCE, SYNTHETIC),
            ParamSpec.ofString(DATA_PATH, null, "csv: path of the CSV file")
                    .readOnlyWhen(DATA_SOURCE, CSV),
            ParamSpec.ofString(DATA_TARGET, null, "csv: target column names, comma-separated (0-based indices when "
                    + "the file has no header)")
                    .readOnlyWhen(DATA_SOURCE, CSV),
            ParamSpec.ofBoolean(DATA_HEADER, true, "csv: the first line names the columns").orNull()
                    .readOnlyWhen(DATA_SOURCE, CSV),
            ParamSpec.ofBoolean(DATA_STANDARDIZE, true, "csv: scale each feature to mean 0 and variance 1").orNull()
                    .readOnlyWhen(DATA_SOURCE, CSV),
            ParamSpec.ofBoolean(DATA_WHITEN, false, "csv: PCA-whiten the features").orNull()
                    .readOnlyWhen(DATA_SOURCE, CSV),
            ParamSpec.ofBoolean(DATA_STANDARDIZE_TARGETS, false, "csv: scale each target to mean 0 and variance 1")
                    .orNull().readOnlyWhen(DATA_SOURCE, CSV),
            ParamSpec.ofString(DATA_FINGERPRINT, null, "csv: first 16 hex digits of the SHA-256 of the file's bytes, "
                    + "recorded by run and not written in sweep files"));

    private static final List<ColumnSpec> CURVE_COLUMNS = List.of(
            ColumnSpec.ofDouble("loss", "(1/(p n)) * sum_i sum_o |(W x_i - y_i)_o|^p"),
            ColumnSpec.ofDouble("error", "||W - W*||_F, null when W* is not known"),
            ColumnSpec.ofDouble("e2e_norm", "||W||_F of the end-to-end matrix"),
            ColumnSpec.ofDouble("balancedness", "max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F, null at depth 1 and for "
                    + "e2e"));

    private static final List<ColumnSpec> RESULT_COLUMNS = List.of(
            ColumnSpec.ofLong(STEPS_TO_TARGET, "first step with loss <= target_loss, null when not reached"),
            ColumnSpec.ofDouble(INITIAL_LOSS, "loss at step 0"),
            ColumnSpec.ofDouble(OPTIMUM_LOSS, "loss at W*, null when W* is not known"),
            ColumnSpec.ofDouble(FINAL_E2E_NORM, "||W||_F at the last step"),
            ColumnSpec.ofDouble(FINAL_BALANCEDNESS, "balancedness at the last step, null at depth 1 and for e2e"));

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
     * Clears the values that do not change a cell's rows and rejects combinations that cannot run:
     * <ul>
     *   <li>width is cleared at depth 1, and for e2e from a balanced start, which is the same matrix at every
     *       width;</li>
     *   <li>init_scale is cleared for init identity, and must be set otherwise;</li>
     *   <li>the settings of the optimizers other than the cell's are cleared, and the cell's own must be set;</li>
     *   <li>the synthetic settings are cleared for csv data and the csv settings for synthetic data;</li>
     *   <li>depth >= 2 with init_scale 0 is rejected, because neither gradient descent from all-zero factors nor the
     *       e2e rule from W = 0 ever moves;</li>
     *   <li>data.fingerprint is rejected, because {@link #withInputFingerprints} sets it;</li>
     *   <li>synthetic data needs data.samples >= data.features, and init balanced needs width >= min(data.outputs,
     *       data.features); csv data needs data.path and data.target.</li>
     * </ul>
     */
    @Override
    public SortedMap<String, Object> normalize(SortedMap<String, Object> values) {
        SortedMap<String, Object> out = new TreeMap<>(values);
        long depth = (Long) out.get(DEPTH);
        String optimizer = (String) out.get(OPTIMIZER);
        String init = (String) out.get(INIT);

        if (depth == 1 || E2E.equals(optimizer) && Initialization.BALANCED.equals(init)) {
            out.put(WIDTH, null);
        } else {
            require(out, WIDTH, "depth " + depth);
        }
        if (Initialization.IDENTITY.equals(init)) {
            out.put(INIT_SCALE, null);
        } else {
            double scale = (Double) require(out, INIT_SCALE, "init " + init);
            if (depth >= 2 && !(scale > 0)) {
                throw new SweepSpecException("init_scale 0 at depth " + depth + " starts at W = 0, where neither "
                        + "gradient descent on all-zero factors nor the e2e rule ever moves; set init_scale > 0");
            }
        }
        for (String setting : OPTIMIZER_SETTINGS) {
            if (setting.startsWith(optimizer + ".")) {
                require(out, setting, "optimizer " + optimizer);
            } else {
                out.put(setting, null);
            }
        }

        if (out.get(DATA_FINGERPRINT) != null) {
            throw new SweepSpecException(DATA_FINGERPRINT + " is computed by run from the bytes of the file at "
                    + DATA_PATH + ", so a sweep cannot set it; remove the key");
        }
        if (CSV.equals(out.get(DATA_SOURCE))) {
            for (String setting : SYNTHETIC_SETTINGS) {
                out.put(setting, null);
            }
            for (String setting : CSV_SETTINGS) {
                require(out, setting, "data.source csv");
            }
        } else {
            for (String setting : CSV_SETTINGS) {
                out.put(setting, null);
            }
            for (String setting : SYNTHETIC_SETTINGS) {
                require(out, setting, "data.source synthetic");
            }
            long samples = (Long) out.get(DATA_SAMPLES);
            long features = (Long) out.get(DATA_FEATURES);
            long outputs = (Long) out.get(DATA_OUTPUTS);
            if (samples < features) {
                throw new SweepSpecException("data.samples " + samples + " is below data.features " + features
                        + ", so the condition number of X is not defined; raise data.samples or lower data.features");
            }
            Object width = out.get(WIDTH);
            long rank = Math.min(outputs, features);
            if (Initialization.BALANCED.equals(init) && width != null && (Long) width < rank) {
                throw new SweepSpecException("init balanced needs width >= min(data.outputs, data.features) = " + rank
                        + ", got width " + width + "; raise the width or use another init");
            }
        }
        return out;
    }

    private static Object require(SortedMap<String, Object> values, String name, String reason) {
        Object value = values.get(name);
        if (value == null) {
            throw new SweepSpecException(name + " must be set for " + reason + "; give it a value or remove the line "
                    + "that sets it to null");
        }
        return value;
    }

    /**
     * Estimates a cell's seconds from its multiply-adds per step: {@code 2 n d k} for the loss and its gradient, about
     * {@code 3 k sum_j d_j d_{j-1}} for the factor products and gradients, and {@code 2 sum_j d_j d_{j-1}} for the
     * update. It counts 0.25 ns per multiply-add plus 1 microsecond per step, and 150 microseconds more per step for
     * e2e with k >= 2, which calls LAPACK every step. These are rough figures from thread CPU times on one 2-core
     * AMD EPYC machine (about 60 microseconds for a depth-3, width-100 step on 1000 x 100 data). A CSV cell is
     * estimated as 2565 x 128 with one output, the shape of the Ethanol task.
     */
    @Override
    public double estimatedSeconds(Cell cell) {
        boolean csv = CSV.equals(cell.getString(DATA_SOURCE));
        double n = csv ? 2565 : cell.getLong(DATA_SAMPLES);
        double d = csv ? 128 : cell.getLong(DATA_FEATURES);
        double k = csv ? 1 : cell.getLong(DATA_OUTPUTS);
        long depth = cell.getLong(DEPTH);
        Object widthValue = cell.get(WIDTH);
        double width = widthValue == null ? Math.min(d, k) : ((Number) widthValue).doubleValue();
        double layerProducts = 0;
        for (long j = 1; j <= depth; j++) {
            double rows = j == depth ? k : width;
            double cols = j == 1 ? d : width;
            layerProducts += rows * cols;
        }
        boolean endToEnd = E2E.equals(cell.getString(OPTIMIZER));
        double madds = 2 * n * d * k + (endToEnd ? 4 * k * d : (3 * k + 2) * layerProducts);
        double nanosPerStep = 0.25 * madds + 1_000 + (endToEnd && k >= 2 && depth >= 2 ? 150_000 : 0);
        return 1e-3 + cell.getLong(STEPS) * nanosPerStep * 1e-9;
    }

    @Override
    public CellOutcome run(Cell cell, CurveRecorder recorder) {
        return LinearRunner.run(LinearSettings.of(cell), recorder);
    }

    /**
     * Reads and preprocesses each distinct CSV data set of the cells as a cell would, so that a missing file, a
     * missing column or a non-numeric value fails before Spark starts. In local mode the executors then find the data
     * in this JVM's cache.
     */
    @Override
    public void checkInputs(List<Cell> cells) {
        Set<List<Object>> checked = new HashSet<>();
        for (Cell cell : cells) {
            if (!CSV.equals(cell.getString(DATA_SOURCE))) {
                continue;
            }
            List<Object> key = new ArrayList<>();
            for (String setting : CSV_SETTINGS) {
                key.add(cell.get(setting));
            }
            if (!checked.add(key)) {
                continue;
            }
            try {
                LinearSettings.of(cell).data();
            } catch (RuntimeException e) {
                throw new SweepSpecException(DATA_PATH + " = " + cell.get(DATA_PATH) + ", " + DATA_TARGET + " = "
                        + cell.get(DATA_TARGET) + ": " + e.getMessage() + ". Fix the file, or set " + DATA_PATH
                        + " to a CSV file of numbers whose columns include " + DATA_TARGET + ".");
            }
        }
    }

    /**
     * Sets data.fingerprint of each CSV cell to the fingerprint of its file ({@link FileFingerprint#of(Path)}), hashing
     * each distinct path once.
     *
     * <p>NOTE: the fingerprint is taken on the driver. An executor that reads another copy of the file, or a file
     * changed after this call, computes rows that the fingerprint does not describe.
     */
    @Override
    public List<Cell> withInputFingerprints(List<Cell> cells) {
        Map<String, String> fingerprints = new HashMap<>();
        List<Cell> out = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            if (!CSV.equals(cell.getString(DATA_SOURCE))) {
                out.add(cell);
                continue;
            }
            String path = cell.getString(DATA_PATH);
            String fingerprint = fingerprints.get(path);
            if (fingerprint == null) {
                try {
                    fingerprint = FileFingerprint.of(Path.of(path));
                } catch (IOException e) {
                    throw new SweepSpecException(DATA_PATH + " = " + path + ": cannot read the file to fingerprint "
                            + "it: " + e + ". Fix: make the file readable, or set " + DATA_PATH + " to another file.");
                }
                fingerprints.put(path, fingerprint);
            }
            SortedMap<String, Object> values = new TreeMap<>(cell.values());
            values.put(DATA_FINGERPRINT, fingerprint);
            out.add(new Cell(cell.experiment(), cell.sweepSeed(), values));
        }
        return out;
    }
}
