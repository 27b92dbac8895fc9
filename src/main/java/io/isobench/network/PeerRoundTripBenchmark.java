package io.isobench.network;

import io.isobench.support.Capability;
import io.isobench.support.Peer;
import io.isobench.support.Requires;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * TCP request/response round trip to the external {@link EchoPeer} at {@code -Disobench.peer=HOST:PORT}:
 * the path across the environment's virtual network (veth + bridge, host network, or QEMU's NIC);
 * skipped when no peer is given.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Requires(Capability.PEER)
public class PeerRoundTripBenchmark {

    @Param({"1", "1024"})
    public int size;

    private SocketChannel client;
    private ByteBuffer request;
    private ByteBuffer response;

    @Setup
    public void setup() throws IOException {
        client = SocketChannel.open(Peer.configured().orElseThrow(
                () -> new IllegalStateException("no -D" + Peer.PROPERTY + " given")));
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        request = Messages.request(size);
        response = ByteBuffer.allocateDirect(size);
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
}
