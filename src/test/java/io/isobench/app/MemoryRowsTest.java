package io.isobench.app;

import io.isobench.support.AlignedMemory;
import io.isobench.support.LibC;
import io.isobench.support.RawMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The work of the STREAM and GUPS rows, on small working sets: what they compute, so that it can be checked. */
class MemoryRowsTest {

    private static final long BYTES = 1L << 20;
    private long memory;

    @BeforeEach
    void map() {
        LibC.load();
        memory = AlignedMemory.map(BYTES, 4096);
    }

    @AfterEach
    void unmap() {
        AlignedMemory.unmap(memory, BYTES);
    }

    @Test
    void theTriadOnATeamWritesEveryElementAndTheCheckSeesAMissedSlice() {
        long elements = BYTES / 3 / Double.BYTES / 8 * 8;
        long a = memory;
        long b = a + elements * Double.BYTES;
        long c = b + elements * Double.BYTES;
        try (Team team = new Team(3)) {
            team.run(elements, (from, to) -> StreamTriadBenchmark.initialise(a, b, c, from, to));
            assertEquals(elements + 1, StreamTriadBenchmark.wrongElements(a, elements, 1), "a starts off b + 3c (the last counted twice)");
            team.run(elements, (from, to) -> StreamTriadBenchmark.triad(a, b, c, from, to));
            assertEquals(0, StreamTriadBenchmark.wrongElements(a, elements, 1));
            team.run(elements, (from, to) -> StreamTriadBenchmark.triad(a, b, c, from, to));
            assertEquals(0, StreamTriadBenchmark.wrongElements(a, elements, 1), "the same after any number of passes");
            RawMemory.putDouble(a + (elements / 2) * Double.BYTES, 1.0);
            assertEquals(1, StreamTriadBenchmark.wrongElements(a, elements, 1));
        }
    }

    @Test
    void hpccsGeneratorShiftsAndFoldsThePolynomial() {
        assertEquals(2, RandomUpdateBenchmark.next(1));
        assertEquals(Long.MIN_VALUE, RandomUpdateBenchmark.next(1L << 62));
        assertEquals(7, RandomUpdateBenchmark.next(Long.MIN_VALUE), "the top bit out, the polynomial in");
        assertEquals((0x4000000000000001L << 1) ^ 0, RandomUpdateBenchmark.next(0x4000000000000001L));
        assertEquals((0xC000000000000001L << 1) ^ 7, RandomUpdateBenchmark.next(0xC000000000000001L));
    }

    @Test
    void theSameUpdatesTwiceGiveTheTableBackAsHpccVerifiesIt() {
        long entries = BYTES / Long.BYTES;
        RandomUpdateBenchmark.initialise(memory, entries);
        long start = 12345;
        long end = RandomUpdateBenchmark.update(memory, entries - 1, start, 100_000);
        assertNotEquals(start, end);
        long changed = 0;
        for (long i = 0; i < entries; i++) {
            changed += RawMemory.getLong(memory + i * Long.BYTES) == i ? 0 : 1;
        }
        assertNotEquals(0, changed, "the updates changed the table");
        assertEquals(end, RandomUpdateBenchmark.update(memory, entries - 1, start, 100_000));
        for (long i = 0; i < entries; i++) {
            assertEquals(i, RawMemory.getLong(memory + i * Long.BYTES), "entry " + i);
        }
    }
}
