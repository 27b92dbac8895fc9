package io.isobench.fileio;

import io.isobench.support.BenchDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Create, write 1 KiB, close and delete a file: metadata-heavy churn (inode and dentry allocation, journal);
 * depends on the file system behind {@code isobench.dir} and, in containers, on overlayfs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class SmallFileChurnBenchmark {

    private BenchDir dir;
    private Path file;
    private final ByteBuffer content = ByteBuffer.allocateDirect(1024);

    @Setup
    public void setup() {
        dir = BenchDir.create("churn");
        file = dir.resolve("small");
        LaidOutFile.fillRandom(content);
    }

    @TearDown
    public void tearDown() {
        dir.close();
    }

    @Benchmark
    public int createWriteDelete() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.clear();
            return channel.write(content);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
