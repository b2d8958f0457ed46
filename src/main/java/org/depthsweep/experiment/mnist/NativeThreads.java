package org.depthsweep.experiment.mnist;

import org.apache.spark.TaskContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Sets the number of threads nd4j's native code uses. nd4j-native 1.0.0-M2 ignores {@code OMP_NUM_THREADS} and fixes
 * its OpenMP pool at 4 threads when the backend starts, so the count has to be set afterwards, through the native ops.
 *
 * <p>The setting is global to the JVM: two tasks that run in one executor at the same time share it, so a Spark
 * executor should run one mnist task at a time ({@code spark.task.cpus} equal to the executor's cores).
 */
public final class NativeThreads {
    private NativeThreads() {
    }

    /**
     * Returns the thread count for the current task: {@code requested} when it is not null, else the cores Spark gives
     * the task ({@code spark.task.cpus}) when called inside a Spark task, else the JVM's available processors.
     */
    public static int resolve(Long requested) {
        if (requested != null) {
            if (requested < 1 || requested > 4096) {
                throw new IllegalArgumentException("threads must be in 1..4096, got " + requested);
            }
            return requested.intValue();
        }
        TaskContext task = TaskContext.get();
        if (task != null) {
            return Math.max(1, task.cpus());
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Starts the nd4j backend if needed and sets its native thread count.
     *
     * @return the thread count now in force, as the native library reports it
     */
    public static int apply(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        // The native ops holder cannot be used before the backend has started, and creating an array starts it.
        Nd4j.scalar(0f);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }
}
