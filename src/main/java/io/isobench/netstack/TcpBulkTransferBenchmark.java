package io.isobench.netstack;

import io.isobench.support.Bandwidth;
import io.isobench.support.EchoServer;
import io.isobench.support.Messages;
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
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * TCP bulk throughput on loopback: 64 KiB writes to an in-process server that reads and discards; the
 * secondary metric {@code mebibytes} is the bandwidth in MiB/s; depends on memory bandwidth and the scheduler.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class TcpBulkTransferBenchmark {

    private static final int CHUNK = 64 * 1024;

    private EchoServer server;
    private SocketChannel client;
    private final ByteBuffer chunk = Messages.request(CHUNK);

    @Setup
    public void setup() throws IOException {
        try {
            server = EchoServer.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    EchoServer.Behaviour.DISCARD);
            client = SocketChannel.open(server.address());
        } catch (IOException | RuntimeException e) {
            tearDown(); // JMH runs no @TearDown after a failed @Setup
            throw e;
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Benchmark
    public int send(Bandwidth bandwidth) throws IOException {
        return Messages.send(client, chunk, bandwidth);
    }
}
