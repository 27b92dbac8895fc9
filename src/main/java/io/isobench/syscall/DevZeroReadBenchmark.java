package io.isobench.syscall;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A {@code read} of one byte from /dev/zero: a syscall with a file descriptor look-up and a copy-out, but
 * no storage; through libc as a JNA caller pays it, and through a JDK {@code FileChannel}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DevZeroReadBenchmark {

    private static final String DEV_ZERO = "/dev/zero";

    private int fd = -1;
    private final Memory buffer = new Memory(1);
    private FileChannel channel;
    private final ByteBuffer javaBuffer = ByteBuffer.allocateDirect(1);

    @Setup
    public void setup() throws IOException {
        Pointer path = NativeString.of(DEV_ZERO);
        fd = LibC.open(path, LibC.O_RDONLY);
        if (fd < 0) {
            throw new IllegalStateException("cannot open " + DEV_ZERO);
        }
        channel = FileChannel.open(Path.of(DEV_ZERO), StandardOpenOption.READ);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (fd >= 0) {
            LibC.close(fd);
            fd = -1;
        }
        if (channel != null) {
            channel.close();
        }
    }

    @Benchmark
    public long libcRead() {
        return LibC.read(fd, buffer, 1);
    }

    @Benchmark
    public int javaChannelRead() throws IOException {
        javaBuffer.clear();
        return channel.read(javaBuffer);
    }
}
