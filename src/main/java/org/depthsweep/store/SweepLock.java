package org.depthsweep.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a second driver from writing into a sweep directory while one is running. The lock is the file
 * {@code _lock} holding the owner's host and process id; the owner touches it every few seconds. A lock is stale, and
 * taken over, when its owner is a dead process on this host or when it has not been touched for
 * {@link #STALE_AFTER_MS}.
 */
public final class SweepLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SweepLock.class);

    /** A lock not touched for this long is taken as left behind by a driver that died. */
    public static final long STALE_AFTER_MS = 120_000L;
    private static final long TOUCH_EVERY_MS = 10_000L;

    /** Priority of the release hook in Hadoop's shutdown hook manager: above the hook that closes file systems. */
    private static final int RELEASE_HOOK_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 1;

    private final FileSystem fs;
    private final Path file;
    private final String owner;
    private final Thread heartbeat;
    private final Runnable releaseAtExit = this::releaseAtExit;
    private volatile boolean closed;

    private SweepLock(FileSystem fs, Path file, String owner) {
        this.fs = fs;
        this.file = file;
        this.owner = owner;
        this.heartbeat = new Thread(this::touchLoop, "depthsweep-lock-heartbeat");
        this.heartbeat.setDaemon(true);
        this.heartbeat.start();
        ShutdownHookManager.get().addShutdownHook(releaseAtExit, RELEASE_HOOK_PRIORITY);
    }

    /**
     * Takes the lock of a sweep directory.
     *
     * @throws IllegalStateException naming the owner when a live driver has the lock
     */
    public static SweepLock acquire(SweepStore store) throws IOException {
        FileSystem fs = store.fileSystem();
        Path file = new Path(store.dir(), "_lock");
        fs.mkdirs(store.dir());
        String owner = ownerText();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (OutputStream out = fs.create(file, false)) {
                out.write(owner.getBytes(StandardCharsets.UTF_8));
                return new SweepLock(fs, file, owner);
            } catch (FileAlreadyExistsException e) {
                Optional<String> holder = readOwner(fs, file);
                if (holder.isEmpty()) {
                    continue;
                }
                if (!isStale(fs, file, holder.get())) {
                    throw new IllegalStateException("sweep directory " + store.dir() + " is in use by another "
                            + "driver (" + holder.get() + "). Wait for it to finish, or if no driver is running "
                            + "delete " + file + " and run again.");
                }
                LOG.warn("taking over the stale lock of {} left by {}", store.dir(), holder.get());
                fs.delete(file, false);
            } catch (IOException e) {
                if (!fs.exists(file)) {
                    throw e;
                }
                // Some file systems report an existing file as a plain IOException.
                Optional<String> holder = readOwner(fs, file);
                if (holder.isPresent() && !isStale(fs, file, holder.get())) {
                    throw new IllegalStateException("sweep directory " + store.dir() + " is in use by another "
                            + "driver (" + holder.get() + "). Wait for it to finish, or if no driver is running "
                            + "delete " + file + " and run again.", e);
                }
                fs.delete(file, false);
            }
        }
        throw new IOException("could not take the lock " + file + " after removing a stale one");
    }

    /** Returns the owner text of a sweep directory's lock (host, pid and start time), or empty when unlocked. */
    public static Optional<String> owner(SweepStore store) throws IOException {
        return readOwner(store.fileSystem(), new Path(store.dir(), "_lock"));
    }

    private static String ownerText() throws IOException {
        return "host=" + InetAddress.getLocalHost().getHostName() + " pid=" + ProcessHandle.current().pid()
                + " started=" + ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static Optional<String> readOwner(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        } catch (java.io.FileNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean isStale(FileSystem fs, Path file, String owner) throws IOException {
        FileStatus status = fs.getFileStatus(file);
        if (System.currentTimeMillis() - status.getModificationTime() > STALE_AFTER_MS) {
            return true;
        }
        String host = InetAddress.getLocalHost().getHostName();
        String pid = field(owner, "pid");
        if (host.equals(field(owner, "host")) && pid != null) {
            try {
                return ProcessHandle.of(Long.parseLong(pid)).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static String field(String owner, String key) {
        for (String part : owner.split(" ")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }

    private void touchLoop() {
        while (!closed) {
            try {
                Thread.sleep(TOUCH_EVERY_MS);
                if (!closed) {
                    fs.setTimes(file, System.currentTimeMillis(), -1);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.warn("could not refresh the lock {}: {}", file, e.toString());
            }
        }
    }

    /**
     * Deletes the lock when the JVM exits without {@link #close}, for example after a second Ctrl-C or a SIGTERM,
     * unless another driver has taken it over since.
     */
    private void releaseAtExit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (readOwner(fs, file).map(owner::equals).orElse(false)) {
                fs.delete(file, false);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not release the lock {} at exit: {}", file, e.toString());
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        heartbeat.interrupt();
        if (!ShutdownHookManager.get().isShutdownInProgress()) {
            ShutdownHookManager.get().removeShutdownHook(releaseAtExit);
        }
        fs.delete(file, false);
    }
}
