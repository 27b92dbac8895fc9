package io.isobench.memory;

import com.sun.jna.Pointer;
import io.isobench.evidence.Claim;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.FaultCost;
import io.isobench.evidence.MinorFaults;
import io.isobench.support.LibC;
import io.isobench.support.RawMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * First-touch page faults: mmap 16 MiB of fresh anonymous memory (transparent huge pages disabled for it
 * with madvise), write one byte per 4 KiB page, munmap; the score is per page. Under nested paging each
 * fault also walks the host's tables, so this is where VMs pay; depends on the kernel's fault path. The score is
 * per page on the claim that each page is one fault: the faults counted per page must be at least 0.9, else the row is
 * listed as contradicted (gVisor counts no faults); {@code timePerFault} is the time per fault counted.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.MINOR_FAULTS_PER_OP, atLeast = 0.9, means = "each 4 KiB page touched is a fault of its own")
public class PageFaultBenchmark {

    private static final int PAGE = 4096;
    private static final int PAGES = 4096;
    private static final long BYTES = (long) PAGE * PAGES;

    @Setup
    public void setup() {
        LibC.load();
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public int firstTouch(MinorFaults faults, FaultCost cost) {
        faults.ops(PAGES);
        Pointer region = LibC.mmap(null, BYTES, LibC.PROT_READ | LibC.PROT_WRITE,
                LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS, -1, 0);
        long address = Pointer.nativeValue(region);
        if (address == -1L) {
            throw new IllegalStateException("mmap of " + BYTES + " bytes failed");
        }
        try {
            LibC.madvise(region, BYTES, LibC.MADV_NOHUGEPAGE);
            for (long offset = 0; offset < BYTES; offset += PAGE) {
                RawMemory.putByte(address + offset, (byte) 1);
            }
            return RawMemory.getByte(address + BYTES - PAGE);
        } finally {
            LibC.munmap(region, BYTES);
        }
    }
}
