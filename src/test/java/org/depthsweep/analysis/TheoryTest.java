package org.depthsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TheoryTest {
    private static final double EXACT = 1e-15;
    /** Relative tolerance of the closed form against Math.pow evaluated directly. */
    private static final double CLOSED_FORM_TOLERANCE = 1e-13;
    /** Relative tolerance of a central difference with step H on a smooth curve (error of order H^2). */
    private static final double DERIVATIVE_TOLERANCE = 1e-6;
    private static final double H = 1e-3;

    /** Expected values: -1/(p-2) and -p/(p-2) worked out by hand. */
    @ParameterizedTest
    @CsvSource({"3, -1.0, -3.0", "4, -0.5, -2.0", "6, -0.25, -1.5", "8, -0.16666666666666666, -1.3333333333333333"})
    void slopesAboveTwo(double p, double errorSlope, double lossSlope) {
        assertEquals(errorSlope, Theory.errorSlope(p), EXACT);
        assertEquals(lossSlope, Theory.lossSlope(p), EXACT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.0, 1.5})
    void slopesNullAtOrBelowTwo(double p) {
        assertNull(Theory.errorSlope(p));
        assertNull(Theory.lossSlope(p));
    }

    @Test
    void slopesRejectNonFiniteP() {
        assertThrows(IllegalArgumentException.class, () -> Theory.errorSlope(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Theory.lossSlope(Double.POSITIVE_INFINITY));
    }

    /** At p = 4 the closed form is (d0^-2 + 2 lr t)^(-1/2), computed here without the general formula. */
    @Test
    void residualMatchesClosedFormAtP4() {
        double d0 = 0.8;
        double lr = 0.05;
        for (double t : new double[] {0, 1, 10, 1e3, 1e6}) {
            double expected = 1 / Math.sqrt(1 / (d0 * d0) + 2 * lr * t);
            assertEquals(expected, Theory.continuousResidual(d0, 4, lr, t), expected * CLOSED_FORM_TOLERANCE);
        }
    }

    /** At p = 3 the closed form is d0 / (1 + lr |d0| t), computed here without the general formula. */
    @Test
    void residualMatchesClosedFormAtP3() {
        double d0 = -2.5;
        double lr = 0.01;
        for (double t : new double[] {0, 1, 10, 1e3, 1e6}) {
            double expected = d0 / (1 + lr * Math.abs(d0) * t);
            assertEquals(expected, Theory.continuousResidual(d0, 3, lr, t), Math.abs(expected) * CLOSED_FORM_TOLERANCE);
        }
    }

    /** The residual must solve the gradient flow dd/dt = -lr |d|^(p-2) d. */
    @ParameterizedTest
    @CsvSource({"3, 1.0, 0.01", "4, -0.7, 0.1", "6, 1.3, 0.02", "8, 0.9, 0.5"})
    void residualSolvesGradientFlow(double p, double d0, double lr) {
        for (double t : new double[] {0.5, 10, 1000}) {
            double d = Theory.continuousResidual(d0, p, lr, t);
            double derivative = (Theory.continuousResidual(d0, p, lr, t + H)
                    - Theory.continuousResidual(d0, p, lr, t - H)) / (2 * H);
            double flow = -lr * Math.pow(Math.abs(d), p - 2) * d;
            assertEquals(flow, derivative, Math.abs(flow) * DERIVATIVE_TOLERANCE, "t = " + t);
        }
    }

    @Test
    void residualDecaysAtTheorySlope() {
        double p = 4;
        double t1 = 1e8;
        double t2 = 1e9;
        double slope = Math.log(Theory.continuousResidual(1, p, 0.01, t2) / Theory.continuousResidual(1, p, 0.01, t1))
                / Math.log(t2 / t1);
        // from t = 1e8 on, the offset |d0|^(2-p) = 1 is below 1e-6 of lr (p-2) t, so the slope is within 1e-6 of theory
        assertEquals(Theory.errorSlope(p), slope, 1e-6);
    }

    @Test
    void residualEdgeCases() {
        assertEquals(0.0, Theory.continuousResidual(0, 4, 0.1, 100));
        assertEquals(0.3, Theory.continuousResidual(0.3, 4, 0, 100), EXACT);
        assertEquals(-0.3, Theory.continuousResidual(-0.3, 4, 0.1, 0), EXACT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.0, 1.5, Double.NaN})
    void residualRejectsPAtOrBelowTwo(double p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Theory.continuousResidual(1, p, 0.1, 1));
        assertTrue(e.getMessage().contains("p"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(p)), e.getMessage());
    }

    @Test
    void residualRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Theory.continuousResidual(Double.NaN, 4, 0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Theory.continuousResidual(1, 4, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> Theory.continuousResidual(1, 4, 0.1, -1));
        assertThrows(IllegalArgumentException.class,
                () -> Theory.continuousResidual(1, 4, 0.1, Double.POSITIVE_INFINITY));
    }
}
