package io.isobench.network;

import io.isobench.support.Capability;
import io.isobench.support.EchoServer;
import io.isobench.support.Messages;
import io.isobench.support.Peer;
import io.isobench.support.Requires;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Connect + request + response + close to the external {@link EchoPeer} on the host (netperf's TCP_CRR with 1 byte each
 * way): the handshake crosses the environment's boundary, and with it a container runtime's netfilter rules and
 * conntrack. Closed with SO_LINGER 0, so that no TIME_WAIT sockets exhaust the ephemeral ports. The request's first byte
 * ({@link EchoServer#CONNECT_MODE}) has the peer answer on the thread that accepted the connection: handing it to
 * another thread would add that thread's wake-up, on another CPU, to every connection (that made this row cost 2.6 times
 * {@link io.isobench.netstack.TcpConnectBenchmark}'s loopback connection on the same host, most of it the peer's).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.PEER)
public class PeerConnectBenchmark {

    private InetSocketAddress peer;
    private final ByteBuffer request = ByteBuffer.allocateDirect(2).put(0, EchoServer.CONNECT_MODE).put(1, (byte) 1);
    private final ByteBuffer response = ByteBuffer.allocateDirect(1);

    @Setup
    public void setup() {
        peer = Peer.address();
    }

    @Benchmark
    public int connectRequestClose() throws IOException {
        try (SocketChannel client = SocketChannel.open(peer)) {
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
            request.clear();
            response.clear();
            return Messages.roundTrip(client, request, response);
        }
    }
}
