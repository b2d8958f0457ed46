package org.depthsweep.experiment.toy;

import org.depthsweep.experiment.CellOutcome;
import org.depthsweep.experiment.CurveRecorder;

/** Runs one toy cell. */
final class ToyRunner {
    private ToyRunner() {
    }

    static CellOutcome run(ToyProblem problem, CurveRecorder recorder) {
        throw new UnsupportedOperationException("TODO: toy kernels");
    }
}
