package org.depthsweep.experiment.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.depthsweep.data.RegressionData;
import org.depthsweep.data.SyntheticRegression;
import org.depthsweep.optim.EndToEndRule;
import org.depthsweep.optim.GradientDescent;
import org.depthsweep.optim.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Gradient descent on the factors of a balanced depth-N network against the end-to-end rule on their product. The
 * rule is exact to first order in lr, so at equal time t * lr the gap between the two end-to-end matrices should
 * shrink about linearly with lr.
 */
class EndToEndAgreementTest {
    private static final int CHECKPOINTS = 4;

    /**
     * Returns the gap {@code ||W_gd - W_e2e||_F} at times T/4, T/2, 3T/4 and T, and in the last entry how far W_gd
     * moved from the start by time T.
     */
    private static double[] gaps(RegressionData data, double p, int depth, int width, double lr, double time) {
        int[] dims = new int[depth + 1];
        dims[0] = data.inputDim();
        for (int j = 1; j < depth; j++) {
            dims[j] = width;
        }
        dims[depth] = data.outputDim();
        LpLoss loss = new LpLoss(data, p);
        DeepLinearNetwork network = new DeepLinearNetwork(
                Initialization.factors(Initialization.BALANCED, 0.5, dims, new SplittableRandom(11)));
        GradientDescent descent = new GradientDescent(lr);
        Matrix w = Initialization.endToEnd(Initialization.BALANCED, 0.5, dims, new SplittableRandom(11));
        Matrix start = w.copy();
        EndToEndRule rule = new EndToEndRule(depth, lr, 0.0);
        Matrix networkGradient = Matrix.zeros(data.outputDim(), data.inputDim());
        Matrix ruleGradient = Matrix.zeros(data.outputDim(), data.inputDim());

        long steps = Math.round(time / lr);
        assertTrue(steps % CHECKPOINTS == 0, "the checkpoints need a step count divisible by " + CHECKPOINTS
                + ", got " + steps);
        double[] out = new double[CHECKPOINTS + 1];
        for (long t = 1; t <= steps; t++) {
            loss.evaluate(network.forward(), networkGradient);
            network.backward(networkGradient, 0.0);
            descent.step(network.factorArrays(), network.gradientArrays());
            loss.evaluate(w, ruleGradient);
            rule.step(w, ruleGradient);
            if (t % (steps / CHECKPOINTS) == 0) {
                out[(int) (t / (steps / CHECKPOINTS)) - 1] = network.forward().distanceTo(w);
            }
        }
        out[CHECKPOINTS] = network.forward().distanceTo(start);
        return out;
    }

    private static void assertGapHalves(RegressionData data, double p, int depth, double lr, double time) {
        double[] coarse = gaps(data, p, depth, 7, lr, time);
        double[] fine = gaps(data, p, depth, 7, lr / 2, time);
        double moved = fine[CHECKPOINTS];
        assertTrue(moved > 0.25, "the trajectory must move, but ||W_T - W_0|| = " + moved);
        for (int c = 0; c < CHECKPOINTS; c++) {
            String where = "depth " + depth + ", p " + p + ", checkpoint " + (c + 1) + ": gap " + coarse[c]
                    + " at lr " + lr + ", " + fine[c] + " at lr " + lr / 2;
            assertTrue(coarse[c] < 0.05 * moved, "the gap must be small next to the motion, " + where);
            double ratio = fine[c] / coarse[c];
            assertTrue(ratio > 0.45, "halving lr must about halve the gap, ratio " + ratio + ", " + where);
            assertTrue(ratio < 0.55, "halving lr must about halve the gap, ratio " + ratio + ", " + where);
        }
    }

    @Test
    void matrixFormTracksDepthThreeDescent() {
        RegressionData data = new SyntheticRegression(40, 5, 2, 3.0, 0.0, 21).generate();
        assertGapHalves(data, 2, 3, 0.02, 4.0);
    }

    @Test
    void vectorFormTracksDepthTwoDescent() {
        RegressionData data = new SyntheticRegression(40, 5, 1, 3.0, 0.0, 22).generate();
        assertGapHalves(data, 4, 2, 0.02, 4.0);
    }

    @Test
    void vectorFormTracksDepthFourDescent() {
        RegressionData data = new SyntheticRegression(40, 5, 1, 3.0, 0.0, 23).generate();
        assertGapHalves(data, 2, 4, 0.02, 4.0);
    }
}
