package io.isobench.support;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bulk-transfer benchmarks' secondary metric {@code mebibytes}: bytes sent, reported per second (MiB/s). JMH reports
 * every public field and method of such a state as a counter, so {@link Messages#send} adds to the field.
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class Bandwidth {

    public double mebibytes;

    @Setup(Level.Iteration)
    public void reset() {
        mebibytes = 0;
    }
}
