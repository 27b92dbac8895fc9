package io.isobench.netstack;

import io.isobench.support.UdpEcho;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * UDP request/response on loopback against an in-process echo thread: no connection state, so it shows the datagram
 * path alone. Blocking send and receive; a lost datagram is re-sent by a watchdog and counted ({@code retries}), not
 * fatal (see {@link UdpExchange}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class UdpRoundTripBenchmark {

    /** Re-send a request whose reply has not come after this long. */
    static final int RETRY_AFTER_MILLIS = 200;

    @Param({"1", "1024"})
    public int size;

    private UdpEcho echo;
    private UdpExchange exchange;

    @Setup
    public void setup() throws IOException {
        try {
            echo = UdpEcho.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            exchange = UdpExchange.open(echo.address(), size, RETRY_AFTER_MILLIS);
        } catch (IOException | RuntimeException e) {
            tearDown(); // JMH runs no @TearDown after a failed @Setup
            throw e;
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        if (exchange != null) {
            exchange.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Benchmark
    public int roundTrip(UdpLoss loss) throws IOException {
        return exchange.roundTrip(loss);
    }
}
