package org.depthsweep.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.depthsweep.data.MnistFiles;
import org.depthsweep.experiment.mnist.Arch;
import org.depthsweep.experiment.mnist.DropoutMasks;
import org.depthsweep.experiment.mnist.ImageTensors;
import org.depthsweep.experiment.mnist.LeNetModel;
import org.depthsweep.experiment.mnist.LeNetWeights;
import org.depthsweep.experiment.mnist.NativeThreads;
import org.depthsweep.experiment.mnist.OptimizerKind;
import org.depthsweep.experiment.mnist.ParameterUpdater;

/**
 * Measures training images per second of the mnist experiment's step: a minibatch of 64 training images, the forward
 * and backward pass with dropout 0.5 and the L2 penalty, and the momentum update of every parameter, as
 * {@code MnistTrainer} runs it. Minibatches are drawn at random from the training images of an MNIST-format folder.
 *
 * <p>Arguments: {@code arch lambda threads warmupSteps timedSteps dataDir}. Prints one line in the format of the
 * PyTorch reference script lenet_torch.py. It gives the wall time, images per second, the process's CPU time over the
 * wall time, and the average number of cores that other processes used during the timed steps (from /proc/stat).
 */
public final class MnistThroughput {
    private static final int BATCH = 64;

    private MnistThroughput() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println("usage: MnistThroughput ARCH LAMBDA THREADS WARMUP_STEPS TIMED_STEPS DATA_DIR");
            System.exit(2);
        }
        Arch arch = Arch.parse(args[0]);
        double lambda = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int timed = Integer.parseInt(args[4]);
        ImageTensors train = ImageTensors.of(MnistFiles.readTraining(Path.of(args[5])));

        int inForce = NativeThreads.apply(threads);
        LeNetModel model = new LeNetModel(LeNetWeights.initialize(arch, 1L, null), lambda, true);
        ParameterUpdater updater = new ParameterUpdater(OptimizerKind.MOMENTUM, 0.9);
        DropoutMasks masks = new DropoutMasks(2L, 0.5);
        SplittableRandom random = new SplittableRandom(3L);

        double lossSum = 0;
        double firstLoss = Double.NaN;
        long wallStart = 0;
        long cpuStart = 0;
        double busyStart = 0;
        for (int step = 1; step <= warmup + timed; step++) {
            if (step == warmup + 1) {
                wallStart = System.nanoTime();
                cpuStart = processCpuNanos();
                busyStart = machineBusySeconds();
            }
            int[] rows = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                rows[i] = random.nextInt(train.count());
            }
            LeNetModel.Pass pass = model.trainingPass(train.featureBatch(rows), train.labelBatch(rows),
                    masks.next(BATCH));
            for (String name : model.trainable()) {
                updater.update(name, model.parameter(name), pass.gradients().get(name), 0.01, step);
            }
            if (step == 1) {
                firstLoss = pass.loss();
            }
            if (step > warmup) {
                lossSum += pass.loss();
            }
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        double foreign = Math.max(0.0, (machineBusySeconds() - busyStart - cpu) / wall);
        System.out.printf(Locale.ROOT, "samediff_%s lambda=%s threads=%d steps=%d time=%.3fs ms_per_step=%.2f "
                        + "img_per_s=%.2f loss_first=%.3f loss_mean=%.3f win_cpu_over_wall=%.2f "
                        + "win_foreign_cores=%.2f%n", arch.label(), args[1], inForce, timed, wall, 1e3 * wall / timed,
                timed * BATCH / wall, firstLoss, lossSum / timed, cpu / wall, foreign);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Returns the seconds all cores spent busy since boot: the first line of /proc/stat less idle and iowait. */
    private static double machineBusySeconds() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 8 && i < fields.length; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        // The kernel counts /proc/stat in USER_HZ ticks, 100 per second on Linux.
        return busy / 100.0;
    }
}
