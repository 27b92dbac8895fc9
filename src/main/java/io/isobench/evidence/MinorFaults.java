package io.isobench.evidence;

import io.isobench.support.LibC;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The minor page faults this thread took during an iteration ({@code minorFaults}, {@code getrusage(RUSAGE_THREAD)}'s
 * {@code ru_minflt}) and the operations it counted ({@code minorFaultOps}). A fault can map more than the page that
 * faulted: the kernel maps up to 16 cached neighbours of a file page per fault ("fault-around") and large folios map
 * more, differently per kernel; so the same pages touched can be different numbers of faults, and this says how many.
 * gVisor does not count faults (0 here whatever happened); {@link FaultCost} prices each fault.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class MinorFaults {

    public long minorFaults;
    public long minorFaultOps;

    private long start;

    @Setup(Level.Iteration)
    public void start() {
        minorFaultOps = 0;
        minorFaults = 0;
        start = threadMinorFaults();
    }

    /** That many operations done. */
    public void ops(long count) {
        minorFaultOps += count;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        minorFaults = threadMinorFaults() - start;
    }

    /** {@code ru_minflt} of the calling thread. */
    static long threadMinorFaults() {
        long[] usage = new long[LibC.RUSAGE_LONGS];
        if (LibC.getrusage(LibC.RUSAGE_THREAD, usage) != 0) {
            throw new IllegalStateException("getrusage(RUSAGE_THREAD) failed: errno " + com.sun.jna.Native.getLastError());
        }
        return usage[LibC.RUSAGE_MINFLT];
    }
}
