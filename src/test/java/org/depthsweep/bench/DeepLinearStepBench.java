package org.depthsweep.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.depthsweep.data.RegressionData;
import org.depthsweep.experiment.linear.DeepLinearNetwork;
import org.depthsweep.experiment.linear.LpLoss;
import org.depthsweep.optim.EndToEndRule;
import org.depthsweep.optim.GradientDescent;
import org.depthsweep.optim.Matrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full-batch gradient step of a deep linear network on l_4 regression: X is 1000 x 100 Gaussian, y = X w* with
 * |w*| = 1, depth N with hidden width 100 and one output, the shapes of the numpy reference in docs/benchmarks.md.
 * The initial factors follow that reference too: hidden layers 0.7 I + 0.1 G / sqrt(100), top layer
 * 0.5 G / sqrt(100), with G standard Gaussian.
 *
 * <p>{@code descentStep} is the tool's step: the end-to-end product, the loss gradient in one pass over X, the factor
 * gradients from prefix products and the update, all in plain loops. {@code nd4jDescentStep} is the same arithmetic
 * as nd4j calls, single-threaded, to show why the tool does not use nd4j here. {@code endToEndStep} is one step of
 * the end-to-end rule on W. Each call is one step from the current state, so the state drifts over a run; at
 * lr = 1e-4 it stays near the start.
 *
 * <p>{@code lossGradient} is the loss and gradient of one end-to-end row alone, as the tool computes them (sums of
 * scaled rows of X^T and X), and {@code dotProductLossGradient} the same with one dot product per sample, the form the
 * tool does not use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.cachedir=target/javacpp-cache"})
public class DeepLinearStepBench {
    private static final int SAMPLES = 1000;
    private static final int FEATURES = 100;
    private static final int WIDTH = 100;
    private static final double LR = 1e-4;

    @Param({"3"})
    public int depth;

    private LpLoss loss;
    private DeepLinearNetwork network;
    private GradientDescent descent;
    private Matrix gradient;

    private Matrix endToEnd;
    private Matrix endToEndGradient;
    private EndToEndRule rule;

    private double[] features;
    private double[] targets;
    private double[] row;
    private double[] rowGradient;

    private INDArray x;
    private INDArray y;
    private INDArray[] factors;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(0);
        Matrix features = Matrix.gaussian(SAMPLES, FEATURES, 1.0, random);
        Matrix truth = Matrix.gaussian(1, FEATURES, 1.0, random);
        truth = truth.scaled(1.0 / truth.frobeniusNorm());
        Matrix targets = Matrix.zeros(SAMPLES, 1);
        Matrix.multiplyTransposed(features, truth, targets);
        RegressionData data = new RegressionData(features, targets, truth, true, "benchmark data");
        this.features = features.data;
        this.targets = targets.data;
        row = Matrix.gaussian(1, FEATURES, 0.1, random).data;
        rowGradient = new double[FEATURES];
        loss = new LpLoss(data, 4.0);

        Matrix[] start = new Matrix[depth];
        for (int j = 0; j < depth - 1; j++) {
            int cols = j == 0 ? FEATURES : WIDTH;
            start[j] = Matrix.identity(WIDTH, cols).scaled(0.7)
                    .plus(Matrix.gaussian(WIDTH, cols, 0.1 / Math.sqrt(WIDTH), random));
        }
        start[depth - 1] = Matrix.gaussian(1, depth == 1 ? FEATURES : WIDTH, 0.5 / Math.sqrt(WIDTH), random);
        network = new DeepLinearNetwork(copies(start));
        descent = new GradientDescent(LR);
        gradient = Matrix.zeros(1, FEATURES);

        endToEnd = new DeepLinearNetwork(copies(start)).forward().copy();
        endToEndGradient = Matrix.zeros(1, FEATURES);
        rule = new EndToEndRule(depth, LR, 0.0);

        Nd4j.create(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
        Nd4j.getEnvironment().setMaxThreads(1);
        x = Nd4j.create(features.data.clone(), new long[] {SAMPLES, FEATURES}, DataType.DOUBLE);
        y = Nd4j.create(targets.data.clone(), new long[] {SAMPLES, 1}, DataType.DOUBLE);
        factors = new INDArray[depth];
        for (int j = 0; j < depth; j++) {
            factors[j] = Nd4j.create(start[j].data.clone(), new long[] {start[j].rows, start[j].cols},
                    DataType.DOUBLE);
        }
    }

    private static Matrix[] copies(Matrix[] matrices) {
        Matrix[] out = new Matrix[matrices.length];
        for (int j = 0; j < matrices.length; j++) {
            out[j] = matrices[j].copy();
        }
        return out;
    }

    @Benchmark
    public double descentStep() {
        double value = loss.evaluate(network.forward(), gradient);
        network.backward(gradient, 0.0);
        descent.step(network.factorArrays(), network.gradientArrays());
        return value;
    }

    @Benchmark
    public double nd4jDescentStep() {
        // prefix[j] = W_N ... W_{j+1} as a row, prefix[0] = w
        INDArray[] prefix = new INDArray[depth];
        prefix[depth - 1] = factors[depth - 1];
        for (int j = depth - 1; j >= 1; j--) {
            prefix[j - 1] = prefix[j].mmul(factors[j - 1]);
        }
        INDArray residual = x.mmul(prefix[0].transpose()).subi(y);
        INDArray weights = Transforms.pow(residual, 3, true).divi(SAMPLES);
        INDArray g = weights.transpose().mmul(x);
        double value = Transforms.pow(residual, 4, true).sumNumber().doubleValue() / (4.0 * SAMPLES);
        INDArray carry = g;
        for (int j = 1; j <= depth; j++) {
            INDArray grad = j < depth ? prefix[j].transpose().mmul(carry) : carry;
            if (j < depth) {
                carry = carry.mmul(factors[j - 1].transpose());
            }
            factors[j - 1].subi(grad.muli(LR));
        }
        return value;
    }

    @Benchmark
    public double lossGradient() {
        return loss.evaluate(new Matrix(1, FEATURES, row), new Matrix(1, FEATURES, rowGradient));
    }

    @Benchmark
    public double dotProductLossGradient() {
        java.util.Arrays.fill(rowGradient, 0.0);
        double sum = 0;
        for (int i = 0; i < SAMPLES; i++) {
            double r = Matrix.dot(row, 0, features, i * FEATURES, FEATURES) - targets[i];
            double g = r * r * r;
            sum += g * r;
            Matrix.axpy(g / SAMPLES, features, i * FEATURES, rowGradient, 0, FEATURES);
        }
        return sum / (4.0 * SAMPLES);
    }

    @Benchmark
    public double endToEndStep() {
        double value = loss.evaluate(endToEnd, endToEndGradient);
        rule.step(endToEnd, endToEndGradient);
        return value;
    }
}
