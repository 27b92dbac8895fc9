package io.isobench.fileio;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
 * Sequential writes of one block per operation into a laid-out 64 MiB file, wrapping around like fio's
 * {@code rw=write} with {@code time_based}. Buffered, the file stays in the page cache: that variant measures the
 * write path into the page cache (and the file system layer above it: overlayfs, ext4), not the disk. With
 * {@code fdatasync} after each write it measures the device and how the virtual disk honours flushes. The
 * secondary metric {@code mebibytes} is the bandwidth in MiB/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SequentialWriteBenchmark {

    /** Size of the file the writes cycle through: bounded, so long runs don't fill the disk. */
    static final long FILE_BYTES = 64L << 20;

    @Param({"4096", "65536", "1048576"})
    public int blockSize;

    @Param({"buffered", "fdatasync"})
    public String sync;

    private LaidOutFile file;
    private FileChannel channel;
    private ByteBuffer block;
    private long position;
    private boolean fdatasync;

    /** Bytes written, reported per second as a secondary metric. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bandwidth {
        public double mebibytes;

        @Setup(Level.Iteration)
        public void reset() {
            mebibytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setup() throws IOException {
        fdatasync = switch (sync) {
            case "buffered" -> false;
            case "fdatasync" -> true;
            default -> throw new IllegalArgumentException("sync must be buffered or fdatasync, got " + sync);
        };
        file = new LaidOutFile("seqwrite", FILE_BYTES, StandardOpenOption.WRITE);
        channel = file.channel();
        block = ByteBuffer.allocateDirect(blockSize);
        LaidOutFile.fillRandom(block);
        position = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    @Benchmark
    public int write(Bandwidth bandwidth) throws IOException {
        block.clear();
        int written = channel.write(block, position);
        if (fdatasync) {
            channel.force(false);
        }
        position += written;
        if (position + blockSize > FILE_BYTES) {
            position = 0;
        }
        bandwidth.mebibytes += written / (1024.0 * 1024.0);
        return written;
    }
}
