package io.isobench.netstack;

import io.isobench.support.EchoServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * TCP connection set-up and tear-down on loopback: connect, the server's accept and close (the client waits for
 * the EOF), then close with SO_LINGER 0 so that no TIME_WAIT sockets pile up and exhaust the ephemeral ports;
 * depends on the kernel's socket paths. Loopback inside the environment's own namespace passes no netfilter rules of a
 * container runtime: the connection that does is {@link io.isobench.network.PeerConnectBenchmark}'s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class TcpConnectBenchmark {

    private EchoServer server;
    private SocketAddress address;

    @Setup
    public void setup() throws IOException {
        server = EchoServer.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EchoServer.Behaviour.ACCEPT_AND_CLOSE);
        address = server.address();
    }

    @TearDown
    public void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private final ByteBuffer eof = ByteBuffer.allocateDirect(1);

    @Benchmark
    public int connectAcceptClose() throws IOException {
        try (SocketChannel client = SocketChannel.open(address)) {
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
            eof.clear();
            return client.read(eof); // -1 once the server has accepted and closed: both sides are measured
        }
    }
}
