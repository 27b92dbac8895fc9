package io.isobench.launcher.kind.host;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Refuses a second host run on this machine before it starts. JMH takes {@code java.io.tmpdir/jmh.lock} with a
 * {@code FileChannel.tryLock} for every run (one per benchmark class here), so a second host run would fail every
 * class on it. Between two classes the lock is free for a moment, so the host environment also holds a lock of its
 * own ({@value #OWN}) for as long as this launcher lives; a run checks both. Containers and VMs have their own /tmp.
 * The own lock is in the launcher's state directory ({@link Workspace#stateDir}: root's is /var/lib/isobench, 0700),
 * not in /tmp, where any user could create and hold it first; JMH's lock stays where JMH takes it, and is only tried.
 * Lock files are opened without following symbolic links.
 */
public final class HostLocks {

    /** The lock file JMH 1.37's {@code Runner} takes in {@code java.io.tmpdir}. */
    static final String JMH = "jmh.lock";
    /** The lock a host environment holds while its launcher runs. */
    static final String OWN = "isobench-host.lock";

    /** Where the own lock is, or null until it is asked for ({@link Workspace#stateDir}). */
    private Path ownDir;
    private final Path jmhDir;
    private FileLock held;

    /** Both locks in one directory (for tests). */
    public HostLocks(Path dir) {
        this(dir, dir);
    }

    HostLocks(Path ownDir, Path jmhDir) {
        this.ownDir = ownDir;
        this.jmhDir = jmhDir;
    }

    /**
     * The own lock in the launcher's state directory, found when first taken, and JMH's in the suite's temporary
     * directory (the host suite runs with the launcher's {@code java.io.tmpdir}).
     */
    public static HostLocks forThisMachine() {
        return new HostLocks(null, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Takes the host run's own lock (kept until this process ends; taking it again is a no-op) and checks that no
     * JMH run holds JMH's.
     *
     * @throws LauncherException naming the lock and, where /proc/locks tells, the process that holds it
     */
    public synchronized void acquire() throws LauncherException {
        if (held != null) {
            checkJmh();
            return;
        }
        if (ownDir == null) {
            ownDir = Workspace.stateDir();
        }
        Path own = ownDir.resolve(OWN);
        FileChannel channel = open(own, true);
        FileLock lock = tryLock(channel);
        if (lock == null) {
            close(channel);
            throw busy(own, "another isobench host run");
        }
        try {
            checkJmh();
        } catch (LauncherException e) {
            close(channel); // releases the lock: this run does not start
            throw e;
        }
        held = lock; // kept until this process ends
    }

    private void checkJmh() throws LauncherException {
        Path jmh = jmhDir.resolve(JMH);
        if (Files.exists(jmh, LinkOption.NOFOLLOW_LINKS)) {
            FileChannel channel = open(jmh, false);
            try {
                FileLock lock = tryLock(channel);
                if (lock == null) {
                    throw busy(jmh, "another JMH run");
                }
                lock.release();
            } catch (IOException e) {
                throw new LauncherException("cannot check " + jmh + ": " + e.getMessage(), e);
            } finally {
                close(channel);
            }
        }
    }

    private static FileChannel open(Path file, boolean create) throws LauncherException {
        try {
            return create
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)
                    : FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new LauncherException("cannot open the host run lock " + file + " (" + e.getMessage()
                    + "); is another user's run using it?", e);
        }
    }

    /** The lock, or null when another process holds it (within this JVM, a lock held elsewhere counts as held). */
    private static FileLock tryLock(FileChannel channel) throws LauncherException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            throw new LauncherException("cannot lock " + channel + ": " + e.getMessage(), e);
        }
    }

    private static LauncherException busy(Path file, String what) {
        String holder = holder(file).map(pid -> " (pid " + pid + commandOf(pid) + ")").orElse("");
        return new LauncherException(what + " holds " + file + holder + "; two host runs at once would fail on JMH's "
                + "lock and disturb each other's numbers: wait for it to end");
    }

    /** The pid that holds a POSIX lock on the file, from /proc/locks ("1: POSIX ADVISORY WRITE PID MAJ:MIN:INODE ..."). */
    static Optional<Long> holder(Path file) {
        try {
            Object inode = Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            return holder(Files.readAllLines(Path.of("/proc/locks")), String.valueOf(inode));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<Long> holder(List<String> procLocks, String inode) {
        for (String line : procLocks) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 6 && !f[1].equals("->") && f[5].endsWith(":" + inode)) {
                try {
                    long pid = Long.parseLong(f[4]);
                    if (pid > 0) {
                        return Optional.of(pid);
                    }
                } catch (NumberFormatException e) {
                    // Not a process we can name.
                }
            }
        }
        return Optional.empty();
    }

    private static String commandOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                .map(c -> ": " + (c.length() > 120 ? c.substring(0, 117) + "..." : c)).orElse("");
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was locked through it.
        }
    }
}
