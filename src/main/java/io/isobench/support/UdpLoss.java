package io.isobench.support;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The UDP benchmarks' secondary metric {@code retries}: requests re-sent in the iteration because their reply did not
 * come in time (lost, or very late). Not part of the round trip's score; zero on a healthy path. (JMH reports every public
 * field and method of such a state as a counter: {@link UdpExchange#roundTrip(UdpLoss)} adds to the field.)
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class UdpLoss {

    public long retries;

    @Setup(Level.Iteration)
    public void reset() {
        retries = 0;
    }
}
