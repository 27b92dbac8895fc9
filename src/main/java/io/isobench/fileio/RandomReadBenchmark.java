package io.isobench.fileio;

import io.isobench.evidence.Claim;
import io.isobench.evidence.DeviceReads;
import io.isobench.evidence.Evidence;
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
 * Random 4 KiB {@code pread}s of a 64 MiB file that sits in the page cache: the syscall and copy path of
 * the file system, with no device access; depends on the file system layer (overlayfs, ext4, 9p). The bytes read
 * from the device per read show that it stayed so (a page cache too small for the file, or one emptied by a neighbour,
 * would read from the disk); more than 1 % of a block per read lists the row as contradicted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.DEVICE_READ_BYTES_PER_OP, atMost = 0.01 * LaidOutFile.BLOCK,
        means = "every read is a page-cache hit")
public class RandomReadBenchmark {

    private LaidOutFile file;
    private FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(LaidOutFile.BLOCK);

    @Setup
    public void setup() throws IOException {
        file = new LaidOutFile("randread", 64L << 20, StandardOpenOption.READ);
        channel = file.channel();
        file.warmPageCache();
    }

    @TearDown
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    @Benchmark
    public int pageCacheHot(DeviceReads reads) throws IOException {
        buffer.clear();
        reads.op();
        return channel.read(buffer, file.randomBlockOffset());
    }
}
