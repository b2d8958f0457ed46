package org.depthsweep.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Measures the thread CPU time of the steps in {@link DeepLinearStepBench}, a figure that other processes on a shared
 * machine disturb less than JMH's wall time. It runs each step 2000 times as warm-up and then reports the CPU and wall
 * microseconds per step over 5 rounds of 2000 steps.
 *
 * <p>Run with {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * org.depthsweep.bench.DeepLinearStepCpuTime}.
 */
public final class DeepLinearStepCpuTime {
    private static final int STEPS = 2000;
    private static final int ROUNDS = 5;

    private DeepLinearStepCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        DeepLinearStepBench bench = new DeepLinearStepBench();
        bench.depth = 3;
        bench.setUp();
        String[] names = {"descentStep", "endToEndStep", "lossGradient"};
        double sink = 0;
        for (String name : names) {
            for (int round = -1; round < ROUNDS; round++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                for (int i = 0; i < STEPS; i++) {
                    sink += step(bench, name);
                }
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e3 / STEPS;
                double wall = (System.nanoTime() - wallStart) / 1e3 / STEPS;
                if (round >= 0) {
                    System.out.printf(Locale.ROOT, "%-14s round %d: cpu %.1f us/step, wall %.1f us/step%n", name, round,
                            cpu, wall);
                }
            }
        }
        System.out.println("checksum " + sink);
    }

    private static double step(DeepLinearStepBench bench, String name) {
        switch (name) {
            case "descentStep":
                return bench.descentStep();
            case "endToEndStep":
                return bench.endToEndStep();
            default:
                return bench.lossGradient();
        }
    }
}
