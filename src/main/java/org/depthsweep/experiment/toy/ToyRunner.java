package org.depthsweep.experiment.toy;

import java.util.Locale;
import java.util.Map;

import org.depthsweep.experiment.CellInterruptedException;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.LogSteps;
import org.depthsweep.experiment.RunStatus;

/**
 * Runs one toy cell: gradient descent from the initial state in segments between the recording steps of
 * {@link LogSteps}, with a curve row (loss, error, scale) at step 0, at every scheduled step and at the step where
 * the cell stops. A loss that is not finite is stored as NaN, in the curve and in the outcome.
 *
 * <p>Stopping rules, checked on every state with {@code e2 = r1^2 + r2^2} for the residual {@code r = w - y}:
 * <ul>
 * <li>Diverged when the loss is not finite.</li>
 * <li>Diverged when {@code e2 > divergence_factor^2 * e2_0}, i.e. the error exceeds divergence_factor times the
 * initial error. This rule is off when the initial error is 0.</li>
 * <li>Ok and early when {@code e2 <= target_error^2}, i.e. the error is at most target_error.</li>
 * <li>Ok after {@code steps} updates.</li>
 * </ul>
 */
final class ToyRunner {
    private ToyRunner() {
    }

    /** Maximum steps between two interrupt checks: an estimated 0.05 to 2 s of work, by form and p. */
    private static final long MAX_CHUNK = 1L << 24;

    static CellOutcome run(ToyProblem problem, CurveRecorder recorder) {
        ToyKernel kernel = ToyKernel.create(problem);
        StopRule rule = StopRule.of(problem, kernel.residual1(), kernel.residual2());
        LogSteps schedule = new LogSteps(problem.pointsPerDecade());

        long step = 0;
        CellOutcome stop = rule.check(kernel, step);
        record(recorder, kernel, problem.p(), step);
        if (stop != null) {
            return stop;
        }
        long nextRecord = schedule.next(step);
        while (step < problem.steps()) {
            long segmentEnd = Math.min(nextRecord, problem.steps());
            while (step < segmentEnd) {
                CellInterruptedException.check();
                int chunk = (int) Math.min(segmentEnd - step, MAX_CHUNK);
                step += kernel.advance(chunk, rule.lowerSq, rule.loopUpperSq);
                // advance() returns early when the state leaves the band. The band is narrower than the exact rules
                // (it also bounds the error where the loss cannot overflow), so an early return may still continue.
                stop = rule.check(kernel, step);
                if (stop != null) {
                    record(recorder, kernel, problem.p(), step);
                    return stop;
                }
            }
            record(recorder, kernel, problem.p(), step);
            nextRecord = schedule.next(step);
        }
        return outcome(RunStatus.OK, "", kernel, problem.p(), step);
    }

    private static void record(CurveRecorder recorder, ToyKernel kernel, double p, long step) {
        double r1 = kernel.residual1();
        double r2 = kernel.residual2();
        recorder.record(step, finiteOrNaN(LpGradient.loss(r1, r2, p)), Math.hypot(r1, r2), kernel.scale());
    }

    private static CellOutcome outcome(RunStatus status, String message, ToyKernel kernel, double p, long step) {
        double r1 = kernel.residual1();
        double r2 = kernel.residual2();
        return new CellOutcome(status, message, step, finiteOrNaN(LpGradient.loss(r1, r2, p)), Math.hypot(r1, r2),
                Map.of());
    }

    private static double finiteOrNaN(double value) {
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** Squared-error bounds of one cell, fixed from its initial state. */
    private static final class StopRule {
        private final double p;
        private final Double targetError;
        private final double divergenceFactor;
        private final double initialError;
        /** target_error^2, or negative infinity without a target. */
        private final double lowerSq;
        /** divergence_factor^2 * e2_0, or positive infinity when e2_0 is 0. */
        private final double divergenceSq;
        /** Upper end of the band given to advance(): the smaller of divergenceSq and {@link #finiteLossSq}. */
        private final double loopUpperSq;

        private StopRule(double p, Double targetError, double divergenceFactor, double r1, double r2) {
            this.p = p;
            this.targetError = targetError;
            this.divergenceFactor = divergenceFactor;
            this.initialError = Math.hypot(r1, r2);
            double initialSq = r1 * r1 + r2 * r2;
            this.lowerSq = targetError == null ? Double.NEGATIVE_INFINITY : targetError * targetError;
            this.divergenceSq = initialSq > 0 ? divergenceFactor * divergenceFactor * initialSq
                    : Double.POSITIVE_INFINITY;
            this.loopUpperSq = Math.min(divergenceSq, finiteLossSq(p));
        }

        static StopRule of(ToyProblem problem, double r1, double r2) {
            return new StopRule(problem.p(), problem.targetError(), problem.divergenceFactor(), r1, r2);
        }

        /**
         * Returns a squared error below which the loss is finite: with {@code |r_i|^p <= Double.MAX_VALUE / 4} the
         * loss is at most {@code MAX_VALUE / (2p)}. Positive infinity when no finite error can overflow the loss.
         */
        private static double finiteLossSq(double p) {
            double maxResidual = Math.exp((Math.log(Double.MAX_VALUE) - Math.log(4.0)) / p);
            return maxResidual * maxResidual;
        }

        /** Returns the outcome when the kernel's current state stops the cell, otherwise null. */
        CellOutcome check(ToyKernel kernel, long step) {
            double r1 = kernel.residual1();
            double r2 = kernel.residual2();
            double e2 = r1 * r1 + r2 * r2;
            double loss = LpGradient.loss(r1, r2, p);
            if (!Double.isFinite(loss)) {
                return outcome(RunStatus.DIVERGED, "loss is not finite (" + loss + ") at step " + step, kernel, p,
                        step);
            }
            if (e2 > divergenceSq) {
                String message = String.format(Locale.ROOT,
                        "error %.6g exceeded divergence_factor %s times the initial error %.6g at step %d",
                        Math.hypot(r1, r2), format(divergenceFactor), initialError, step);
                return outcome(RunStatus.DIVERGED, message, kernel, p, step);
            }
            if (e2 <= lowerSq) {
                String message = "reached target_error " + format(targetError) + " at step " + step;
                return outcome(RunStatus.OK, message, kernel, p, step);
            }
            return null;
        }

        private static String format(double value) {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Double.toString(value);
        }
    }
}
