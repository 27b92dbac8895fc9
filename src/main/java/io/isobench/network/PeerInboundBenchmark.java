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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * The reverse direction: a client on the host calls an {@link EchoPeer} inside the environment through the port the
 * environment publishes (Docker's DNAT to a bridged container, QEMU's hostfwd for user-mode networking, the guest's own
 * address on a tap device, loopback for the host and a host-network container), as a service's callers do. A 1-byte
 * round trip on one connection, and connect + request + close (netperf's TCP_CRR), where NAT's per-connection work
 * (conntrack, the DNAT rule) shows. The launcher runs this class on the host for every environment; the rows count as
 * that environment's.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.INBOUND_PEER)
public class PeerInboundBenchmark {

    private InetSocketAddress peer;
    private SocketChannel client;
    private final ByteBuffer request = Messages.request(1);
    private final ByteBuffer response = ByteBuffer.allocateDirect(1);
    private final ByteBuffer handshake = ByteBuffer.allocateDirect(2).put(0, EchoServer.ECHO_MODE).put(1, (byte) 1);

    @Setup
    public void setup() throws IOException {
        peer = Peer.address();
        client = Peer.connect(EchoServer.ECHO_MODE);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Benchmark
    public int roundTrip() {
        return Messages.roundTrip(client, request, response);
    }

    @Benchmark
    public int connectRequestClose() throws IOException {
        try (SocketChannel fresh = SocketChannel.open(peer)) {
            fresh.setOption(StandardSocketOptions.TCP_NODELAY, true);
            fresh.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT sockets to exhaust the ephemeral ports
            handshake.clear();
            response.clear();
            return Messages.roundTrip(fresh, handshake, response);
        }
    }
}
