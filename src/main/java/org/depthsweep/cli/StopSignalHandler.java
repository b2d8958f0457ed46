package org.depthsweep.cli;

import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scala.Option;
import sun.misc.Signal;

/**
 * Handles SIGINT (Ctrl-C) and SIGTERM in the command-line process. The first signal cancels the running Spark jobs,
 * so that the command ends through its normal error path. Its finally blocks release the sweep lock and stop Spark, and then
 * {@link ErrorHandler} prints one line and returns {@link #exitCode()}: 130 after SIGINT and 143 after SIGTERM, as
 * shells report a process that the signal ended. When no Spark job is running, or
 * at the second signal, the process prints that line and exits at once with the same code, running only the
 * shutdown hooks.
 *
 * <p>The sweep keeps every batch committed before the signal. A cancelled task whose cells finish after the driver
 * released the sweep lock does not commit, so rerunning the same command runs the lost cells once. An exit at once
 * leaves the lock behind, and the next run takes it over because its process is dead.
 *
 * <p>{@code sun.misc.Signal}, in the module jdk.unsupported, is the only JDK API that handles a signal, and
 * Spark 3.5's SignalUtils uses it too. When SIGINT was ignored at JVM start, as under nohup, it stays ignored.
 */
final class StopSignalHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignalHandler.class);
    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    /** Exit code for the first signal received, 128 plus its number. */
    private static volatile int exitCode = Main.EXIT_INTERRUPTED;
    private static volatile String message = "interrupted";
    private static volatile PrintWriter err = new PrintWriter(System.err, true);

    private StopSignalHandler() {
    }

    /**
     * Replaces the JVM's SIGINT and SIGTERM handling for the rest of the process. The interrupt message goes to
     * errorStream when the process exits at once.
     */
    static void install(PrintStream errorStream) {
        err = new PrintWriter(errorStream, true);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), StopSignalHandler::handle);
            } catch (IllegalArgumentException e) {
                // The JVM keeps the signal for itself, for example under -Xrs, so it keeps its default effect.
                LOG.debug("SIG{} cannot be handled: {}", name, e.toString());
            }
        }
    }

    /** Sets the line printed after an interrupt, which states what was kept and how to continue. */
    static void setMessage(String text) {
        message = text;
    }

    /** Returns the exit code for the signal that arrived first: 130 for SIGINT, 143 for SIGTERM. */
    static int exitCode() {
        return exitCode;
    }

    /** Returns whether SIGINT or SIGTERM arrived since the process started. */
    static boolean requested() {
        return REQUESTED.get();
    }

    /**
     * Throws InterruptedIOException if SIGINT or SIGTERM arrived. Commands call it between Spark jobs, because a job
     * that ended just before the handler cancelled it lets the command go on.
     */
    static void throwIfRequested() throws InterruptedIOException {
        if (requested()) {
            throw new InterruptedIOException(message);
        }
    }

    /** Prints the interrupt message to out, once per process, whichever thread gets here first. */
    static void report(PrintWriter out) {
        if (REPORTED.compareAndSet(false, true)) {
            out.println(message);
            out.flush();
        }
    }

    private static void handle(Signal signal) {
        if (!REQUESTED.compareAndSet(false, true)) {
            exitNow();
            return;
        }
        exitCode = 128 + signal.getNumber();
        Option<SparkSession> session = SparkSession.getDefaultSession();
        SparkContext context = session.isDefined() ? session.get().sparkContext() : null;
        if (context != null && !context.isStopped() && context.statusTracker().getActiveJobIds().length > 0) {
            LOG.debug("SIG{}: cancelling the running Spark jobs", signal.getName());
            context.cancelAllJobs();
        } else {
            exitNow();
        }
    }

    private static void exitNow() {
        report(err);
        System.exit(exitCode);
    }
}
