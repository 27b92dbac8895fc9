package io.isobench.app;

import io.isobench.evidence.ServiceCalls;
import io.isobench.network.PeerInboundBenchmark;
import io.isobench.sched.ThreadWakeupBenchmark;
import io.isobench.support.Capability;
import io.isobench.support.HttpConnection;
import io.isobench.support.JsonHttpService;
import io.isobench.support.Peer;
import io.isobench.support.Requires;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 service inside the environment, called from the host as its users call it: {@link JsonHttpService} (the
 * JDK's {@code com.sun.net.httpserver}, a worker pool, Jackson) in an EchoPeer started with {@code --http}, reached
 * through the environment's inbound path exactly as {@link PeerInboundBenchmark} reaches the echo (Docker's DNAT,
 * QEMU's forwarded port or the guest's address, loopback on the host). Each request posts a small JSON order and reads
 * the whole answer. {@code keepAlive}: one connection for all requests, latency per request (sample mode: p50, p99);
 * {@code newConnection}: a connection per request (connect, request, answer, the server's close), what NAT and
 * conntrack charge per connection; {@code keepAliveThroughput}: {@value #CLIENTS} kept-alive connections with a request
 * each at once, requests per second, what the service sustains ({@code ab -k -c 4}). The client is the host's JVM in every environment, so
 * only the path and the service differ. The launcher runs this class on the host for every environment; the rows count
 * as that environment's. Each row carries the service's read and write calls per request ({@link ServiceCalls}): what
 * a request costs in system calls, which the micro rows price.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.INBOUND_HTTP)
public class HttpServiceBenchmark {

    /** Clients at once in the throughput row. */
    static final int CLIENTS = 4;

    private InetSocketAddress service;
    private HttpConnection connection;
    private byte[] keptAlive;
    private byte[] closing;

    @Setup
    public void setup() throws IOException {
        service = Peer.address();
        keptAlive = HttpConnection.post(service, JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, false);
        closing = HttpConnection.post(service, JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, true);
        connection = HttpConnection.open(service, false);
    }

    @TearDown
    public void tearDown() throws IOException {
        if (connection != null) {
            connection.close();
        }
    }

    @Benchmark
    @ExplainedBy(benchmark = PeerInboundBenchmark.class, method = "roundTrip",
            why = "the request's round trip on an open connection across the same path")
    @ExplainedBy(benchmark = ThreadWakeupBenchmark.class, method = "roundTrip", params = "mechanism=futex",
            why = "the server's hand-off to a worker thread and back, two wake-ups per request")
    public int keepAlive(ServiceCalls calls) throws IOException {
        return accepted(connection.exchange(keptAlive));
    }

    @Benchmark
    @ExplainedBy(benchmark = PeerInboundBenchmark.class, method = "connectRequestClose",
            why = "a connection per request across the same path (handshake, NAT, conntrack)")
    public int newConnection(ServiceCalls calls) throws IOException {
        try (HttpConnection fresh = HttpConnection.open(service, true)) {
            return accepted(fresh.exchange(closing));
        }
    }

    /**
     * The throughput row's clients: {@value #CLIENTS} kept-alive connections of one thread, as ab's, each with a
     * request in flight from the set-up on.
     */
    @State(Scope.Thread)
    public static class Clients {

        private final HttpConnection[] connections = new HttpConnection[CLIENTS];
        private byte[] order;

        @Setup
        public void open() throws IOException {
            InetSocketAddress service = Peer.address();
            order = HttpConnection.post(service, JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, false);
            for (int i = 0; i < CLIENTS; i++) {
                connections[i] = HttpConnection.open(service, false);
                connections[i].send(order);
            }
        }

        @TearDown
        public void close() throws IOException {
            for (HttpConnection connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
    }

    /**
     * Each connection in turn: its answer, then its next request, so that the service always has {@value #CLIENTS}
     * requests to serve but the one whose answer is on its way, as with {@code ab -k -c 4}; the client is one thread
     * (four blocking client threads would each pay a wake-up per request and, on a host of two CPUs, take them from
     * the service).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(CLIENTS)
    @ExplainedBy(benchmark = PeerInboundBenchmark.class, method = "roundTrip",
            why = "the request's round trip on an open connection across the same path")
    public int keepAliveThroughput(Clients clients, ServiceCalls calls) throws IOException {
        int statuses = 0;
        for (HttpConnection client : clients.connections) {
            statuses += accepted(client.receive());
            client.send(clients.order);
        }
        return statuses;
    }

    /** The status, when it is 200: any other answer would measure something else than the service's work. */
    static int accepted(int status) {
        if (status != 200) {
            throw new IllegalStateException("the service answered " + status + " to " + JsonHttpService.SAMPLE_ORDER);
        }
        return status;
    }
}
