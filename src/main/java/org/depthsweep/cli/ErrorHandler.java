package org.depthsweep.cli;

import java.io.InterruptedIOException;

import org.depthsweep.store.CorruptFileException;
import org.depthsweep.sweep.SweepSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;

/**
 * Handler that prints each error as one line instead of a stack trace, which goes to the log at debug level.
 *
 * <ul>
 *   <li>Exit 2, invalid input: sweep-file and usage errors, unreadable committed result files, and a cluster master
 *       that Spark could not start with.</li>
 *   <li>Exit 130 or 143: the interrupt message after SIGINT or SIGTERM.</li>
 *   <li>Exit 1: any other failure, with its cause chain.</li>
 * </ul>
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        // After SIGINT or SIGTERM the exception only shows how the command stopped, such as a cancelled Spark job.
        if (StopSignalHandler.requested() || e instanceof InterruptedIOException) {
            StopSignalHandler.report(commandLine.getErr());
            LOG.debug("command interrupted", e);
            return StopSignalHandler.exitCode();
        }
        if (e instanceof SweepSpecException || e instanceof InvalidInputException
                || e instanceof CorruptFileException) {
            commandLine.getErr().println("error: " + e.getMessage());
            LOG.debug("invalid input", e);
            return Main.EXIT_BAD_INPUT;
        }
        if (e instanceof IllegalStateException && e.getMessage() != null && e.getMessage().contains("in use by")) {
            commandLine.getErr().println("error: " + e.getMessage());
            return Main.EXIT_BAD_INPUT;
        }
        StringBuilder message = new StringBuilder("error: ").append(e);
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append("\n  caused by: ").append(cause);
        }
        commandLine.getErr().println(message);
        LOG.debug("command failed", e);
        return 1;
    }
}
