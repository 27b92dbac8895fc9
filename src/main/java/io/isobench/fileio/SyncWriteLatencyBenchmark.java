package io.isobench.fileio;

import io.isobench.evidence.DeviceFlushes;
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
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Latency of one durable 4 KiB write: {@code pwrite} then {@code fsync}, the commit path of a database log;
 * depends on the device's flush latency and on how the hypervisor's disk cache mode honours flushes. Evidence: the
 * disk's cache flushes per write ({@link DeviceFlushes}), at least one where the fsync reached a disk's cache (shown,
 * not claimed: gVisor, which has no /sys/block, would count as contradicted and leave its fsync row out).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class SyncWriteLatencyBenchmark {

    private static final int BLOCK = 4096;
    /** The writes cycle through 16 MiB of a laid-out file. */
    private static final long FILE_BYTES = 16L << 20;

    private LaidOutFile file;
    private FileChannel channel;
    private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
    private long position;

    @Setup
    public void setup() throws IOException {
        file = new LaidOutFile("fsync", FILE_BYTES, StandardOpenOption.WRITE);
        channel = file.channel();
        LaidOutFile.fillRandom(block);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    @Benchmark
    public int writeFsync(DeviceFlushes flushes) throws IOException {
        block.clear();
        int written = channel.write(block, position);
        channel.force(true);
        flushes.op();
        position = (position + BLOCK) % FILE_BYTES;
        return written;
    }
}
