package org.depthsweep.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --master check before Spark starts, and the message when Spark fails to start with a cluster master. */
class SparkStartTest {
    @TempDir
    Path tmp;

    @Test
    void validMastersAccepted() {
        List<String> masters = Arrays.asList(null, "local", "local[1]", "local[*]", "local[4,2]", "local[*,3]",
                "local[2 , 3]", "local-cluster[2,1,1024]", "spark://127.0.0.1:7077",
                "spark://host1:7077,host2:7078", "spark://[::1]:7077", "yarn", "k8s://https://127.0.0.1:6443",
                "mesos://127.0.0.1:5050");
        for (String master : masters) {
            assertDoesNotThrow(() -> SparkStart.checkMaster(master), String.valueOf(master));
        }
    }

    @Test
    void invalidMastersRejected() {
        List<String> masters = List.of("", "foo", "local[0]", "local[2,0]", "local[x]", "local[ 2 ]",
                "local[99999999999]", "local-cluster[0,1,1024]", "spark://", "spark://127.0.0.1", "spark://127.0.0.1:0",
                "spark://127.0.0.1:70000", "spark://127.0.0.1:7077,", "spark://127.0.0.1:7077/path", "k8s://",
                "mesos://", "yarn-client", "LOCAL[2]");
        for (String master : masters) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> SparkStart.checkMaster(master), master);
            assertTrue(e.getMessage().startsWith("--master " + master + " is invalid"), e.getMessage());
            assertTrue(e.getMessage().contains("Accepted forms: local, local[N] with N >= 1"), e.getMessage());
            assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
        }
    }

    @Test
    void zeroThreadsNamesRule() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> SparkStart.checkMaster("local[0]"));

        assertTrue(e.getMessage().contains("N must be an integer >= 1"), e.getMessage());
    }

    @Test
    void everyCommandRejectsMasterBeforeSpark() throws IOException {
        Path output = tmp.resolve("out");
        Path sweep = tmp.resolve("no-such-sweep");
        List<List<String>> commands = List.of(
                List.of("run", "conf/toy-lp.conf", "--output", output.toString(), "--master", "foo"),
                List.of("run", "conf/toy-lp.conf", "--dry-run", "--master", "local[0]"),
                List.of("fit", sweep.toString(), "--master", "foo"),
                List.of("sql", sweep.toString(), "SELECT 1", "--master", "foo"),
                List.of("report", sweep.toString(), "--master", "foo"));
        for (List<String> args : commands) {
            CliRun.Result result = CliRun.run(args.toArray(String[]::new));

            assertEquals(Main.EXIT_BAD_INPUT, result.code(), String.join(" ", args) + "\n" + result.err());
            assertTrue(result.err().contains("error: --master "), result.err());
            assertFalse(result.err().contains("\tat "), "stack trace printed:\n" + result.err());
        }
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.toList(), "files written");
        }
    }

    @Test
    void unreachableStandaloneMasterNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String url = "spark://127.0.0.1:" + port;

        String message = SparkStart.startFailure(url, new IllegalStateException("LiveListenerBus is stopped."));

        assertTrue(message.contains("the standalone master " + url + " could not be reached"), message);
        assertTrue(message.contains("no connection to 127.0.0.1:" + port), message);
        assertTrue(message.contains("Fix: start the master"), message);
    }

    @Test
    void missingClusterManagerExitsTwo() {
        CliRun.Result result = CliRun.run("run", "conf/toy-lp.conf", "--output", tmp.resolve("out").toString(),
                "--master", "mesos://127.0.0.1:5050", "--no-fit");

        assertEquals(Main.EXIT_BAD_INPUT, result.code(), result.err());
        assertTrue(result.err().contains("Spark failed to start with master mesos://127.0.0.1:5050"), result.err());
        assertTrue(result.err().contains("Could not parse Master URL"), result.err());
        assertFalse(Files.exists(tmp.resolve("out")), "output root created");
    }
}
