package io.isobench.memory;

import com.sun.jna.Pointer;
import io.isobench.evidence.Claim;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.HugePages;
import io.isobench.support.AlignedMemory;
import io.isobench.support.LibC;
import io.isobench.support.MemoryRoom;
import io.isobench.support.RawMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * TLB misses: a dependent random pointer chase that visits every 4 KiB page of a large working set once per cycle, at
 * a random cache line within each page, so nearly every load misses the TLB (and the caches). With 4 KiB pages each
 * miss walks the page tables; in a VM with nested paging that walk is two-dimensional (up to 24 memory references
 * instead of 4), which is where VMs pay most. With transparent huge pages requested ({@code madvise(MADV_HUGEPAGE)})
 * the same set needs 512 times fewer TLB entries. The score is per access. The working set (1 GiB by default) must
 * fit in MemAvailable; pass {@code -p workingSetMiB=N} for small machines: the size is part of the result's key.
 * The working set starts on a 2 MiB boundary (the kernel backs only aligned 2 MiB blocks with huge pages), and which
 * pages back it is evidence: {@code anonHugePageBytes} of {@code measuredRangeBytes} from /proc/self/smaps after each
 * iteration. A request is not a result (the kernel's setting may be {@code never}, no 2 MiB page may be free, gVisor
 * ignores madvise), so a {@code thp} row with less than 95 % coverage, or a {@code 4k} row with more than 5 %, is
 * listed as contradicted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.HUGE_PAGE_COVERAGE, atLeast = 0.95, params = "pages=thp",
        means = "transparent huge pages back the working set")
@Claim(evidence = Evidence.HUGE_PAGE_COVERAGE, atMost = 0.05, params = "pages=4k",
        means = "4 KiB pages back the working set")
public class PointerChaseBenchmark {

    private static final long PAGE = 4096;
    private static final long LINE = 64;
    /** Loads per invocation: long enough to amortise the call, short enough for sample rounds of 100 ms. */
    private static final int STEPS = 1 << 16;

    @Param({"4k", "thp"})
    public String pages;

    @Param({"1024"})
    public long workingSetMiB;

    private long base;
    private long bytes;
    private long cursor;

    @Setup
    public void setup(HugePages hugePages) throws IOException {
        bytes = workingSetMiB << 20;
        long available = MemoryRoom.availableBytes();
        if (bytes + (256L << 20) > available) {
            throw new IllegalStateException("a working set of " + workingSetMiB + " MiB does not fit in MemAvailable ("
                    + (available >> 20) + " MiB, 256 MiB kept free); run with -p workingSetMiB=N");
        }
        LibC.load();
        base = AlignedMemory.map(bytes, AlignedMemory.HUGE_PAGE);
        // Advice only: whether the kernel follows it is what hugePages measures.
        LibC.madvise(new Pointer(base), bytes, pages.equals("thp") ? LibC.MADV_HUGEPAGE : LibC.MADV_NOHUGEPAGE);
        hugePages.watch(base, bytes);
        // One cycle through all pages in random order (Sattolo's shuffle), each at a random line of its page.
        int count = (int) (bytes / PAGE);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        long[] slot = new long[count];
        for (int page = 0; page < count; page++) {
            slot[page] = base + page * PAGE + random.nextLong(PAGE / LINE) * LINE;
        }
        for (int i = 0; i < count; i++) {
            RawMemory.putLong(slot[order[i]], slot[order[(i + 1) % count]]);
        }
        cursor = slot[order[0]];
    }

    @TearDown
    public void tearDown() {
        if (base != 0) {
            AlignedMemory.unmap(base, bytes);
            base = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long chase() {
        long at = cursor;
        for (int i = 0; i < STEPS; i++) {
            at = RawMemory.getLong(at);
        }
        cursor = at;
        return at;
    }
}
