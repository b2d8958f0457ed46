package org.depthsweep.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Starts the command-line tool in a JVM of its own, so that tests can kill or interrupt a running driver. */
final class DriverProcess {
    private DriverProcess() {
    }

    /** Returns the arguments of the test sweep: conf/toy-lp.conf with 3,000,000 steps per cell and 4 cells per task. */
    static List<String> sweepArgs(Path output) {
        return List.of("run", Paths.get("conf", "toy-lp.conf").toString(), "--output", output.toString(),
                "--set", "steps=3000000", "--set", "run.cells_per_task=4", "--no-fit");
    }

    /** Counts the committed batches of a sweep: the runs part files, or 0 before the runs folder exists. */
    static long committedBatches(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(runs)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).count();
        }
    }

    /**
     * Starts a driver that runs {@link #sweepArgs} into the output folder, with its standard output and error in the
     * log file.
     *
     * @param prefix words before the java command, for example {@code env --default-signal=INT}
     */
    static Process start(Path output, Path log, List<String> prefix) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + Paths.get("conf", "jvm.options").toAbsolutePath());
        command.add("-Dlog4j2.configurationFile=" + Paths.get("conf", "log4j2-test.properties").toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(sweepArgs(output));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** Exit code and standard output of a run of the command-line tool in this JVM. */
    record InProcessRun(int code, String printed) {
    }

    /** Runs {@link #sweepArgs} into the output folder in this JVM, as a user rerunning the command would. */
    static InProcessRun runInProcess(Path output) {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = Main.execute(sweepArgs(output).toArray(String[]::new));
        } finally {
            System.setOut(saved);
        }
        return new InProcessRun(code, captured.toString(StandardCharsets.UTF_8));
    }
}
