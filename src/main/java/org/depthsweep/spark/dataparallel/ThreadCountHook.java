package org.depthsweep.spark.dataparallel;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.spark.api.TrainingHook;
import org.depthsweep.experiment.mnist.NativeThreads;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Sets nd4j's thread count in each dl4j-spark worker before its first update: the cell's {@code threads}, or the
 * cores Spark gives the task. nd4j-native 1.0.0-M2 otherwise runs 4 threads whatever the task's share of cores.
 */
final class ThreadCountHook implements TrainingHook {
    private static final long serialVersionUID = 1L;

    /** The count last applied in this JVM, 0 before the first update; nd4j's setting is global to the JVM. */
    private static volatile int applied;

    private final Long requested;

    /** @param requested the cell's {@code threads} value, or null to follow the task's cores */
    ThreadCountHook(Long requested) {
        this.requested = requested;
    }

    private void apply() {
        int threads = NativeThreads.resolve(requested);
        if (threads != applied) {
            NativeThreads.apply(threads);
            applied = threads;
        }
    }

    @Override
    public void preUpdate(DataSet minibatch, Model model) {
        apply();
    }

    @Override
    public void postUpdate(DataSet minibatch, Model model) {
    }

    @Override
    public void preUpdate(MultiDataSet minibatch, Model model) {
        apply();
    }

    @Override
    public void postUpdate(MultiDataSet minibatch, Model model) {
    }
}
