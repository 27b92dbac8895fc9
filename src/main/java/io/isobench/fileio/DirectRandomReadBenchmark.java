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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * Random 4 KiB reads with O_DIRECT, bypassing the page cache: each read reaches the block device (or the
 * host's cache behind a virtual disk); skipped where the file system refuses O_DIRECT. That it did is evidence, not
 * an assumption: where the bytes read from the device fall short of the block size (gVisor hands its sandbox a host file
 * opened without O_DIRECT, so the host's page cache serves it; tmpfs accepts O_DIRECT since Linux 6.6 and has no
 * device) the row is listed as contradicted. The file is {@code fileMiB} of random data of this fork's own (1 GiB
 * by default: more than a small host's or a VM's spare page cache; pass {@code -p fileMiB=N} where the disk is small).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Requires(Capability.DIRECT_IO)
@Claim(evidence = Evidence.DEVICE_READ_BYTES_PER_OP, atLeast = 0.9 * LaidOutFile.BLOCK,
        means = "each read reaches the block device")
public class DirectRandomReadBenchmark {

    @Param({"1024"})
    public long fileMiB;

    private LaidOutFile file;
    private FileChannel channel;
    private final ByteBuffer buffer = DirectIo.alignedBuffer(LaidOutFile.BLOCK);

    @Setup
    public void setup() throws IOException {
        file = new LaidOutFile("directread", fileMiB << 20, StandardOpenOption.READ, ExtendedOpenOption.DIRECT);
        channel = file.channel();
    }

    @TearDown
    public void tearDown() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    @Benchmark
    public int oDirect(DeviceReads reads) throws IOException {
        buffer.clear();
        reads.op();
        return channel.read(buffer, file.randomBlockOffset());
    }
}
