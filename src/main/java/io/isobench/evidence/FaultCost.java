package io.isobench.evidence;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The time per page fault, as a secondary metric in the row's own unit: {@code timePerFault} counts the minor faults
 * this thread took during an iteration as JMH's operations, so that JMH divides the iteration's time by them (in
 * average-time mode: ns per fault where the row is in ns per op). It is the row's time per operation divided by its
 * faults per operation ({@link MinorFaults}): the cost of one fault, comparable where a fault maps a different number
 * of pages. Where no fault is counted (gVisor) each iteration's value is {@code "+INF"} in rawData and JMH's score is
 * 0.0, meaningless: the rows that carry it claim their faults are counted, and are listed as contradicted there.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class FaultCost {

    public long timePerFault;

    private long start;

    @Setup(Level.Iteration)
    public void start() {
        timePerFault = 0;
        start = MinorFaults.threadMinorFaults();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        timePerFault = MinorFaults.threadMinorFaults() - start;
    }
}
