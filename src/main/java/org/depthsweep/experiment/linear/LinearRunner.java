package org.depthsweep.experiment.linear;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.depthsweep.data.RegressionData;
import org.depthsweep.experiment.CellInterruptedException;
import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;
import org.depthsweep.experiment.LogSteps;
import org.depthsweep.experiment.RunStatus;
import org.depthsweep.optim.EndToEndRule;
import org.depthsweep.optim.Matrix;

/**
 * Runs one linear cell: full-batch updates from the initial state, with a curve row at step 0, at every step of
 * {@link LogSteps} and at the step where the cell stops.
 *
 * <p>Stopping rules, checked on the loss L_t of every state t, step 0 included:
 * <ul>
 *   <li>Diverged when L_t is not finite, or when {@code L_t > divergence_factor * L_0} (this rule is off when
 *       L_0 = 0).</li>
 *   <li>Ok and early when {@code L_t <= target_loss}; {@code steps_to_target} is then t.</li>
 *   <li>Ok after {@code steps} updates.</li>
 * </ul>
 */
final class LinearRunner {
    private LinearRunner() {
    }

    static CellOutcome run(LinearSettings settings, CurveRecorder recorder) {
        RegressionData data = settings.data();
        LpLoss loss = new LpLoss(data, settings.p());
        Matrix optimum = data.optimumFor(settings.p());
        Trajectory trajectory = start(settings, data, loss);
        LogSteps schedule = new LogSteps(settings.pointsPerDecade());

        long step = 0;
        double current = trajectory.evaluate();
        double initial = current;
        double bound = initial > 0 ? settings.divergenceFactor() * initial : Double.POSITIVE_INFINITY;
        long nextRecord = schedule.next(step);
        while (true) {
            CellInterruptedException.check();
            String stop = stopReason(settings, current, initial, bound, step);
            boolean last = stop != null || step == settings.steps();
            if (step == 0 || step == nextRecord || last) {
                record(recorder, trajectory, optimum, current, step);
                if (step == nextRecord) {
                    nextRecord = schedule.next(step);
                }
            }
            if (last) {
                boolean diverged = stop != null && !reachedTarget(settings, current);
                return outcome(diverged ? RunStatus.DIVERGED : RunStatus.OK, stop == null ? "" : stop, step, current,
                        initial, trajectory, optimum, loss, settings);
            }
            trajectory.update();
            step++;
            current = trajectory.evaluate();
        }
    }

    private static Trajectory start(LinearSettings settings, RegressionData data, LpLoss loss) {
        int[] dims = settings.dims(data.inputDim(), data.outputDim());
        if (settings.endToEnd()) {
            Matrix w = Initialization.endToEnd(settings.init(), settings.scale(), dims, settings.initRandom());
            EndToEndRule rule = new EndToEndRule(settings.depth(), settings.lr(), settings.weightDecay());
            return new Trajectory.OnEndToEnd(w, rule, loss);
        }
        Matrix[] factors = Initialization.factors(settings.init(), settings.scale(), dims, settings.initRandom());
        return new Trajectory.OnFactors(new DeepLinearNetwork(factors), settings.updateRule(), loss,
                settings.weightDecay(), data.outputDim(), data.inputDim());
    }

    private static boolean reachedTarget(LinearSettings settings, double loss) {
        return settings.targetLoss() != null && loss <= settings.targetLoss();
    }

    /** Returns why the cell stops at this state, or null when it goes on. */
    private static String stopReason(LinearSettings settings, double loss, double initial, double bound, long step) {
        if (!Double.isFinite(loss)) {
            return "loss is not finite (" + loss + ") at step " + step;
        }
        if (!(loss <= bound)) {
            return String.format(Locale.ROOT, "loss %.6g exceeded divergence_factor %s times the initial loss %.6g "
                    + "at step %d", loss, settings.divergenceFactor(), initial, step);
        }
        if (reachedTarget(settings, loss)) {
            return "reached target_loss " + settings.targetLoss() + " at step " + step;
        }
        return null;
    }

    private static void record(CurveRecorder recorder, Trajectory trajectory, Matrix optimum, double loss,
                               long step) {
        Matrix w = trajectory.endToEnd();
        Double error = optimum == null ? null : w.distanceTo(optimum);
        recorder.record(step, finiteOrNaN(loss), error, w.frobeniusNorm(), trajectory.balancedness());
    }

    private static CellOutcome outcome(RunStatus status, String message, long step, double loss, double initial,
                                       Trajectory trajectory, Matrix optimum, LpLoss lpLoss,
                                       LinearSettings settings) {
        Matrix w = trajectory.endToEnd();
        double error = optimum == null ? Double.NaN : w.distanceTo(optimum);
        Map<String, Object> extras = new HashMap<>();
        if (status == RunStatus.OK && reachedTarget(settings, loss)) {
            extras.put(LinearExperiment.STEPS_TO_TARGET, step);
        }
        extras.put(LinearExperiment.INITIAL_LOSS, finiteOrNaN(initial));
        if (optimum != null) {
            extras.put(LinearExperiment.OPTIMUM_LOSS, lpLoss.evaluate(optimum, null));
        }
        extras.put(LinearExperiment.FINAL_E2E_NORM, w.frobeniusNorm());
        Double balancedness = trajectory.balancedness();
        if (balancedness != null) {
            extras.put(LinearExperiment.FINAL_BALANCEDNESS, balancedness);
        }
        return new CellOutcome(status, message, step, finiteOrNaN(loss), error, extras);
    }

    private static double finiteOrNaN(double value) {
        return Double.isFinite(value) ? value : Double.NaN;
    }
}
