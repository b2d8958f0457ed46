package org.depthsweep.experiment.linear;

import org.depthsweep.optim.EndToEndRule;
import org.depthsweep.optim.Matrix;
import org.depthsweep.optim.UpdateRule;

/** The optimizer state of one cell: the current end-to-end matrix, its loss and gradient, and how it moves. */
interface Trajectory {
    /** Computes the end-to-end matrix, the loss and its gradient at the current state and returns the loss. */
    double evaluate();

    /** Returns the end-to-end matrix of the last {@link #evaluate}; a live view, valid until {@link #update}. */
    Matrix endToEnd();

    /** Applies one update from the gradient of the last {@link #evaluate}. */
    void update();

    /** Returns the balancedness deviation of the factors, or null when there are no factor pairs. */
    Double balancedness();

    /** An update rule on the factors of a network, with weight decay as an L2 penalty on every factor. */
    final class OnFactors implements Trajectory {
        private final DeepLinearNetwork network;
        private final UpdateRule rule;
        private final LpLoss loss;
        private final double weightDecay;
        private final Matrix gradient;
        private Matrix endToEnd;

        OnFactors(DeepLinearNetwork network, UpdateRule rule, LpLoss loss, double weightDecay, int outputs,
                  int inputs) {
            this.network = network;
            this.rule = rule;
            this.loss = loss;
            this.weightDecay = weightDecay;
            this.gradient = Matrix.zeros(outputs, inputs);
        }

        @Override
        public double evaluate() {
            endToEnd = network.forward();
            return loss.evaluate(endToEnd, gradient);
        }

        @Override
        public Matrix endToEnd() {
            return endToEnd;
        }

        @Override
        public void update() {
            network.backward(gradient, weightDecay);
            rule.step(network.factorArrays(), network.gradientArrays());
        }

        @Override
        public Double balancedness() {
            return network.balancedness();
        }
    }

    /** The end-to-end rule on W itself. */
    final class OnEndToEnd implements Trajectory {
        private final Matrix w;
        private final EndToEndRule rule;
        private final LpLoss loss;
        private final Matrix gradient;

        OnEndToEnd(Matrix start, EndToEndRule rule, LpLoss loss) {
            EndToEndRule.requireMovableStart(start, rule.depth());
            this.w = start;
            this.rule = rule;
            this.loss = loss;
            this.gradient = Matrix.zeros(start.rows, start.cols);
        }

        @Override
        public double evaluate() {
            return loss.evaluate(w, gradient);
        }

        @Override
        public Matrix endToEnd() {
            return w;
        }

        @Override
        public void update() {
            rule.step(w, gradient);
        }

        @Override
        public Double balancedness() {
            return null;
        }
    }
}
