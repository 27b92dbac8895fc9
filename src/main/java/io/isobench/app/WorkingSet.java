package io.isobench.app;

import com.sun.jna.Pointer;
import io.isobench.evidence.HugePages;
import io.isobench.support.AlignedMemory;
import io.isobench.support.LibC;
import io.isobench.support.MemoryRoom;

import java.io.IOException;

/**
 * The off-heap working set of a memory row, the same in every environment: checked to fit in the memory left here
 * (MemAvailable or the cgroup's room, 256 MiB kept free) so that no row measures swapping, mapped on a 2 MiB boundary,
 * advised to stay on 4 KiB pages ({@code MADV_NOHUGEPAGE}: whether the kernel would give huge pages differs between
 * environments, and gVisor ignores the advice), and watched by {@link HugePages} so that the rows can claim it.
 * Outside the JVM's heap, which is 512 MiB in every fork.
 */
final class WorkingSet implements AutoCloseable {

    /** Memory left free beside the working set. */
    static final long MARGIN_BYTES = 256L << 20;

    private final long address;
    private final long bytes;

    private WorkingSet(long address, long bytes) {
        this.address = address;
        this.bytes = bytes;
    }

    /** Maps {@code bytes} (a multiple of 4 KiB) for {@code what}, or fails in one sentence when it does not fit. */
    static WorkingSet map(String what, long bytes, HugePages hugePages) throws IOException {
        long available = MemoryRoom.availableBytes();
        if (bytes + MARGIN_BYTES > available) {
            throw new IllegalStateException(what + " of " + (bytes >> 20) + " MiB does not fit in the memory left here ("
                    + (available >> 20) + " MiB, " + (MARGIN_BYTES >> 20) + " MiB kept free)");
        }
        LibC.load();
        long address = AlignedMemory.map(bytes, AlignedMemory.HUGE_PAGE);
        LibC.madvise(new Pointer(address), bytes, LibC.MADV_NOHUGEPAGE);
        hugePages.watch(address, bytes);
        return new WorkingSet(address, bytes);
    }

    long address() {
        return address;
    }

    @Override
    public void close() {
        AlignedMemory.unmap(address, bytes);
    }
}
