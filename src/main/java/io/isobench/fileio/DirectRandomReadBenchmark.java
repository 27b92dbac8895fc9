package io.isobench.fileio;

import com.sun.nio.file.ExtendedOpenOption;
import io.isobench.support.Capability;
import io.isobench.support.DirectIo;
import io.isobench.support.Requires;
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
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Random 4 KiB reads with O_DIRECT, bypassing the page cache: each read reaches the block device (or the
 * host's cache behind a virtual disk); skipped where the file system refuses O_DIRECT, e.g. tmpfs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Requires(Capability.DIRECT_IO)
public class DirectRandomReadBenchmark {

    private LaidOutFile file;
    private FileChannel channel;
    private final ByteBuffer buffer = DirectIo.alignedBuffer(LaidOutFile.BLOCK);

    @Setup
    public void setup() throws IOException {
        file = new LaidOutFile("directread", 128L << 20, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        channel = file.channel();
    }

    @TearDown
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    @Benchmark
    public int oDirect() throws IOException {
        buffer.clear();
        return channel.read(buffer, file.randomBlockOffset());
    }
}
