package org.depthsweep.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class MatrixPowersTest {
    private static Matrix randomGram(int n, int rank, long seed) {
        Matrix a = Matrix.gaussian(n, rank, 1.0, new SplittableRandom(seed));
        Matrix gram = Matrix.zeros(n, n);
        Matrix.multiplyTransposed(a, a, gram);
        return gram;
    }

    @Test
    void squareRootSquaresBack() {
        Matrix s = randomGram(5, 5, 1);
        Matrix root = MatrixPowers.symmetricPower(s, 0.5);
        assertTrue(root.times(root).distanceTo(s) < 1e-12 * s.frobeniusNorm());
    }

    @Test
    void diagonalPowersAreEntrywise() {
        Matrix s = Matrix.diagonal(3, 3, new double[] {4, 9, 0});
        assertArrayEquals(new double[] {2, 0, 0, 0, 3, 0, 0, 0, 0}, MatrixPowers.symmetricPower(s, 0.5).data,
                1e-14);
        assertArrayEquals(new double[] {8, 0, 0, 0, 27, 0, 0, 0, 0}, MatrixPowers.symmetricPower(s, 1.5).data,
                1e-12);
    }

    @Test
    void zeroPowerIsIdentityEvenForZeroMatrix() {
        assertArrayEquals(Matrix.identity(3, 3).data, MatrixPowers.symmetricPower(Matrix.zeros(3, 3), 0.0).data,
                0.0);
        assertArrayEquals(Matrix.identity(3, 3).data, MatrixPowers.symmetricPower(randomGram(3, 1, 2), 0.0).data,
                0.0);
    }

    @Test
    void positivePowerOfZeroMatrixIsZero() {
        assertTrue(MatrixPowers.symmetricPower(Matrix.zeros(4, 4), 1.0 / 3).isZero());
    }

    @Test
    void inversePowerInverts() {
        Matrix s = randomGram(4, 4, 3);
        Matrix inverse = MatrixPowers.symmetricPower(s, -1.0);
        assertTrue(s.times(inverse).distanceTo(Matrix.identity(4, 4)) < 1e-10);
    }

    @Test
    void negativePowerOfSingularMatrixIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixPowers.symmetricPower(randomGram(4, 2, 4), -0.5));
        assertTrue(e.getMessage().contains("singular"), e.getMessage());
    }

    @Test
    void asymmetricMatrixIsRejected() {
        Matrix s = Matrix.of(new double[][] {{1, 2}, {0, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixPowers.symmetricPower(s, 0.5));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
    }

    @Test
    void indefiniteMatrixIsRejected() {
        Matrix s = Matrix.diagonal(2, 2, new double[] {1, -1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatrixPowers.symmetricPower(s, 0.5));
        assertTrue(e.getMessage().contains("positive semidefinite"), e.getMessage());
    }

    @Test
    void nanExponentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MatrixPowers.symmetricPower(Matrix.identity(2, 2),
                Double.NaN));
    }

    @Test
    void polarFactorIsOrthonormalAndNearest() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] shape : new int[][] {{30, 6}, {6, 30}, {8, 8}}) {
            Matrix g = Matrix.gaussian(shape[0], shape[1], 1.0, random);
            Matrix q = Decompositions.polarFactor(g);
            int small = Math.min(shape[0], shape[1]);
            Matrix gram = Matrix.zeros(small, small);
            if (shape[0] >= shape[1]) {
                Matrix.transposeMultiply(q, q, gram);
            } else {
                Matrix.multiplyTransposed(q, q, gram);
            }
            assertTrue(gram.distanceTo(Matrix.identity(small, small)) < 1e-13, "shape " + shape[0] + "x" + shape[1]);
            // The polar factor of G = U S V^T is U V^T.
            Decompositions.Svd svd = Decompositions.svd(g);
            assertTrue(q.distanceTo(svd.u().times(svd.v().transpose())) < 1e-12);
        }
    }

    @Test
    void svdReconstructsWideAndTallMatrices() {
        SplittableRandom random = new SplittableRandom(6);
        for (int[] shape : new int[][] {{1, 5}, {5, 1}, {3, 7}, {7, 3}}) {
            Matrix a = Matrix.gaussian(shape[0], shape[1], 1.0, random);
            Decompositions.Svd svd = Decompositions.svd(a);
            int r = Math.min(shape[0], shape[1]);
            assertEquals(r, svd.s().length);
            Matrix rebuilt = svd.u().times(Matrix.diagonal(r, r, svd.s())).times(svd.v().transpose());
            assertTrue(rebuilt.distanceTo(a) < 1e-13, "shape " + shape[0] + "x" + shape[1]);
            for (int i = 1; i < r; i++) {
                assertTrue(svd.s()[i - 1] >= svd.s()[i], "singular values must descend");
            }
        }
    }

    @Test
    void symmetricEigenAscendsAndReconstructs() {
        Matrix s = randomGram(5, 5, 7);
        Decompositions.SymmetricEigen eigen = Decompositions.symmetricEigen(s);
        for (int i = 1; i < 5; i++) {
            assertTrue(eigen.values()[i - 1] <= eigen.values()[i]);
        }
        assertTrue(MatrixPowers.reassemble(eigen.vectors(), eigen.values()).distanceTo(s) < 1e-12 * s.frobeniusNorm());
    }
}
