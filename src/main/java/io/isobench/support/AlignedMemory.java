package io.isobench.support;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Private anonymous memory whose start is aligned to a boundary (2 MiB, a huge page, for transparent huge pages: the
 * kernel backs only aligned 2 MiB blocks with them): map the size plus the alignment, keep the aligned part, unmap the
 * head and tail around it.
 */
public final class AlignedMemory {

    /** The size of an x86-64 transparent huge page. */
    public static final long HUGE_PAGE = 2L << 20;

    private AlignedMemory() {
    }

    /** Maps {@code bytes} (a multiple of 4 KiB) read-write, starting at a multiple of {@code alignment}: the address. */
    public static long map(long bytes, long alignment) {
        long mapped = bytes + alignment;
        long raw = Pointer.nativeValue(LibC.mmap(null, mapped, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0));
        if (raw == -1L) {
            throw new IllegalStateException("mmap of " + (mapped >> 20) + " MiB failed: errno " + Native.getLastError());
        }
        long start = (raw + alignment - 1) & -alignment;
        if (start > raw) {
            LibC.munmap(new Pointer(raw), start - raw);
        }
        long tail = raw + mapped - (start + bytes);
        if (tail > 0) {
            LibC.munmap(new Pointer(start + bytes), tail);
        }
        return start;
    }

    /** Unmaps what {@link #map} returned. */
    public static void unmap(long address, long bytes) {
        LibC.munmap(new Pointer(address), bytes);
    }
}
