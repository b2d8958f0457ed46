package org.depthsweep.experiment.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.depthsweep.sweep.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the chain form's gradient, its balanced and zero initializations, and its agreement with the scalar form. */
class ChainKernelTest {
    private static final double Y1 = 1.0;
    private static final double Y2 = 0.5;

    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {3, 3.5, 4, 5})
    void gradientMatchesFiniteDifferences(double p) {
        ChainKernel kernel = chain(ToyCells.cell("p", p, "depth", 4, "form", "chain", "width", 3, "init", "small",
                "init_scale", 0.7, "seed", 3));
        double[][] factors = kernel.factors();
        int[][] shapes = {{3, 2}, {3, 3}, {3, 3}, {1, 3}};
        double[][] gradient = kernel.gradient();

        for (int j = 0; j < factors.length; j++) {
            for (int i = 0; i < factors[j].length; i++) {
                double original = factors[j][i];
                double h = 1e-6;
                factors[j][i] = original + h;
                double up = loss(factors, shapes, p);
                factors[j][i] = original - h;
                double down = loss(factors, shapes, p);
                factors[j][i] = original;
                double expected = (up - down) / (2 * h);
                assertEquals(expected, gradient[j][i], 1e-6 * (1 + Math.abs(expected)),
                        "dL/dW_" + (j + 1) + "[" + i + "] at p=" + p);
            }
        }
    }

    @Test
    void stepSubtractsLearningRateTimesGradient() {
        double lr = 0.05;
        ChainKernel kernel = chain(ToyCells.cell("p", 3.5, "lr", lr, "depth", 3, "form", "chain", "width", 2,
                "init", "small", "init_scale", 0.8, "seed", 5));
        double[][] before = kernel.factors();
        double[][] gradient = kernel.gradient();

        assertEquals(1, kernel.advance(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));

        double[][] after = kernel.factors();
        for (int j = 0; j < before.length; j++) {
            for (int i = 0; i < before[j].length; i++) {
                assertEquals(before[j][i] - lr * gradient[j][i], after[j][i], 1e-15,
                        "W_" + (j + 1) + "[" + i + "] after one step");
            }
        }
    }

    /**
     * Checks that a depth-2 chain of width 1 runs like the scalar form. With W_1 = m^T and W_2 = s the gradients are
     * s * g and g . m, and every initialization sets the same values from the same draws. Only the rounding of the
     * balanced split differs (c * (w0 / sigma) against w0 / sqrt(sigma)). The chain's scale is the norm |s|.
     */
    @ParameterizedTest(name = "p={0} init={1}")
    @CsvSource({"4, zero", "4, small", "4, balanced", "3.5, zero", "3.5, small", "3.5, balanced", "3, small"})
    void widthOneDepthTwoMatchesScalar(double p, String init) {
        Object[] common = {"p", p, "depth", 2, "init", init, "init_scale", 0.4, "steps", 20_000, "seed", 9};
        ToyCells.Run scalar = ToyCells.run(with(common, "form", "scalar"));
        ToyCells.Run chain = ToyCells.run(with(common, "form", "chain", "width", 1));

        assertEquals(scalar.rows().size(), chain.rows().size(), "row count");
        for (int i = 0; i < scalar.rows().size(); i++) {
            Object[] s = scalar.rows().get(i);
            Object[] c = chain.rows().get(i);
            String where = init + " p=" + p + " step " + ToyCells.step(s);
            assertEquals(ToyCells.step(s), ToyCells.step(c), "step of row " + i);
            assertClose(ToyCells.loss(s), ToyCells.loss(c), "loss at " + where);
            assertClose(ToyCells.error(s), ToyCells.error(c), "error at " + where);
            assertClose(Math.abs(ToyCells.scale(s)), ToyCells.scale(c), "scale at " + where);
        }
    }

    @ParameterizedTest(name = "depth={0} width={1}")
    @CsvSource({"2, 1", "2, 3", "3, 2", "5, 4"})
    void balancedInitSatisfiesBalanceCondition(int depth, int width) {
        Cell cell = ToyCells.cell("depth", depth, "form", "chain", "width", width, "init", "balanced",
                "init_scale", 1.0, "seed", 13);
        double[][] factors = chain(cell).factors();
        int[][] shapes = shapes(depth, width);

        for (int j = 0; j + 1 < depth; j++) {
            double[] above = gram(transpose(factors[j + 1], shapes[j + 1]), shapes[j + 1][1], shapes[j + 1][0]);
            double[] below = gram(factors[j], shapes[j][0], shapes[j][1]);
            for (int i = 0; i < below.length; i++) {
                assertEquals(below[i], above[i], 1e-12, "W_" + (j + 2) + "^T W_" + (j + 2) + " = W_" + (j + 1)
                        + " W_" + (j + 1) + "^T at entry " + i);
            }
        }

        SplittableRandom random = new SplittableRandom(cell.derivedSeed());
        double[] w0 = {random.nextGaussian(), random.nextGaussian()};
        double[] w = product(factors, shapes);
        assertEquals(w0[0], w[0], 1e-12, "end-to-end w_1");
        assertEquals(w0[1], w[1], 1e-12, "end-to-end w_2");
    }

    @Test
    void zeroInitMovesAwayFromZero() {
        Cell cell = ToyCells.cell("p", 4, "depth", 3, "form", "chain", "width", 2, "init", "zero", "steps", 5000);
        ChainKernel kernel = chain(cell);
        assertEquals(-Y1, kernel.residual1(), 0.0, "initial w_1");
        assertEquals(-Y2, kernel.residual2(), 0.0, "initial w_2");

        kernel.advance(1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertNotEquals(-Y1, kernel.residual1(), "w_1 after one step");

        ToyCells.Run run = ToyCells.run(cell);
        double initial = ToyCells.error(run.rows().get(0));
        double last = ToyCells.error(run.lastRow());
        assertEquals(Math.hypot(Y1, Y2), initial, 1e-15, "initial error");
        assertTrue(last < 0.5 * initial, "error after 5000 steps: " + last + ", initial " + initial);
    }

    @Test
    void scaleIsNormOfUpperProduct() {
        Cell cell = ToyCells.cell("depth", 3, "form", "chain", "width", 2, "init", "small", "init_scale", 0.9,
                "seed", 21);
        ChainKernel kernel = chain(cell);
        double[][] factors = kernel.factors();
        // W_3 W_2 is 1 x 2 here.
        double[] upper = multiply(factors[2], 1, 2, factors[1], 2);
        assertEquals(Math.hypot(upper[0], upper[1]), kernel.scale(), 1e-15);
    }

    private static ChainKernel chain(Cell cell) {
        return (ChainKernel) ToyKernel.create(ToyProblem.of(cell));
    }

    private static Object[] with(Object[] common, Object... more) {
        Object[] all = new Object[common.length + more.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    private static int[][] shapes(int depth, int width) {
        int[][] shapes = new int[depth][];
        for (int j = 0; j < depth; j++) {
            shapes[j] = new int[] {j == depth - 1 ? 1 : width, j == 0 ? 2 : width};
        }
        return shapes;
    }

    /** Returns W_N ... W_1 as its two entries, by plain left-to-right matrix products. */
    private static double[] product(double[][] factors, int[][] shapes) {
        double[] result = factors[0];
        int rows = shapes[0][0];
        for (int j = 1; j < factors.length; j++) {
            result = multiply(factors[j], shapes[j][0], shapes[j][1], result, 2);
            rows = shapes[j][0];
        }
        assertEquals(1, rows, "rows of the end-to-end product");
        return result;
    }

    private static double loss(double[][] factors, int[][] shapes, double p) {
        double[] w = product(factors, shapes);
        return (Math.pow(Math.abs(w[0] - Y1), p) + Math.pow(Math.abs(w[1] - Y2), p)) / p;
    }

    /** Returns the row-major product of an n x k matrix and a k x m matrix. */
    private static double[] multiply(double[] left, int n, int k, double[] right, int m) {
        double[] out = new double[n * m];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < m; b++) {
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += left[a * k + c] * right[c * m + b];
                }
                out[a * m + b] = sum;
            }
        }
        return out;
    }

    private static double[] transpose(double[] matrix, int[] shape) {
        double[] out = new double[matrix.length];
        for (int a = 0; a < shape[0]; a++) {
            for (int b = 0; b < shape[1]; b++) {
                out[b * shape[0] + a] = matrix[a * shape[1] + b];
            }
        }
        return out;
    }

    /** Returns A A^T for a row-major n x k matrix A. */
    private static double[] gram(double[] matrix, int n, int k) {
        return multiply(matrix, n, k, transpose(matrix, new int[] {n, k}), n);
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(Math.abs(expected), Math.abs(actual)), what);
    }
}
