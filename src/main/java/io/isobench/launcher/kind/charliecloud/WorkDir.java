package io.isobench.launcher.kind.charliecloud;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.RunAs;
import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What one Charliecloud instance (or density's series) binds into the image, on the host's disk beside the host's own
 * bench directory and owned by the user that runs ch-run: a copy of the jar (its build directory may be out of that
 * user's reach), the file benchmarks' directory, and a results directory for when the run's is out of reach. Removed on
 * close.
 */
record WorkDir(Path dir) implements AutoCloseable {

    /** Beside the host's /var/tmp/isobench: the same disk, world-searchable. */
    private static final Path PARENT = Path.of("/var/tmp");

    static WorkDir create(RunAs user, Path jar) throws LauncherException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory(PARENT, "isobench-charliecloud-");
            Files.copy(jar, dir.resolve("benchmarks.jar"), StandardCopyOption.COPY_ATTRIBUTES);
            Files.createDirectories(dir.resolve("bench"));
            Files.createDirectories(dir.resolve("results"));
            user.own(dir);
            return new WorkDir(dir);
        } catch (IOException e) {
            if (dir != null) {
                BenchDir.deleteRecursively(dir);
            }
            throw new LauncherException("cannot make a work directory in " + PARENT + ": " + e.getMessage(), e);
        }
    }

    Path jar() {
        return dir.resolve("benchmarks.jar");
    }

    Path bench() {
        return dir.resolve("bench");
    }

    Path results() {
        return dir.resolve("results");
    }

    /** Removes it; never throws. */
    @Override
    public void close() {
        try {
            BenchDir.deleteRecursively(dir);
        } catch (java.io.UncheckedIOException e) {
            io.isobench.launcher.core.Progress.warn("cannot remove " + dir + ": " + e.getMessage());
        }
    }
}
