package io.isobench.fileio;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.isobench.evidence.Claim;
import io.isobench.evidence.DeviceReads;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.FaultCost;
import io.isobench.evidence.MinorFaults;
import io.isobench.support.LibC;
import io.isobench.support.NativeString;
import io.isobench.support.RawMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * First touch of a mapped file: mmap 16 MiB of a file that is in the page cache (read-only, shared), read one byte
 * per 4 KiB page, munmap; the score is per page. Each fault is file-backed and served from the page cache, and the
 * kernel maps up to 16 neighbouring cached pages per fault ("fault-around"), as it does for every program that maps
 * its libraries and data files. Under nested paging each fault and each new mapping also costs the hypervisor.
 * How many pages a fault maps differs by kernel (fault-around's size, large folios) and gVisor maps its own way, so
 * the same pages are a different number of faults: the secondary metrics say how many faults a page cost
 * ({@code minorFaults} / {@code minorFaultOps}) and what each fault cost ({@code timePerFault}, ns per fault), the number
 * to compare where the faults per page differ. The file must come from the page cache: device reads per page above 1 %
 * of a page list the row as contradicted, as does a count of no fault at all (gVisor counts none), where there is no
 * time per fault to give.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.DEVICE_READ_BYTES_PER_OP, atMost = 0.01 * LaidOutFile.BLOCK,
        means = "every page comes from the page cache")
@Claim(evidence = Evidence.MINOR_FAULTS_PER_OP, atLeast = 1.0 / 4096,
        means = "the faults it prices are counted, at least one per mapping")
public class MappedFileReadBenchmark {

    private static final int PAGE = 4096;
    private static final int PAGES = 4096;
    private static final long BYTES = (long) PAGE * PAGES;

    private LaidOutFile file;
    private int fd = -1;

    @Setup
    public void setup() throws IOException {
        LibC.load();
        file = new LaidOutFile("mapped", BYTES, StandardOpenOption.READ);
        file.warmPageCache();
        fd = LibC.open(NativeString.of(file.path().toString()), LibC.O_RDONLY);
        if (fd < 0) {
            throw new IOException("open " + file.path() + " failed: errno " + Native.getLastError());
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        if (fd >= 0) {
            LibC.close(fd);
        }
        if (file != null) {
            file.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(PAGES)
    public int firstTouch(DeviceReads reads, MinorFaults faults, FaultCost cost) {
        reads.ops(PAGES);
        faults.ops(PAGES);
        Pointer region = LibC.mmap(null, BYTES, LibC.PROT_READ, LibC.MAP_SHARED, fd, 0);
        long address = Pointer.nativeValue(region);
        if (address == -1L) {
            throw new IllegalStateException("mmap of " + BYTES + " bytes failed: errno " + Native.getLastError());
        }
        try {
            int sum = 0;
            for (long offset = 0; offset < BYTES; offset += PAGE) {
                sum += RawMemory.getByte(address + offset);
            }
            return sum;
        } finally {
            LibC.munmap(region, BYTES);
        }
    }
}
