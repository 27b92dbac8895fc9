package io.isobench.app;

import io.isobench.evidence.Claim;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.HugePages;
import io.isobench.evidence.MinorFaults;
import io.isobench.memory.PointerChaseBenchmark;
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
import java.util.concurrent.TimeUnit;

/**
 * GUPS, HPCC's RandomAccess on one thread: a table of {@value #TABLE_MIB} MiB of longs (entry i starts as i) is updated
 * at random, {@code table[ran & (size - 1)] ^= ran}, with {@code ran} from HPCC's generator (shift left, xor the
 * polynomial 7 when the top bit was set), continued from one invocation to the next. Unlike a pointer chase the
 * updates do not depend on each other, so the CPU overlaps their misses: the rate is bounded by TLB misses (on 4 KiB
 * pages, one per update: in a VM each walks the guest's and the host's page tables) and by the memory system's
 * parallelism. The score is updates per second (JMH's "ops/s"; HPCC reports it in giga-updates). The table is off-heap
 * on 4 KiB pages ({@link WorkingSet}); evidence: its huge-page coverage (claimed below 5 %) and the minor faults per
 * update (none once it is touched).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.HUGE_PAGE_COVERAGE, atMost = 0.05, means = "4 KiB pages back the table")
@ExplainedBy(benchmark = PointerChaseBenchmark.class, method = "chase", params = "pages=4k",
        why = "a TLB and cache miss per access on 4 KiB pages, one at a time")
public class RandomUpdateBenchmark {

    static final int TABLE_MIB = 256;
    static final long TABLE_BYTES = (long) TABLE_MIB << 20;
    /** Entries, a power of two. */
    static final long ENTRIES = TABLE_BYTES / Long.BYTES;
    /** Updates per invocation: a few milliseconds. */
    static final int UPDATES = 1 << 20;
    /** HPCC's primitive polynomial. */
    static final long POLY = 0x0000000000000007L;

    private WorkingSet table;
    private long ran = 1; // HPCC_starts(0)

    @Setup
    public void setup(HugePages hugePages) throws IOException {
        table = WorkingSet.map("the GUPS table", TABLE_BYTES, hugePages);
        initialise(table.address(), ENTRIES);
    }

    @TearDown
    public void tearDown() {
        if (table != null) {
            table.close();
            table = null;
        }
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long update(MinorFaults faults) {
        ran = update(table.address(), ENTRIES - 1, ran, UPDATES);
        faults.ops(UPDATES);
        return ran;
    }

    /** Entry i = i, as HPCC starts. */
    static void initialise(long table, long entries) {
        for (long i = 0; i < entries; i++) {
            RawMemory.putLong(table + i * Long.BYTES, i);
        }
    }

    /** {@code count} updates of the table at {@code table} ({@code mask}: entries - 1) from {@code ran}: the next ran. */
    static long update(long table, long mask, long ran, int count) {
        long r = ran;
        for (int i = 0; i < count; i++) {
            r = next(r);
            long at = table + (r & mask) * Long.BYTES;
            RawMemory.putLong(at, RawMemory.getLong(at) ^ r);
        }
        return r;
    }

    /** HPCC's generator: multiply by x in GF(2)[x] modulo the polynomial. */
    static long next(long ran) {
        return (ran << 1) ^ (ran < 0 ? POLY : 0);
    }
}
