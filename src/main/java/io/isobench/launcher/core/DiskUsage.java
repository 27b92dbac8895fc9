package io.isobench.launcher.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** DiskUsage on disk, for footprints. */
public final class DiskUsage {

    private DiskUsage() {
    }

    public static long directoryBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(DiskUsage::fileBytes).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long fileBytes(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes a file really takes on disk (allocated blocks, so sparse files count only what they hold). */
    public static long diskUsageBytes(Path file) throws LauncherException, InterruptedException {
        Processes.Result du = Processes.run(java.util.List.of("du", "--block-size=1", "-s", file.toString()), 60);
        if (du.exitCode() != 0 || !du.output().matches("(?s)\\d+\\s.*")) {
            throw new LauncherException("du cannot measure " + file + ": " + du.output().strip());
        }
        return Long.parseLong(du.output().split("\\s+")[0]);
    }
}
