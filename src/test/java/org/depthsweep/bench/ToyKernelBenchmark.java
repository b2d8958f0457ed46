package org.depthsweep.bench;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.experiment.toy.ToyExperiment;
import org.depthsweep.sweep.Cell;
import org.depthsweep.sweep.ParamSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Gradient steps per second of the toy kernels, run as a sweep runs them: {@link ToyExperiment#run} on a normalized
 * cell with a fresh {@link CurveRecorder}, so the score includes the per-step band check, the divergence and target
 * checks between segments and the 353 curve rows of 10^7 steps. Each invocation runs one cell of 10^7 steps, and the
 * score is in steps per second.
 *
 * <p>Every cell uses lr = 0.01 and y = (1, 0.5), as the C reference loops do. Plain cells start at w = 0 like the C
 * {@code shallow} loop. Scalar cells use init zero (m = 0, s = 1), whereas the C {@code deep} loop starts at
 * m = s = 0.1. By the gradient-flow estimate the residuals stay above 1e-4 and the gradients above 1e-10 for
 * 10^7 steps, far from subnormal values, so the start should not change the cost per step. The C loops state the
 * loss as {@code sum_i d_i^4} with gradient {@code 4 d^3}, which costs the same per step as the {@code (1/p)}
 * scaling used here.
 *
 * <p>Run with {@code bench/toy.sh}, which also runs the C loops in the same session.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ToyKernelBenchmark.STEPS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ToyKernelBenchmark {
    /** Gradient steps per invocation. */
    static final int STEPS = 10_000_000;

    private final ToyExperiment experiment = new ToyExperiment();
    private Cell plainP4;
    private Cell scalarP4;
    private Cell plainP35;
    private Cell scalarP35;
    private Cell plainP33;
    private Cell scalarP33;

    @Setup
    public void createCells() {
        plainP4 = cell(4.0, 1, "plain");
        scalarP4 = cell(4.0, 2, "scalar");
        plainP35 = cell(3.5, 1, "plain");
        scalarP35 = cell(3.5, 2, "scalar");
        plainP33 = cell(3.3, 1, "plain");
        scalarP33 = cell(3.3, 2, "scalar");
    }

    /** p = 4 at depth 1, against the C {@code shallow} loop. */
    @Benchmark
    public CellOutcome plainP4() {
        return run(plainP4);
    }

    /** p = 4 in the scalar form at depth 2, against the C {@code deep} loop. */
    @Benchmark
    public CellOutcome scalarP4() {
        return run(scalarP4);
    }

    /** p = 3.5 at depth 1 (square-root path), against the C {@code shallow_pow 3.5} loop. */
    @Benchmark
    public CellOutcome plainP35() {
        return run(plainP35);
    }

    /** p = 3.5 in the scalar form at depth 2 (square-root path), against the C {@code deep_pow 3.5} loop. */
    @Benchmark
    public CellOutcome scalarP35() {
        return run(scalarP35);
    }

    /** p = 3.3 at depth 1 (Math.pow path), against the C {@code shallow_pow 3.3} loop. */
    @Benchmark
    public CellOutcome plainP33() {
        return run(plainP33);
    }

    /** p = 3.3 in the scalar form at depth 2 (Math.pow path), against the C {@code deep_pow 3.3} loop. */
    @Benchmark
    public CellOutcome scalarP33() {
        return run(scalarP33);
    }

    private CellOutcome run(Cell cell) {
        CurveRecorder recorder = new CurveRecorder(experiment.curveColumns());
        CellOutcome outcome = experiment.run(cell, recorder);
        if (outcome.status() != RunStatus.OK || outcome.stepsRun() != STEPS) {
            throw new IllegalStateException("benchmark cell stopped early: " + outcome);
        }
        return outcome;
    }

    /** Builds a normalized cell with every parameter at its default except the benchmark settings. */
    private Cell cell(double p, long depth, String form) {
        SortedMap<String, Object> values = new TreeMap<>();
        for (ParamSpec spec : experiment.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        values.put("p", p);
        values.put("lr", 0.01);
        values.put("depth", depth);
        values.put("form", form);
        values.put("init", "zero");
        values.put("steps", (long) STEPS);
        values.put("y1", 1.0);
        values.put("y2", 0.5);
        values.put("target_error", null);
        return new Cell(ToyExperiment.NAME, 1L, experiment.normalize(values));
    }
}
