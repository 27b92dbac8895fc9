package io.isobench.evidence;

import io.isobench.support.ProcIo;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes this thread read from block devices during an iteration ({@code deviceReadBytes}) and the operations it
 * counted ({@code deviceReadOps}): {@code read_bytes} of {@code /proc/thread-self/io}, which Linux counts when a read is
 * submitted to the block layer, O_DIRECT or through the page cache, and never for a page-cache hit. An O_DIRECT row that
 * reaches the device shows about its block size per operation; a page-cache-hot row about 0. Inside a VM it counts the
 * guest's virtual disk, whatever the host's cache does below it. Where the file system has no block device (tmpfs)
 * nothing is counted, and gVisor counts nothing at all (its {@code read_bytes} stays 0 in every case).
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class DeviceReads {

    /** Where Linux keeps the calling thread's I/O accounting; since 3.17, and in gVisor. */
    static final Path THREAD_IO = Path.of("/proc/thread-self/io");

    public long deviceReadBytes;
    public long deviceReadOps;

    private long startBytes;

    @Setup(Level.Iteration)
    public void start() {
        deviceReadOps = 0;
        deviceReadBytes = 0;
        startBytes = readBytes();
    }

    /** One operation done. */
    public void op() {
        deviceReadOps++;
    }

    /** That many operations done (an invocation of several, as {@code @OperationsPerInvocation} says). */
    public void ops(long count) {
        deviceReadOps += count;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        deviceReadBytes = readBytes() - startBytes;
    }

    /** The calling thread's {@code read_bytes} so far. */
    static long readBytes() {
        try {
            return field(Files.readString(THREAD_IO), "read_bytes");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + THREAD_IO, e);
        }
    }

    /** A {@code name: value} line of a /proc io file. */
    static long field(String text, String name) {
        return ProcIo.field(text, name).orElseThrow(() -> new IllegalStateException("no " + name + " in " + THREAD_IO));
    }
}
