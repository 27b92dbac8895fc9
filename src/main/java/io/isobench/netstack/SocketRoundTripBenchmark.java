package io.isobench.netstack;

import io.isobench.support.BenchDir;
import io.isobench.support.EchoServer;
import io.isobench.support.Messages;
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
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Request/response round trip against an in-process echo server: over TCP on loopback, and over a
 * Unix-domain socket (the contrast without the IP stack); two thread wake-ups per round trip, so it also
 * depends on the scheduler.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class SocketRoundTripBenchmark {

    @Param({"tcp", "unix"})
    public String transport;

    @Param({"1", "1024"})
    public int size;

    private BenchDir dir;
    private EchoServer server;
    private SocketChannel client;
    private ByteBuffer request;
    private ByteBuffer response;

    @Setup
    public void setup() throws IOException {
        try {
            switch (transport) {
                case "tcp" -> server = EchoServer.tcp(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), EchoServer.Behaviour.ECHO);
                case "unix" -> {
                    dir = BenchDir.create("unix");
                    server = EchoServer.unix(dir.resolve("echo.sock"), EchoServer.Behaviour.ECHO);
                }
                default -> throw new IllegalArgumentException("transport must be tcp or unix, got " + transport);
            }
            client = SocketChannel.open(server.address());
            if (transport.equals("tcp")) {
                client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            request = Messages.request(size);
            response = ByteBuffer.allocateDirect(size);
        } catch (IOException | RuntimeException e) {
            tearDown(); // JMH runs no @TearDown after a failed @Setup
            throw e;
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try {
            if (client != null) {
                client.close();
            }
            if (server != null) {
                server.close();
            }
        } finally {
            if (dir != null) {
                dir.close();
            }
        }
    }

    @Benchmark
    public int roundTrip() {
        return Messages.roundTrip(client, request, response);
    }
}
