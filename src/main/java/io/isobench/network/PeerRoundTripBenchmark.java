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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * TCP request/response round trip (1 B, 1 KiB, 64 KiB) on one connection to the external {@link EchoPeer} on the host at
 * {@code -Disobench.peer=HOST:PORT}: the path across the environment's boundary (loopback, veth and a bridge, or the
 * VM's NIC); skipped when no peer is given.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.PEER)
public class PeerRoundTripBenchmark {

    @Param({"1", "1024", "65536"})
    public int size;

    private SocketChannel client;
    private ByteBuffer request;
    private ByteBuffer response;

    @Setup
    public void setup() throws IOException {
        client = Peer.connect(EchoServer.ECHO_MODE);
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
