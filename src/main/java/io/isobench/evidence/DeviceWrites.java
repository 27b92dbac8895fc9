package io.isobench.evidence;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The bytes this thread sent towards block devices during an iteration ({@code deviceWriteBytes}), its write system
 * calls ({@code writeCalls}) and the operations it counted ({@code deviceWriteOps}): {@code write_bytes} and
 * {@code syscw} of {@code /proc/thread-self/io}. Linux counts {@code write_bytes} when the thread dirties a page of a
 * file that is written back to a device (a whole page, however few bytes of it changed; a page already dirty again is
 * not counted), and {@code syscw} for every write, pwrite and writev; an fsync is neither. A durable commit that
 * reaches the storage layer shows at least a page per operation; tmpfs shows no bytes (nothing is written back), and
 * gVisor counts neither (its values stay 0). Inside a VM it counts the guest's virtual disk.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class DeviceWrites {

    public long deviceWriteBytes;
    public long writeCalls;
    public long deviceWriteOps;

    private long startBytes;
    private long startCalls;

    @Setup(Level.Iteration)
    public void start() {
        deviceWriteOps = 0;
        deviceWriteBytes = 0;
        writeCalls = 0;
        String io = threadIo();
        startBytes = DeviceReads.field(io, "write_bytes");
        startCalls = DeviceReads.field(io, "syscw");
    }

    /** One operation done. */
    public void op() {
        deviceWriteOps++;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        String io = threadIo();
        deviceWriteBytes = DeviceReads.field(io, "write_bytes") - startBytes;
        writeCalls = DeviceReads.field(io, "syscw") - startCalls;
    }

    private static String threadIo() {
        try {
            return Files.readString(DeviceReads.THREAD_IO);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DeviceReads.THREAD_IO, e);
        }
    }
}
