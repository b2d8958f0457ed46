package org.depthsweep.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.depthsweep.spark.SparkSessions;

/**
 * Checks the {@code --master} option before Spark starts, and turns a Spark start that fails on a cluster master into
 * an error that names the master URL and the cause.
 */
final class SparkStart {
    /** The master URL forms that Spark 3.5's SparkContext accepts, as listed in messages. */
    static final String ACCEPTED_FORMS = "local, local[N] with N >= 1, local[*], local[N,F], local[*,F] (F: task "
            + "failures allowed, >= 1), local-cluster[N,CORES,MEMORY_MB], spark://HOST:PORT[,HOST:PORT...], yarn, "
            + "k8s://https://HOST:PORT or mesos://HOST:PORT";

    /** Time allowed to open a TCP connection to a standalone master after Spark failed to start, in milliseconds. */
    static final int PROBE_TIMEOUT_MS = 2_000;

    /** Spark 3.5's forms local[N] and local[N,F], which allow spaces only around the comma. */
    private static final Pattern LOCAL = Pattern.compile("local\\[([0-9]+|\\*)(?:\\s*,\\s*([0-9]+))?]");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile(
            "local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*]");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:/\\[\\]@?#]+):([0-9]{1,5})");

    private SparkStart() {
    }

    /**
     * Checks a {@code --master} value. Null, for the default of spark-submit or local[*], passes.
     *
     * @throws InvalidInputException naming the value, the accepted forms and the fix
     */
    static void checkMaster(String master) {
        if (master == null || master.equals("local") || master.equals("yarn")) {
            return;
        }
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            if (!local.group(1).equals("*") && !isPositiveInt(local.group(1))) {
                throw invalidMaster(master, "the number of worker threads N must be an integer >= 1",
                        "use local[*] for one thread per core, or local[2] for two");
            }
            if (local.group(2) != null && !isPositiveInt(local.group(2))) {
                throw invalidMaster(master, "the number of task failures allowed F must be an integer >= 1",
                        "use local[" + local.group(1) + ",2], or local[" + local.group(1) + "] for no retries");
            }
            return;
        }
        Matcher localCluster = LOCAL_CLUSTER.matcher(master);
        if (localCluster.matches()) {
            for (int group = 1; group <= 3; group++) {
                if (!isPositiveInt(localCluster.group(group))) {
                    throw invalidMaster(master, "the workers, cores per worker and memory per worker in MB must be "
                            + "integers >= 1", "use for example local-cluster[2,1,1024]");
                }
            }
            return;
        }
        if (master.startsWith("spark://")) {
            standaloneAddresses(master);
            return;
        }
        for (String prefix : new String[] {"k8s://", "mesos://"}) {
            if (master.startsWith(prefix) && master.length() > prefix.length()) {
                return;
            }
        }
        throw invalidMaster(master, "it is not a Spark master URL", "use local[*] to run on this machine, or the "
                + "URL of a cluster manager");
    }

    /**
     * Returns the host and port of each master of a standalone master URL, {@code spark://HOST:PORT[,HOST:PORT...]}.
     *
     * @throws InvalidInputException when an entry is not HOST:PORT with a port from 1 to 65535
     */
    static List<InetSocketAddress> standaloneAddresses(String master) {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String entry : master.substring("spark://".length()).split(",", -1)) {
            Matcher hostPort = HOST_PORT.matcher(entry);
            int port = hostPort.matches() ? Integer.parseInt(hostPort.group(2)) : 0;
            if (port < 1 || port > 65_535) {
                throw invalidMaster(master, "'" + entry + "' is not HOST:PORT with a port from 1 to 65535",
                        "give each standalone master as HOST:PORT, as in spark://127.0.0.1:7077 or "
                                + "spark://host1:7077,host2:7077");
            }
            String host = hostPort.group(1).replaceAll("^\\[|]$", "");
            addresses.add(InetSocketAddress.createUnresolved(host, port));
        }
        return addresses;
    }

    /**
     * Checks {@code master}, then starts the command's Spark session with it.
     *
     * @throws InvalidInputException for an invalid master URL, or when Spark fails to start with a master that is
     *                               not local, naming the URL and whether its host and port accept connections
     */
    static SparkSession create(String master, String appName) {
        checkMaster(master);
        SparkSession spark;
        try {
            spark = SparkSessions.create(master, appName);
        } catch (Exception e) {
            // Spark throws its checked SparkException undeclared, for example for a master URL it cannot parse.
            String url = master != null ? master : System.getProperty("spark.master", "local[*]");
            if (StopSignalHandler.requested() || url.startsWith("local")) {
                throw e;
            }
            throw new InvalidInputException(startFailure(url, e), e);
        }
        String url = spark.sparkContext().master();
        if (url.startsWith("spark://") && !registered(spark)) {
            SparkSessions.stop(spark);
            throw new InvalidInputException(startFailure(url, new IllegalStateException("the application did not "
                    + "register with the master, and Spark stopped its context")));
        }
        return spark;
    }

    /**
     * Tells whether a session on a standalone master registered its application. Spark 3.5 gives up after 3
     * registration attempts of 20 s, and its context start-up then either fails or returns a context that stops
     * itself in the background. Such a context has no application id from the master: Spark falls back to
     * {@code spark-application-<milliseconds>}, while the master's ids start with {@code app-}.
     */
    private static boolean registered(SparkSession spark) {
        SparkContext context = spark.sparkContext();
        return !context.isStopped() && !context.applicationId().startsWith("spark-application-");
    }

    /** Builds the message for a Spark start that failed with a cluster master, naming the URL, the cause and a fix. */
    static String startFailure(String url, Throwable failure) {
        String cause = rootCause(failure);
        if (!url.startsWith("spark://")) {
            return "Spark failed to start with master " + url + ": " + cause + ". Fix: check the master URL, that "
                    + "its cluster manager is running and reachable from this machine, and that its Spark "
                    + "module (spark-yarn, spark-kubernetes or spark-mesos) is on the class path, as it is for "
                    + "submit/cluster with SPARK_HOME set to a Spark installation.";
        }
        List<InetSocketAddress> addresses = standaloneAddresses(url);
        List<String> unreachable = new ArrayList<>();
        for (InetSocketAddress address : addresses) {
            probe(address).ifPresent(error -> unreachable.add(address.getHostString() + ":" + address.getPort()
                    + " (" + error + ")"));
        }
        if (unreachable.size() == addresses.size()) {
            return "the standalone master " + url + " could not be reached: no connection to "
                    + String.join(", ", unreachable) + ", so Spark gave up registering the application. Fix: start "
                    + "the master (submit/standalone start on this machine), or give the URL that its log or web UI "
                    + "shows.";
        }
        return "Spark failed to register with the standalone master " + url + ", which accepts connections: "
                + cause + ". Fix: check the master's log, and that it runs Spark 3.5 and has workers with free "
                + "cores and memory.";
    }

    /** Returns the error of a TCP connection to the address, or empty when the connection opens. */
    private static Optional<String> probe(InetSocketAddress unresolved) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(unresolved.getHostString(), unresolved.getPort()),
                    PROBE_TIMEOUT_MS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    private static boolean isPositiveInt(String digits) {
        try {
            return Integer.parseInt(digits) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static InvalidInputException invalidMaster(String master, String rule, String fix) {
        return new InvalidInputException("--master " + master + " is invalid: " + rule + ". Accepted forms: "
                + ACCEPTED_FORMS + ". Fix: " + fix + ".");
    }
}
