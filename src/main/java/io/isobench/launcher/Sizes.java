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
}
