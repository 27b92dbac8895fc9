package io.isobench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A benchmark's own temporary directory under {@code -Disobench.dir} (default {@code java.io.tmpdir}),
 * deleted with everything in it on {@link #close()}. Benchmarks create files nowhere else. A directory still open when
 * the JVM exits is deleted then: JMH skips {@code @TearDown} when a benchmark throws (e.g. ENOSPC on a full disk), and
 * the fork's exit must not leave the directory behind.
 */
public final class BenchDir implements AutoCloseable {

    /** The system property that chooses the file system under test. */
    public static final String PROPERTY = "isobench.dir";

    /** Directories created and not yet closed, deleted at exit. */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(BenchDir::deleteLeftovers, "isobench-benchdir-cleanup"));
        } catch (IllegalStateException e) {
            // First used from a shutdown hook (a launcher's cleanup deleting a work directory on Ctrl-C): nothing is
            // opened from now on, and failing here would stop that cleanup.
        }
    }

    private final Path path;

    private BenchDir(Path path) {
        this.path = path;
        OPEN.add(path);
    }

    public static Path root() {
        return Paths.get(System.getProperty(PROPERTY, System.getProperty("java.io.tmpdir")));
    }

    public static BenchDir create(String purpose) {
        return create(root(), purpose);
    }

    /** A directory under {@code root}; an UncheckedIOException (with the IOException's reason) when it cannot be made. */
    public static BenchDir create(Path root, String purpose) {
        try {
            return new BenchDir(Files.createTempDirectory(root, "isobench-" + purpose + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        OPEN.remove(path);
    }

    /** Deletes the directories that were never closed (the exit hook); quietly, it runs while the JVM ends. */
    static void deleteLeftovers() {
        for (Path dir : List.copyOf(OPEN)) {
            try {
                deleteRecursively(dir);
                OPEN.remove(dir);
            } catch (UncheckedIOException e) {
                // Nothing more can be done at exit.
            }
        }
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
