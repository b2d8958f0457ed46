package org.depthsweep.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Creates the Spark session for a command, with safe defaults for local mode. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * Returns a session. The master comes from {@code master} when given, else from {@code spark.master} as
     * spark-submit sets it, else {@code local[*]}. In local mode the driver binds to 127.0.0.1, and the web UI is off
     * unless {@code spark.ui.enabled} is set.
     */
    public static SparkSession create(String master, String appName) {
        SparkConf conf = new SparkConf(true);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        conf.setIfMissing("spark.app.name", appName);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
