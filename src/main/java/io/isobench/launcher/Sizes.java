package io.isobench.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Sizes on disk, for footprints. */
public final class Sizes {

    private Sizes() {
    }

    public static long directoryBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(Sizes::fileBytes).sum();
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
    public static long diskUsageBytes(Path file) throws java.io.IOException {
        try {
            Process du = new ProcessBuilder("du", "--block-size=1", "-s", file.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes()).trim();
            if (du.waitFor() == 0 && out.matches("\\d+\\s.*")) {
                return Long.parseLong(out.split("\\s+")[0]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Files.size(file);
    }
}
