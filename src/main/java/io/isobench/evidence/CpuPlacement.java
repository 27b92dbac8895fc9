package io.isobench.evidence;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where two threads ran: of the round trips sampled in an iteration ({@code cpuSamples}), those in which both ran on
 * the same CPU ({@code sameCpuSamples}), each thread's CPU read with {@code sched_getcpu}
 * ({@link io.isobench.support.CpuAffinity#current()}) right after it woke. Pinning
 * two threads to two CPUs is a request: gVisor accepts {@code sched_setaffinity} and keeps the mask for itself (its
 * {@code sched_getcpu} says 0 for every thread, so this shows them together), and a VM's vCPUs float over the host's
 * CPUs, which no guest can see.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class CpuPlacement {

    public long sameCpuSamples;
    public long cpuSamples;

    @Setup(Level.Iteration)
    public void reset() {
        sameCpuSamples = 0;
        cpuSamples = 0;
    }

    /** One sample: the CPUs the two threads found themselves on. */
    public void record(int cpu, int otherCpu) {
        cpuSamples++;
        if (cpu == otherCpu) {
            sameCpuSamples++;
        }
    }
}
