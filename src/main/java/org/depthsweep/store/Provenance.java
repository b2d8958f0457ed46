package org.depthsweep.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;

/**
 * Where a result came from. The driver fixes the tool version, git commit and configuration hash once per run; the
 * Java, Spark and nd4j versions and the host name are read on the executor that ran the cell.
 */
public record Provenance(String toolVersion, String gitCommit, String configHash) implements Serializable {

    /** Builds the driver-side part for a sweep with the given configuration hash. */
    public static Provenance forDriver(String configHash) {
        return new Provenance(currentToolVersion(), currentGitCommit(), configHash);
    }

    /** Values of {@link Tables#PROVENANCE} for a row written on this JVM. */
    public List<String> columnValues() {
        return List.of(toolVersion, gitCommit, configHash, System.getProperty("java.version"), sparkVersion(),
                nd4jVersion(), hostName());
    }

    /** Version of this tool from the jar manifest, or {@code dev} when run from classes. */
    public static String currentToolVersion() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    /** Spark version on the class path. */
    public static String sparkVersion() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    /** nd4j version from its Maven metadata, read without loading the native backend. */
    public static String nd4jVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream(
                "/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    /**
     * Commit of the git checkout the tool's classes or jar were built in, read from its {@code .git} folder without
     * running git; {@code unknown} outside a checkout.
     */
    public static String currentGitCommit() {
        try {
            Path start = Paths.get(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path git = dir.resolve(".git");
                if (Files.isDirectory(git)) {
                    return readHead(git);
                }
                if (Files.isRegularFile(git)) {
                    // A worktree: .git is a file that points at the real git folder.
                    String text = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (text.startsWith("gitdir:")) {
                        return readHead(dir.resolve(text.substring("gitdir:".length()).trim()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | SecurityException | NullPointerException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String readHead(Path git) throws IOException {
        String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref:")) {
            return head;
        }
        String ref = head.substring("ref:".length()).trim();
        Path common = git;
        Path commonFile = git.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            common = git.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
        }
        for (Path base : List.of(git, common)) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.UTF_8).trim();
            }
            Path packed = base.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
        }
        return "unknown";
    }
}
