package org.depthsweep.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.depthsweep.spark.SparkSessions;

/** Resolves and checks sweep directories under an output root. */
final class Outputs {
    private Outputs() {
    }

    /**
     * Returns {@code root/name}. The sweep loader has already checked that the name is a single path segment, so the
     * directory cannot leave the root by its name; {@link #check} covers symbolic links.
     */
    static String sweepDir(String root, String name) {
        if (root == null || root.isBlank()) {
            throw new InvalidInputException("--output must not be empty");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new InvalidInputException("sweep name '" + name + "' would leave the output root " + root
                    + "; use a name without '/' and not '.' or '..'");
        }
        return new Path(new Path(root), name).toString();
    }

    /**
     * Checks an output root and a sweep directory under it before anything is written. Each must be a directory when
     * it exists, and the root's file system must be available. On the local file system the sweep directory must lie
     * inside the root once symbolic links are resolved, so that a link cannot send results elsewhere.
     *
     * @throws InvalidInputException naming the path, the rule and the fix
     */
    static void check(String root, String sweepDir, Configuration conf) throws IOException {
        Path rootPath = new Path(root);
        FileSystem fs;
        try {
            fs = rootPath.getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            throw new InvalidInputException("no Hadoop file system is available for the scheme of --output " + root
                    + " (" + e.getMessage() + "). Put the file system's connector on the class path, for s3a:// "
                    + "the hadoop-aws jar of the cluster's Hadoop version (spark-submit --packages "
                    + "org.apache.hadoop:hadoop-aws:VERSION), or use another URI.");
        }
        requireDirectoryOrMissing(fs, rootPath, "output root", "give a directory, or a path that does not exist yet");
        Path sweepPath = new Path(sweepDir);
        requireDirectoryOrMissing(fs, sweepPath, "sweep directory",
                "move the file away or choose another --output or sweep name");
        if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
            java.nio.file.Path localRoot = Paths.get(fs.makeQualified(rootPath).toUri());
            java.nio.file.Path localSweep = Paths.get(fs.makeQualified(sweepPath).toUri());
            if (Files.exists(localSweep) && Files.exists(localRoot)) {
                java.nio.file.Path realRoot = localRoot.toRealPath();
                java.nio.file.Path realSweep = localSweep.toRealPath();
                if (!realSweep.startsWith(realRoot)) {
                    throw new InvalidInputException("sweep directory " + localSweep + " resolves to " + realSweep
                            + ", outside the output root " + realRoot + ". Results must stay inside the output "
                            + "root: remove the symbolic link " + localSweep + ", or give the folder it points to as "
                            + "--output.");
                }
            }
        }
    }

    private static void requireDirectoryOrMissing(FileSystem fs, Path path, String label, String fix)
            throws IOException {
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            requireCreatable(fs, path, label);
            return;
        }
        if (!status.isDirectory()) {
            throw new InvalidInputException(label + " " + path + " exists and is not a directory; " + fix);
        }
    }

    /**
     * Checks that the nearest existing ancestor of a missing path is a directory, because creating the path later
     * would fail with Hadoop's ParentNotDirectoryException.
     */
    private static void requireCreatable(FileSystem fs, Path path, String label) throws IOException {
        for (Path ancestor = path.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            FileStatus status;
            try {
                status = fs.getFileStatus(ancestor);
            } catch (FileNotFoundException e) {
                continue;
            }
            if (!status.isDirectory()) {
                throw new InvalidInputException(label + " " + path + " cannot be created because " + ancestor
                        + " exists and is not a directory. Fix: move the file " + ancestor
                        + " away, or give another --output.");
            }
            return;
        }
    }

    /**
     * Returns a warning when executors may run on other machines while the sweep directory is on the driver's local
     * file system, where each machine would write to its own disk. A folder mounted on every machine is fine, so this
     * only warns.
     */
    static Optional<String> localOutputWarning(String master, String sweepDir, Configuration conf)
            throws IOException {
        if (SparkSessions.runsOnThisHost(master)) {
            return Optional.empty();
        }
        FileSystem fs = new Path(sweepDir).getFileSystem(conf);
        if (!(fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem)) {
            return Optional.empty();
        }
        return Optional.of("warning: the sweep directory " + sweepDir + " is on the local file system, but master "
                + master + " may run executors on other machines, which would each write to their own disk. Unless "
                + "this folder is mounted on every machine, give --output as a shared file system URI such as "
                + "hdfs:///user/NAME/depthsweep or s3a://BUCKET/depthsweep.");
    }
}
