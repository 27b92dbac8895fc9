package io.isobench.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isobench.support.JsonHttpService;
import io.isobench.support.Peer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URL;

/**
 * What a request cost the service in system calls: the read and write calls of the service's process
 * ({@code serviceCalls}, {@code syscr + syscw} of its {@code /proc/self/io}) over the orders it accepted
 * ({@code serviceRequests}) during an iteration, read from the service's {@link JsonHttpService#COUNTERS} before and
 * after it (outside the measured time; the two reads add about five calls to the thousands of an iteration). It counts
 * the calls the service makes, not how long they take: the same program makes the same calls in every environment,
 * so a row whose count differs did different work. gVisor keeps the counts in its own /proc; a service without them
 * (no /proc/self/io) leaves both at 0, which the report shows as nothing counted.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class ServiceCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    public long serviceCalls;
    public long serviceRequests;

    private long[] start;

    @Setup(Level.Iteration)
    public void start() {
        serviceCalls = 0;
        serviceRequests = 0;
        start = read(Peer.address());
    }

    @TearDown(Level.Iteration)
    public void stop() {
        long[] end = read(Peer.address());
        if (start != null && end != null && end[0] >= start[0] && end[1] >= start[1]) {
            serviceRequests = end[0] - start[0];
            serviceCalls = end[1] - start[1];
        }
    }

    /** {@code [orders, syscr + syscw]} of the service at {@code address}, or null when it does not count calls. */
    static long[] read(InetSocketAddress address) {
        try {
            HttpURLConnection connection = (HttpURLConnection) new URL("http", address.getHostString(), address.getPort(),
                    JsonHttpService.COUNTERS).openConnection();
            connection.setRequestProperty("Connection", "close");
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            try (InputStream in = connection.getInputStream()) {
                JsonNode counters = JSON.readTree(in);
                if (!counters.path("syscr").canConvertToLong() || !counters.path("syscw").canConvertToLong()) {
                    return null;
                }
                return new long[]{counters.path("orders").asLong(), counters.get("syscr").asLong() + counters.get("syscw").asLong()};
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return null;
        }
    }
}
