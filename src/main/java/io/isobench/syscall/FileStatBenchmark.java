package io.isobench.syscall;

import com.sun.jna.Memory;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Metadata look-up of an existing file: libc {@code stat} as a JNA caller pays it, and the JDK's {@code Files.exists}
 * and {@code readAttributes}; depends on the dentry cache and on the file system under {@code isobench.dir}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FileStatBenchmark {

    private BenchDir dir;
    private Path file;
    private Pointer cPath;
    private final Memory statBuffer = new Memory(LibC.STAT_BUFFER_BYTES);

    @Setup
    public void setup() throws IOException {
        LibC.load();
        try {
            dir = BenchDir.create("stat");
            file = Files.write(dir.resolve("existing"), new byte[]{1});
            cPath = NativeString.of(file.toString());
            if (LibC.stat(cPath, statBuffer) != 0) {
                throw new IllegalStateException("stat failed on " + file);
            }
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
    public int libcStat() {
        return LibC.stat(cPath, statBuffer);
    }

    @Benchmark
    public boolean javaFilesExists() {
        return Files.exists(file);
    }

    @Benchmark
    public long javaReadAttributes() throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).size();
    }
}
