package org.depthsweep.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the processes of a test cluster and their listening sockets through Linux's /proc, without any tool that
 * might be missing.
 */
final class ClusterProcesses {
    static final String EXECUTOR_CLASS = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    private static final String LISTEN = "0A";

    private ClusterProcesses() {
    }

    /**
     * Returns the pids of executor JVMs whose working directory lies under a folder. A standalone worker starts each
     * executor in WORK_DIR/APP_ID/EXECUTOR_ID, so the folder of one worker finds exactly its executors, also after
     * the worker itself was killed.
     */
    static List<Long> executorsUnder(Path folder) throws IOException {
        Path real = folder.toRealPath();
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Paths.get("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    Path cwd = Files.readSymbolicLink(proc.resolve("cwd"));
                    if (!cwd.startsWith(real)) {
                        continue;
                    }
                    String command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (command.contains(EXECUTOR_CLASS)) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException | SecurityException e) {
                    // The process ended while it was being read, or it belongs to another user: not ours.
                }
            }
        }
        return pids;
    }

    /** Reads the pid that submit/standalone recorded in a pid file. */
    static long pidFile(Path file) throws IOException {
        return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    /**
     * Returns the local addresses ("address:port") of every TCP socket in LISTEN state that a process has open, from
     * the socket inodes among its file descriptors and the kernel's tables /proc/net/tcp and /proc/net/tcp6.
     */
    static List<InetAddressAndPort> listeningSockets(long pid) throws IOException {
        Set<String> inodes = new java.util.HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Paths.get("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // The descriptor was closed while it was being read.
                }
            }
        }
        Map<String, InetAddressAndPort> listening = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Paths.get(table), StandardCharsets.US_ASCII);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
                    listening.put(fields[9], decode(fields[1]));
                }
            }
        }
        return new ArrayList<>(listening.values());
    }

    /** A socket's local address and port. */
    record InetAddressAndPort(InetAddress address, int port) {
        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    /**
     * Decodes "ADDRESS:PORT" of /proc/net/tcp*: the address is hexadecimal in 32-bit words of host byte order
     * (little-endian on x86-64), the port hexadecimal. An IPv4-mapped IPv6 address decodes to its IPv4 address.
     */
    static InetAddressAndPort decode(String field) throws UnknownHostException {
        String[] parts = field.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return new InetAddressAndPort(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
