package org.depthsweep.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class EndToEndRuleTest {
    private static final double TOLERANCE = 1e-12;

    /** The rule as written: sum_j [W W^T]^((j-1)/N) G [W^T W]^((N-j)/N), each power from an eigendecomposition. */
    private static Matrix literalSum(Matrix w, Matrix g, int depth) {
        Matrix left = Matrix.zeros(w.rows, w.rows);
        Matrix.multiplyTransposed(w, w, left);
        Matrix right = Matrix.zeros(w.cols, w.cols);
        Matrix.transposeMultiply(w, w, right);
        Matrix sum = Matrix.zeros(w.rows, w.cols);
        for (int j = 1; j <= depth; j++) {
            Matrix term = MatrixPowers.symmetricPower(left, (double) (j - 1) / depth).times(g)
                    .times(MatrixPowers.symmetricPower(right, (double) (depth - j) / depth));
            sum = sum.plus(term);
        }
        return sum;
    }

    private static void assertClose(Matrix expected, Matrix actual, double tolerance) {
        double scale = Math.max(1.0, expected.frobeniusNorm());
        assertTrue(expected.distanceTo(actual) <= tolerance * scale,
                "distance " + expected.distanceTo(actual) + " exceeds " + tolerance * scale);
    }

    @Test
    void vectorFormEqualsMatrixFormForOneOutput() {
        SplittableRandom random = new SplittableRandom(1);
        for (int depth = 1; depth <= 5; depth++) {
            Matrix w = Matrix.gaussian(1, 7, 1.0, random);
            Matrix g = Matrix.gaussian(1, 7, 1.0, random);
            double[] vector = EndToEndRule.vectorForm(w.data, g.data, depth);
            Matrix matrix = EndToEndRule.matrixForm(w, g, depth);
            assertArrayEquals(matrix.data, vector, 1e-12, "depth " + depth);
        }
    }

    @Test
    void vectorFormMatchesClosedForm() {
        // w = (3, 4), ||w|| = 5, g = (1, 0), N = 2: 5^(2-1) * (g + (w . g / 25) * w) = 5 * (1 + 9/25, 12/25)
        double[] update = EndToEndRule.vectorForm(new double[] {3, 4}, new double[] {1, 0}, 2);
        assertEquals(5 * (1 + 9.0 / 25), update[0], TOLERANCE);
        assertEquals(5 * 12.0 / 25, update[1], TOLERANCE);
    }

    @Test
    void depthOneIsGradientDescent() {
        SplittableRandom random = new SplittableRandom(2);
        Matrix w = Matrix.gaussian(3, 4, 1.0, random);
        Matrix g = Matrix.gaussian(3, 4, 1.0, random);
        assertArrayEquals(g.data, EndToEndRule.matrixForm(w, g, 1).data, 0.0);
        assertArrayEquals(g.data, EndToEndRule.vectorForm(w.data, g.data, 1), 0.0);

        Matrix stepped = w.copy();
        new EndToEndRule(1, 0.1, 0.0).step(stepped, g);
        assertClose(w.minus(g.scaled(0.1)), stepped, 1e-15);
    }

    @Test
    void matrixFormEqualsLiteralSum() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] shapes = {{3, 5}, {5, 3}, {4, 4}, {2, 6}};
        for (int[] shape : shapes) {
            for (int depth = 2; depth <= 4; depth++) {
                Matrix w = Matrix.gaussian(shape[0], shape[1], 1.0, random);
                Matrix g = Matrix.gaussian(shape[0], shape[1], 1.0, random);
                assertClose(literalSum(w, g, depth), EndToEndRule.matrixForm(w, g, depth), 1e-10);
            }
        }
    }

    @Test
    void matrixFormHandlesRankDeficientW() {
        SplittableRandom random = new SplittableRandom(4);
        Matrix column = Matrix.gaussian(3, 1, 1.0, random);
        Matrix row = Matrix.gaussian(1, 5, 1.0, random);
        Matrix rankOne = column.times(row);
        Matrix g = Matrix.gaussian(3, 5, 1.0, random);
        for (int depth = 2; depth <= 3; depth++) {
            assertClose(literalSum(rankOne, g, depth), EndToEndRule.matrixForm(rankOne, g, depth), 1e-10);
        }
    }

    @Test
    void zeroMatrixGivesZeroUpdate() {
        Matrix zero = Matrix.zeros(2, 3);
        Matrix g = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        for (int depth = 2; depth <= 4; depth++) {
            assertTrue(EndToEndRule.matrixForm(zero, g, depth).isZero(), "matrix form, depth " + depth);
            assertTrue(Matrix.row(EndToEndRule.vectorForm(new double[3], new double[] {1, 2, 3}, depth)).isZero(),
                    "vector form, depth " + depth);
        }
    }

    @Test
    void stepRejectsZeroStartAtDepthTwo() {
        EndToEndRule rule = new EndToEndRule(2, 0.1, 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rule.step(Matrix.zeros(1, 3), Matrix.row(1, 2, 3)));
        assertTrue(e.getMessage().contains("W = 0"), e.getMessage());
        assertTrue(e.getMessage().contains("init_scale > 0"), e.getMessage());
    }

    @Test
    void stepAllowsZeroStartAtDepthOne() {
        Matrix w = Matrix.zeros(1, 2);
        new EndToEndRule(1, 0.5, 0.0).step(w, Matrix.row(2, -4));
        assertArrayEquals(new double[] {-1, 2}, w.data, 0.0);
    }

    @Test
    void weightDecayShrinksByDepthTimesLambda() {
        SplittableRandom random = new SplittableRandom(5);
        Matrix w = Matrix.gaussian(2, 3, 1.0, random);
        Matrix g = Matrix.gaussian(2, 3, 1.0, random);
        double lr = 0.01;
        double lambda = 0.5;
        int depth = 3;
        Matrix expected = w.scaled(1 - lr * lambda * depth).minus(EndToEndRule.matrixForm(w, g, depth).scaled(lr));
        Matrix stepped = w.copy();
        new EndToEndRule(depth, lr, lambda).step(stepped, g);
        assertClose(expected, stepped, 1e-14);
    }

    @Test
    void constructorRejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new EndToEndRule(0, 0.1, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new EndToEndRule(2, Double.NaN, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new EndToEndRule(2, 0.1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new EndToEndRule(2, -0.1, 0.0));
    }
}
