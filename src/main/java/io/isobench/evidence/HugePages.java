package io.isobench.evidence;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much of a watched range of this process's memory transparent huge pages back at the end of each iteration:
 * {@code anonHugePageBytes} of {@code measuredRangeBytes}, from {@code AnonHugePages} of the range's mappings in
 * {@code /proc/self/smaps}. Asking for huge pages ({@code madvise(MADV_HUGEPAGE)}) is not getting them: the kernel's
 * setting may be {@code never}, the range may not be 2 MiB aligned, no free 2 MiB page may be at hand, and gVisor
 * ignores the advice and shows none.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class HugePages {

    static final Path SMAPS = Path.of("/proc/self/smaps");

    public long anonHugePageBytes;
    public long measuredRangeBytes;

    private long address;
    private long bytes;

    /** The range to measure, from the benchmark's set-up. */
    public void watch(long rangeAddress, long rangeBytes) {
        this.address = rangeAddress;
        this.bytes = rangeBytes;
    }

    @TearDown(Level.Iteration)
    public void measure() {
        if (bytes <= 0) {
            throw new IllegalStateException("HugePages measures nothing: the benchmark's set-up must call watch()");
        }
        try {
            anonHugePageBytes = inRange(Files.readAllLines(SMAPS), address, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SMAPS, e);
        }
        measuredRangeBytes = bytes;
    }

    /**
     * The AnonHugePages of the mappings that overlap {@code [start, start + length)}, each counted in proportion to its
     * overlap (exact when the range is a mapping of its own, as an madvise'd range is).
     */
    static long inRange(List<String> smaps, long start, long length) {
        long end = start + length;
        double total = 0;
        long vmaStart = 0;
        long vmaEnd = 0;
        for (String line : smaps) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && isHex(line, 0, dash) && isHex(line, dash + 1, space)) {
                vmaStart = Long.parseUnsignedLong(line.substring(0, dash), 16);
                vmaEnd = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
            } else if (line.startsWith("AnonHugePages:") && vmaEnd > vmaStart) {
                long overlap = Math.min(end, vmaEnd) - Math.max(start, vmaStart);
                if (overlap > 0) {
                    long huge = Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                    total += (double) huge * overlap / (vmaEnd - vmaStart);
                }
            }
        }
        return Math.round(total);
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return to > from;
    }
}
