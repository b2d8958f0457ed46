package org.depthsweep.cli;

import org.depthsweep.store.Provenance;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code depthsweep run|fit|sql|report ...}. */
@Command(name = "depthsweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs grid sweeps of gradient-descent experiments on Spark and fits their convergence rates.",
        subcommands = {RunCommand.class, FitCommand.class, SqlCommand.class, ReportCommand.class})
public final class Main implements Runnable {
    /** Exit code for invalid input: a bad sweep file, option or path. */
    static final int EXIT_BAD_INPUT = 2;
    /** Exit code when the sweep finished but some cells failed. */
    static final int EXIT_CELLS_FAILED = 3;
    /** Exit code after Ctrl-C (SIGINT): 128 + 2, as shells report a process that SIGINT ended. */
    static final int EXIT_INTERRUPTED = 130;

    public static void main(String[] args) {
        StopSignalHandler.install(System.err);
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code, without exiting the JVM. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        // A query may start with an SQL comment, "-- ...", which picocli would otherwise read as an unknown option.
        commandLine.getSubcommands().get("sql").setUnmatchedOptionsArePositionalParams(true);
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Prints the tool, Spark and nd4j versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"depthsweep " + Provenance.currentToolVersion() + " (git "
                    + Provenance.currentGitCommit() + "), Spark " + Provenance.sparkVersion() + ", nd4j "
                    + Provenance.nd4jVersion() + ", Java " + System.getProperty("java.version")};
        }
    }
}
