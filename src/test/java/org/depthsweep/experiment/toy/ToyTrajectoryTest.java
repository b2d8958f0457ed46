package org.depthsweep.experiment.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.depthsweep.experiment.RunStatus;
import org.depthsweep.sweep.Cell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares plain and scalar trajectories with a straightforward reference written here from the formulas alone
 * (Math.pow everywhere), and the plain trajectory with the continuous-time solution.
 */
class ToyTrajectoryTest {
    private static final long STEPS = 100_000L;
    private static final double LR = 0.01;
    private static final double RELATIVE = 1e-9;

    @ParameterizedTest(name = "p={0} init={1}")
    @CsvSource({"3, zero", "4, zero", "6, zero", "8, zero", "3.5, zero", "2.5, zero", "3.3, zero",
                "3, small", "4, small", "6, small", "8, small", "3.5, small", "2.5, small", "3.3, small"})
    void plainMatchesReference(double p, String init) {
        ToyCells.Run run = ToyCells.run("p", p, "depth", 1, "init", init, "init_scale", 0.3, "steps", STEPS,
                "seed", 7);

        double[] w = new double[2];
        if ("small".equals(init)) {
            SplittableRandom random = new SplittableRandom(run.cell().derivedSeed());
            w[0] = 0.3 * random.nextGaussian();
            w[1] = 0.3 * random.nextGaussian();
        }
        // The reference keeps the residual d = w - y, as the kernel does: a state w near y would lose the low bits
        // of d to cancellation, and that noise alone exceeds 1e-9 relative once |d| is about 1e-6.
        double[] y = {1.0, 0.5};
        double[] d = {w[0] - y[0], w[1] - y[1]};
        long t = 0;
        int compared = 0;
        for (Object[] row : run.rows()) {
            long step = ToyCells.step(row);
            for (; t < step; t++) {
                for (int i = 0; i < 2; i++) {
                    d[i] = d[i] * (1 - LR * Math.pow(Math.abs(d[i]), p - 2));
                }
            }
            String where = "p=" + p + " init=" + init + " step " + step;
            assertClose(referenceLoss(d, p), ToyCells.loss(row), "loss at " + where);
            assertClose(Math.sqrt(d[0] * d[0] + d[1] * d[1]), ToyCells.error(row), "error at " + where);
            assertNull(ToyCells.scale(row), "scale at " + where);
            compared++;
        }
        assertEquals(STEPS, t, "last compared step");
        assertTrue(compared > 200, "compared rows: " + compared);
        assertEquals(RunStatus.OK, run.outcome().status());
    }

    @ParameterizedTest(name = "p={0} init={1}")
    @CsvSource({"3, zero", "4, zero", "6, zero", "8, zero", "3.5, zero", "2.5, zero", "3.3, zero",
                "3, small", "4, small", "6, small", "8, small", "3.5, small", "2.5, small", "3.3, small"})
    void scalarMatchesReference(double p, String init) {
        ToyCells.Run run = ToyCells.run("p", p, "depth", 2, "form", "scalar", "init", init, "init_scale", 0.3,
                "steps", STEPS, "seed", 11);

        double[] m = {0.0, 0.0};
        double s = 1.0;
        if ("small".equals(init)) {
            SplittableRandom random = new SplittableRandom(run.cell().derivedSeed());
            m[0] = 0.3 * random.nextGaussian();
            m[1] = 0.3 * random.nextGaussian();
            s = 0.3 * random.nextGaussian();
        }
        double[] y = {1.0, 0.5};
        long t = 0;
        for (Object[] row : run.rows()) {
            long step = ToyCells.step(row);
            for (; t < step; t++) {
                double[] g = new double[2];
                for (int i = 0; i < 2; i++) {
                    double r = s * m[i] - y[i];
                    g[i] = Math.pow(Math.abs(r), p - 2) * r;
                }
                double gradS = g[0] * m[0] + g[1] * m[1];
                m[0] = m[0] - LR * s * g[0];
                m[1] = m[1] - LR * s * g[1];
                s = s - LR * gradS;
            }
            double[] r = {s * m[0] - y[0], s * m[1] - y[1]};
            String where = "p=" + p + " init=" + init + " step " + step;
            assertClose(referenceLoss(r, p), ToyCells.loss(row), "loss at " + where);
            assertClose(Math.sqrt(r[0] * r[0] + r[1] * r[1]), ToyCells.error(row), "error at " + where);
            assertClose(s, ToyCells.scale(row), "scale at " + where);
        }
        assertEquals(STEPS, t, "last compared step");
    }

    /**
     * Checks the plain curve against the gradient flow {@code dd/dt = -lr |d|^(p-2) d}, whose solution per coordinate
     * is {@code d(t) = sign(d0) * (|d0|^(2-p) + lr (p-2) t)^(-1/(p-2))}, once lr * t >= 1000.
     */
    @ParameterizedTest(name = "p={0}")
    @ValueSource(doubles = {3, 4, 6, 8})
    void plainFollowsGradientFlow(double p) {
        Cell cell = ToyCells.cell("p", p, "depth", 1, "init", "zero", "steps", 1_000_000L, "lr", LR);
        ToyCells.Run run = ToyCells.run(cell);
        double[] d0 = {-1.0, -0.5};

        int compared = 0;
        for (Object[] row : run.rows()) {
            long step = ToyCells.step(row);
            if (LR * step < 1e3) {
                continue;
            }
            double sum = 0;
            for (double start : d0) {
                double d = Math.signum(start)
                        * Math.pow(Math.pow(Math.abs(start), 2 - p) + LR * (p - 2) * step, -1 / (p - 2));
                sum += d * d;
            }
            double expected = Math.sqrt(sum);
            double actual = ToyCells.error(row);
            assertEquals(expected, actual, 1e-3 * expected, "error at p=" + p + " step " + step);
            compared++;
        }
        assertTrue(compared >= 50, "compared rows: " + compared);
    }

    private static double referenceLoss(double[] r, double p) {
        return (Math.pow(Math.abs(r[0]), p) + Math.pow(Math.abs(r[1]), p)) / p;
    }

    private static void assertClose(double expected, double actual, String what) {
        double tolerance = RELATIVE * Math.max(Math.abs(expected), Math.abs(actual));
        assertEquals(expected, actual, tolerance, what);
    }
}
