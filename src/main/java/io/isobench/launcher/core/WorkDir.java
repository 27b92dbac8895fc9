package io.isobench.launcher.core;

import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What an instance that runs as another user (Charliecloud, rootless Podman) binds in, on the host's disk beside the
 * host's own bench directory and owned by that user: a copy of the jar (its build directory may be out of the user's
 * reach), the file benchmarks' directory, and a results directory for when the run's is out of reach
 * ({@link #resultsFor}). Removed on close, when the environment directory it lent is given back.
 */
public final class WorkDir implements AutoCloseable {

    /** Beside the host's /var/tmp/isobench: the same disk, world-searchable. */
    private static final Path PARENT = Path.of("/var/tmp");

    private final Path dir;
    private final RunAs user;
    private Path lent;

    private WorkDir(Path dir, RunAs user) {
        this.dir = dir;
        this.user = user;
    }

    /** A new work directory {@code /var/tmp/isobench-PREFIX-*} with a copy of {@code jar}, owned by {@code user}. */
    public static WorkDir create(String prefix, RunAs user, Path jar) throws LauncherException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(PARENT, "isobench-" + prefix + "-");
            Files.copy(jar, dir.resolve("benchmarks.jar"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.createDirectories(dir.resolve("bench"));
            Files.createDirectories(dir.resolve("results"));
            user.own(dir);
            return new WorkDir(dir, user);
        } catch (IOException e) {
            if (dir != null) {
                BenchDir.deleteRecursively(dir);
            }
            throw new LauncherException("cannot make a work directory in " + PARENT + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path jar() {
        return dir.resolve("benchmarks.jar");
    }

    public Path bench() {
        return dir.resolve("bench");
    }

    /**
     * Where the suite writes its results: the environment directory itself, lent to the user until close (so that
     * results land on the host as they are written), or, where the user cannot reach it (a run directory under /root),
     * this work directory's own, from which the launcher copies the suite's files back after every step.
     */
    public Path resultsFor(Path envDir) throws IOException {
        Files.createDirectories(envDir);
        if (user.switches()) {
            Files.setAttribute(envDir, "unix:uid", user.uid(), LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(envDir, "unix:gid", user.gid(), LinkOption.NOFOLLOW_LINKS);
            lent = envDir;
        }
        if (user.mayWriteIn(envDir)) {
            return envDir;
        }
        Progress.say(user.name() + " cannot reach " + envDir + "; the suite writes to " + dir.resolve("results")
                + " and its files are copied back after every step");
        return dir.resolve("results");
    }

    /** Gives the environment directory back to the launcher's user and removes the work directory; never throws. */
    @Override
    public void close() {
        try {
            if (lent != null) {
                RunAs.self().own(lent);
            }
        } catch (IOException | LauncherException e) {
            Progress.warn("cannot give " + lent + " back to the launcher's user: " + e.getMessage());
        }
        try {
            BenchDir.deleteRecursively(dir);
        } catch (java.io.UncheckedIOException e) {
            Progress.warn("cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
