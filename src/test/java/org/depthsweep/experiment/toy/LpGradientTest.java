package org.depthsweep.experiment.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LpGradientTest {

    @Test
    void kindFollowsExponent() {
        assertEquals(LpGradient.Kind.P3, LpGradient.kindOf(3));
        assertEquals(LpGradient.Kind.P4, LpGradient.kindOf(4));
        assertEquals(LpGradient.Kind.P6, LpGradient.kindOf(6));
        assertEquals(LpGradient.Kind.P8, LpGradient.kindOf(8));
        assertEquals(LpGradient.Kind.INTEGER, LpGradient.kindOf(2));
        assertEquals(LpGradient.Kind.INTEGER, LpGradient.kindOf(5));
        assertEquals(LpGradient.Kind.INTEGER, LpGradient.kindOf(100));
        assertEquals(LpGradient.Kind.HALF, LpGradient.kindOf(3.5));
        assertEquals(LpGradient.Kind.HALF, LpGradient.kindOf(1.5));
        assertEquals(LpGradient.Kind.HALF, LpGradient.kindOf(12.5));
        assertEquals(LpGradient.Kind.REAL, LpGradient.kindOf(1.25));
        assertEquals(LpGradient.Kind.REAL, LpGradient.kindOf(3.3));
        assertEquals(LpGradient.Kind.REAL, LpGradient.kindOf(LpGradient.MAX_INTEGER_P + 2.0));
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {1.25, 1.5, 2, 2.5, 3, 3.3, 3.5, 4, 4.5, 5, 6, 7, 7.5, 8, 11, 12.5, 64})
    void gradientMatchesPowFormula(double p) {
        for (double r : new double[] {-2.3, -1.0, -0.7, -1e-3, 1e-3, 0.4, 1.0, 1.9}) {
            double expected = Math.pow(Math.abs(r), p - 2) * r;
            assertEquals(expected, LpGradient.of(r, p), 1e-14 * Math.abs(expected), "g(" + r + ") at p=" + p);
        }
        assertEquals(0.0, LpGradient.of(0.0, p), 0.0, "g(0) at p=" + p);
    }

    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {1.5, 2.5, 3.5, 4.5, 9.5})
    void halfPathMatchesPowAcrossScales(double p) {
        int j = (int) (p - 1.5);
        for (double r = -1e6; Math.abs(r) > 1e-12; r /= -3.7) {
            double expected = Math.copySign(Math.pow(Math.abs(r), p - 1), r);
            assertEquals(expected, LpGradient.half(r, j), 4e-16 * (j + 2) * Math.abs(expected),
                    "g(" + r + ") at p=" + p);
        }
    }
}
