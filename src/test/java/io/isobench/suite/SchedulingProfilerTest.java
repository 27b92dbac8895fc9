package io.isobench.suite;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What else used the CPUs during an iteration, where the busiest thread ran, and the canaries after it: parsed from
 * /proc, and read here.
 */
class SchedulingProfilerTest {

    @Test
    void readsTheKernelsLines() {
        SchedulingProfiler.Ticks machine = SchedulingProfiler.machineTicks("cpu  100 5 50 1000 20 3 2 10 7 0");
        assertEquals(100 + 5 + 50 + 3 + 2 + 10, machine.busy(), "guest time is inside user time already");
        assertEquals(machine.busy() + 1000 + 20, machine.total());
        assertNull(SchedulingProfiler.machineTicks("intr 1 2 3"));

        // A thread name may hold spaces and parentheses: fields count from the last ')'.
        StringBuilder line = new StringBuilder("4242 (C2 (x) worker) S");
        for (int field = 4; field <= 52; field++) {
            line.append(' ').append(field == 14 ? 30 : field == 15 ? 12 : field == 39 ? 1 : 0);
        }
        long[] stat = SchedulingProfiler.stat(line.toString());
        assertEquals(42, stat[0]);
        assertEquals(1, stat[1]);

        assertEquals(7, SchedulingProfiler.preemptions("Name:\tjava\nvoluntary_ctxt_switches:\t3\n"
                + "nonvoluntary_ctxt_switches:\t7\n"));
        assertEquals(-1, SchedulingProfiler.preemptions("Name:\tjava\n"));
    }

    @Test
    void othersAreTheMachinesBusyTimeLessTheForks() {
        // Two CPUs, 200 ticks of wall each: the machine was busy 250 ticks, the fork 200 of them.
        SchedulingProfiler.Ticks before = new SchedulingProfiler.Ticks(1000, 5000, 300, 2);
        SchedulingProfiler.Ticks after = new SchedulingProfiler.Ticks(1250, 5400, 500, 2);
        assertEquals(0.25, SchedulingProfiler.othersCpus(before, after), 1e-12);
        // Counted apart by the kernel, own time can come out above the machine's: never below zero.
        assertEquals(0, SchedulingProfiler.othersCpus(before, new SchedulingProfiler.Ticks(1100, 5400, 500, 2)));
    }

    @Test
    void anIterationHereHasAllThree() throws Exception {
        SchedulingProfiler profiler = new SchedulingProfiler();
        profiler.beforeIteration(null, null);
        long end = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < end) {
            x += x * 31 + 7;
        }
        Map<String, Double> results = profiler.afterIteration(null, null, null).stream()
                .collect(Collectors.toMap(Result::getLabel, Result::getScore));
        assertTrue(x != 1, "the loop ran");
        assertTrue(results.get(SchedulingProfiler.OTHERS) >= 0, results.toString());
        assertTrue(results.get(SchedulingProfiler.PREEMPTIONS) >= 0, results.toString());
        double cpu = results.get(SchedulingProfiler.CPU);
        assertTrue(cpu >= 0 && cpu < Runtime.getRuntime().availableProcessors() * 64, results.toString());
        // The canaries: a xorshift step costs about a ns, a getppid 0.05-5 us on the machines this runs on.
        assertTrue(results.get(SchedulingProfiler.CANARY_CPU) > 0.05 && results.get(SchedulingProfiler.CANARY_CPU) < 100,
                results.toString());
        assertTrue(results.get(SchedulingProfiler.CANARY_SYSCALL) > 10 && results.get(SchedulingProfiler.CANARY_SYSCALL) < 100_000,
                results.toString());
        // A dependent load from a shared cache or memory: 1-300 ns.
        assertTrue(results.get(SchedulingProfiler.CANARY_MEMORY) > 0.5 && results.get(SchedulingProfiler.CANARY_MEMORY) < 1000,
                results.toString());
    }
}
