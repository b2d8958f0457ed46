package org.depthsweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.sql.SparkSession;

/** Creates the Spark session for a command, with safe defaults for local mode. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * Returns a session. The master comes from {@code master} when given, else from {@code spark.master} as
     * spark-submit sets it, else {@code local[*]}. In local mode and with a standalone master on 127.0.0.1 or
     * localhost, the driver and its block manager bind to 127.0.0.1 and the web UI is off unless
     * {@code spark.ui.enabled} is set. The web UI binds to the address in the environment variable SPARK_LOCAL_IP,
     * or to every address when it is unset.
     */
    public static SparkSession create(String master, String appName) {
        SparkConf conf = new SparkConf(true);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", appName);
        String url = conf.get("spark.master");
        if (url.startsWith("local") || isLoopbackMaster(url)) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        if (url.startsWith("local")) {
            conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** Maximum wait of {@link #stop} for running tasks, in milliseconds. */
    static final long STOP_WAIT_MS = 10_000L;

    /**
     * Stops a session once no task runs, waiting at most {@link #STOP_WAIT_MS}. The tasks of a cancelled job, for
     * example after Ctrl-C, report back after the job has ended, and stopping Spark before they do logged rejected
     * status updates with stack traces. The session stops being this thread's active session.
     */
    public static void stop(SparkSession spark) {
        long deadline = System.nanoTime() + STOP_WAIT_MS * 1_000_000L;
        while (runningTasks(spark) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        spark.stop();
        // Spark 3.5 leaves a stopped session active in this thread, and code that reads the active session's
        // configuration, such as the SQL parser for INSERT OVERWRITE DIRECTORY, would then fail.
        scala.Option<SparkSession> active = SparkSession.getActiveSession();
        if (active.isDefined() && active.get() == spark) {
            SparkSession.clearActiveSession();
        }
    }

    private static int runningTasks(SparkSession spark) {
        if (spark.sparkContext().isStopped()) {
            return 0;
        }
        int running = 0;
        for (SparkExecutorInfo executor : spark.sparkContext().statusTracker().getExecutorInfos()) {
            running += executor.numRunningTasks();
        }
        return running;
    }

    /** Returns whether a master URL names a standalone master on this machine's loopback address. */
    public static boolean isLoopbackMaster(String url) {
        return url.startsWith("spark://127.0.0.1:") || url.startsWith("spark://localhost:");
    }

    /** Returns whether every executor of a master URL runs on this machine: local mode or a loopback master. */
    public static boolean runsOnThisHost(String url) {
        return url.startsWith("local") || isLoopbackMaster(url);
    }
}
