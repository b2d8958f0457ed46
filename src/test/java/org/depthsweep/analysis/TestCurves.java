package org.depthsweep.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

import org.depthsweep.experiment.LogSteps;

/** Synthetic curves on the recording schedule that the runners use. */
final class TestCurves {
    private TestCurves() {
    }

    /** Returns the steps that {@link LogSteps} schedules up to lastStep: 0, 1, ..., and lastStep itself. */
    static long[] logSteps(int pointsPerDecade, long lastStep) {
        LogSteps schedule = new LogSteps(pointsPerDecade);
        List<Long> steps = new ArrayList<>();
        for (long step = 0; step < lastStep; step = schedule.next(step)) {
            steps.add(step);
        }
        steps.add(lastStep);
        return steps.stream().mapToLong(Long::longValue).toArray();
    }

    /** Returns the curve's value at every step. */
    static double[] values(long[] steps, LongToDoubleFunction curve) {
        double[] values = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            values[i] = curve.applyAsDouble(steps[i]);
        }
        return values;
    }

    /** Returns the number of steps in [from, to]. */
    static int countBetween(long[] steps, long from, long to) {
        int count = 0;
        for (long step : steps) {
            if (step >= from && step <= to) {
                count++;
            }
        }
        return count;
    }
}
