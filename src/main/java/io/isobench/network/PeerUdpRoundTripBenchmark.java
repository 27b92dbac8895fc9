package io.isobench.network;

import io.isobench.support.Capability;
import io.isobench.support.Peer;
import io.isobench.support.Requires;
import io.isobench.support.UdpExchange;
import io.isobench.support.UdpLoss;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * UDP request/response to the external {@link EchoPeer} on the host (UDP echo on the peer's port number): the datagram
 * path across the environment's boundary, without TCP's state. A lost datagram is re-sent by a watchdog and counted as
 * the secondary metric {@code retries}, not fatal (see {@link UdpExchange}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.PEER)
public class PeerUdpRoundTripBenchmark {

    /** Re-send a request whose reply has not come after this long (a TCG guest's round trip is about 1 ms). */
    static final int RETRY_AFTER_MILLIS = 200;

    @Param({"1", "1024"})
    public int size;

    private UdpExchange exchange;

    @Setup
    public void setup() throws IOException {
        exchange = UdpExchange.open(Peer.address(), size, RETRY_AFTER_MILLIS);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (exchange != null) {
            exchange.close();
        }
    }

    @Benchmark
    public int roundTrip(UdpLoss loss) throws IOException {
        return exchange.roundTrip(loss);
    }
}
