package io.isobench.network;

import io.isobench.support.Bandwidth;
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
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * One-way TCP bulk throughput to the external {@link EchoPeer} on the host, which reads and discards: 64 KiB writes;
 * the secondary metric {@code mebibytes} is the bandwidth in MiB/s across the environment's boundary.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.PEER)
public class PeerBulkTransferBenchmark {

    private static final int CHUNK = 64 * 1024;

    private SocketChannel client;
    private final ByteBuffer chunk = Messages.request(CHUNK);

    @Setup
    public void setup() throws IOException {
        client = Peer.connect(EchoServer.DISCARD_MODE);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Benchmark
    public int send(Bandwidth bandwidth) throws IOException {
        return Messages.send(client, chunk, bandwidth);
    }
}
