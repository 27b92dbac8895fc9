package io.isobench.app;

import io.isobench.evidence.Claim;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.HugePages;
import io.isobench.memory.MemoryCopyBenchmark;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * McCalpin's STREAM triad, {@code a[i] = b[i] + q * c[i]}, on all CPUs: three arrays of {@value #ARRAY_MIB} MiB of
 * doubles, beyond the last-level caches of most machines, split in contiguous slices over one thread per CPU the JVM may use (the
 * benchmark's thread and helpers started once, as an OpenMP {@code parallel for}), and the invocation ends when every
 * slice is done. The score is in bytes per second, counted as STREAM counts them: 24 bytes per element (two doubles
 * read, one written; the write-allocate read of {@code a} is not counted), so JMH's "ops/s" here are bytes/s. The
 * arrays are off-heap on 4 KiB pages ({@link WorkingSet}), first touched by the team as STREAM initialises them, and
 * checked after the run. Unlike STREAM's constants, every element's value is its own (b[i] = i, c[i] = i / 2), so that
 * no two pages are alike: a layer below that merges identical pages (KSM under a hypervisor) could otherwise serve
 * the reads from a few cached pages, as LaidOutFile keeps the file rows' data from being deduplicated. What limits it
 * is the memory system and, in a VM, how guest memory is backed and whether the vCPUs get their CPUs;
 * scripts/calibrate/stream-triad.sh runs a C triad of the same size beside it. It warms up at least 3 × 1 s: after
 * the profiles' 500 ms it read 0.75-0.78 of the C triad (three cross-checks, 2026-12-05), after 3 × 1 s of JMH
 * straight 1.03-1.12 (why half a second is not enough was not looked into).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Claim(evidence = Evidence.HUGE_PAGE_COVERAGE, atMost = 0.05, means = "4 KiB pages back the arrays")
@ExplainedBy(benchmark = MemoryCopyBenchmark.class, method = "arraycopy",
        why = "memory bandwidth beyond the caches, on one thread")
public class StreamTriadBenchmark {

    /** Each array's size. */
    static final int ARRAY_MIB = 128;
    static final long ARRAY_BYTES = (long) ARRAY_MIB << 20;
    /** Elements per array. */
    static final long ELEMENTS = ARRAY_BYTES / Double.BYTES;
    /** STREAM's bytes per triad pass: two arrays read, one written. */
    static final int BYTES_PER_PASS = (int) (3 * ARRAY_BYTES);
    /** STREAM's scalar. */
    static final double SCALAR = 3.0;

    private WorkingSet arrays;
    private Team team;
    private long a;
    private long b;
    private long c;

    @Setup
    public void setup(HugePages hugePages) throws IOException {
        arrays = WorkingSet.map("the STREAM arrays", 3 * ARRAY_BYTES, hugePages);
        a = arrays.address();
        b = a + ARRAY_BYTES;
        c = b + ARRAY_BYTES;
        team = new Team(Runtime.getRuntime().availableProcessors());
        team.run(ELEMENTS, (from, to) -> initialise(a, b, c, from, to));
    }

    @TearDown
    public void tearDown() {
        try {
            if (team != null) {
                team.close();
            }
            if (arrays != null) {
                long wrong = wrongElements(a, ELEMENTS, 4096);
                if (wrong > 0) {
                    throw new IllegalStateException(wrong + " sampled elements of a are not b + " + SCALAR
                            + " c after the triad: a slice was skipped");
                }
            }
        } finally {
            if (arrays != null) {
                arrays.close();
                arrays = null;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BYTES_PER_PASS)
    public void triad() {
        team.run(ELEMENTS, (from, to) -> triad(a, b, c, from, to));
    }

    /** The start: a[i] = -1 - i, b[i] = i, c[i] = i / 2, all exact, no two pages alike. */
    static void initialise(long a, long b, long c, long from, long to) {
        for (long i = from; i < to; i++) {
            long offset = i * Double.BYTES;
            RawMemory.putDouble(a + offset, -1.0 - i);
            RawMemory.putDouble(b + offset, i);
            RawMemory.putDouble(c + offset, 0.5 * i);
        }
    }

    /** What element i of a holds after any number of passes: i + 3 * i / 2, exact below 2^50. */
    static double expected(long i) {
        return i + SCALAR * (0.5 * i);
    }

    /** The triad over elements {@code [from, to)}. */
    static void triad(long a, long b, long c, long from, long to) {
        for (long i = from; i < to; i++) {
            long offset = i * Double.BYTES;
            RawMemory.putDouble(a + offset, RawMemory.getDouble(b + offset) + SCALAR * RawMemory.getDouble(c + offset));
        }
    }

    /** How many of every {@code stride}-th element of {@code a} (and its last) are not {@link #expected}. */
    static long wrongElements(long a, long elements, long stride) {
        long wrong = 0;
        for (long i = 0; i < elements; i += stride) {
            wrong += RawMemory.getDouble(a + i * Double.BYTES) == expected(i) ? 0 : 1;
        }
        long last = elements - 1;
        return wrong + (RawMemory.getDouble(a + last * Double.BYTES) == expected(last) ? 0 : 1);
    }
}
