package io.isobench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A benchmark's own temporary directory under {@code -Disobench.dir} (default {@code java.io.tmpdir}),
 * deleted with everything in it on {@link #close()}. Benchmarks create files nowhere else.
 */
public final class BenchDir implements AutoCloseable {

    /** The system property that chooses the file system under test. */
    public static final String PROPERTY = "isobench.dir";

    private final Path path;

    private BenchDir(Path path) {
        this.path = path;
    }

    public static Path root() {
        return Paths.get(System.getProperty(PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    public static BenchDir create(String purpose) {
        try {
            return new BenchDir(Files.createTempDirectory(root(), "isobench-" + purpose + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory under " + root(), e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        deleteRecursively(path);
    }

    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
