package io.isobench.fileio;

import com.sun.nio.file.ExtendedOpenOption;
import io.isobench.evidence.Claim;
import io.isobench.evidence.DeviceReads;
import io.isobench.evidence.Evidence;
import io.isobench.support.Capability;
import io.isobench.support.DirectIo;
import io.isobench.support.Requires;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Random 4 KiB O_DIRECT reads with 1, 4 and 16 requests in flight (one blocking reader thread per request), as
 * reads per second over all threads: how a device, or a virtual disk and the host's I/O path behind it, scales with
 * queue depth. {@code fio --rw=randread --bs=4k --direct=1 --ioengine=libaio --iodepth=N} measures the same depth
 * with asynchronous I/O from one thread. Skipped where the file system refuses O_DIRECT. The file is {@code fileMiB}
 * of random data of this fork's own, read at offsets of its own; each read is evidence of reaching the device, as in
 * {@link DirectRandomReadBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Requires(Capability.DIRECT_IO)
@Claim(evidence = Evidence.DEVICE_READ_BYTES_PER_OP, atLeast = 0.9 * LaidOutFile.BLOCK,
        means = "each read reaches the block device")
public class DirectQueueDepthBenchmark {

    @Param({"1024"})
    public long fileMiB;

    private LaidOutFile file;
    private FileChannel channel;

    @Setup
    public void setup() throws IOException {
        file = new LaidOutFile("queuedepth", fileMiB << 20, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        channel = file.channel();
    }

    @TearDown
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    /** One reader thread's buffer and its own random offsets (a generator seeded anew for every thread of every fork). */
    @State(Scope.Thread)
    public static class Reader {

        final ByteBuffer buffer = DirectIo.alignedBuffer(LaidOutFile.BLOCK);
        final SplittableRandom random = new SplittableRandom();
    }

    @Benchmark
    @Threads(1)
    public int depth1(Reader reader, DeviceReads reads) throws IOException {
        return read(reader, reads);
    }

    @Benchmark
    @Threads(4)
    public int depth4(Reader reader, DeviceReads reads) throws IOException {
        return read(reader, reads);
    }

    @Benchmark
    @Threads(16)
    public int depth16(Reader reader, DeviceReads reads) throws IOException {
        return read(reader, reads);
    }

    private int read(Reader reader, DeviceReads reads) throws IOException {
        reader.buffer.clear();
        reads.op();
        return channel.read(reader.buffer, reader.random.nextLong(file.bytes() / LaidOutFile.BLOCK) * LaidOutFile.BLOCK);
    }
}
