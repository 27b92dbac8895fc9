package io.isobench.syscall;

import com.sun.jna.Pointer;
import io.isobench.support.BenchDir;
import io.isobench.support.LibC;
import io.isobench.support.NativeString;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Opening and closing an existing file: libc {@code open}+{@code close} as a JNA caller pays them (two JNA calls), and a
 * JDK {@code FileChannel}; depends on path resolution and on the file system under {@code isobench.dir} (overlayfs adds
 * a layer).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FileOpenCloseBenchmark {

    private BenchDir dir;
    private Path file;
    private Pointer cPath;

    @Setup
    public void setup() throws IOException {
        LibC.load();
        try {
            dir = BenchDir.create("open");
            file = Files.write(dir.resolve("existing"), new byte[]{1});
            cPath = NativeString.of(file.toString());
        } catch (IOException | RuntimeException e) {
            tearDown(); // JMH runs no @TearDown after a failed @Setup
            throw e;
        }
    }

    @TearDown
    public void tearDown() {
        if (dir != null) {
            dir.close();
        }
    }

    @Benchmark
    public int libcOpenClose() {
        int fd = LibC.open(cPath, LibC.O_RDONLY);
        if (fd < 0) {
            throw new IllegalStateException("open failed on " + file);
        }
        return LibC.close(fd) + fd;
    }

    @Benchmark
    public boolean javaChannelOpenClose() throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.isOpen();
        }
    }
}
