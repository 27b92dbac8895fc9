package io.isobench.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON service and the client connection of the HTTP rows, against each other on loopback. */
@Timeout(60)
class JsonHttpServiceTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void anOrderIsAcceptedWithItsFieldsAndStatus() throws IOException {
        JsonNode reply = new ObjectMapper().readTree(JsonHttpService.acceptOrder(
                JsonHttpService.SAMPLE_ORDER.getBytes(StandardCharsets.UTF_8)).orElseThrow());
        assertEquals(42, reply.get("id").asLong());
        assertEquals("isobench", reply.get("item").asText());
        assertEquals(3, reply.get("quantity").asInt());
        assertEquals("accepted", reply.get("status").asText());
        assertTrue(JsonHttpService.acceptOrder("{\"item\":\"x\"}".getBytes(StandardCharsets.UTF_8)).isEmpty(),
                "no id, no quantity");
        assertTrue(JsonHttpService.acceptOrder("not json".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void theCountersSayTheOrdersAcceptedAndTheServicesReadAndWriteCalls() throws Exception {
        try (JsonHttpService service = JsonHttpService.start(LOOPBACK);
             HttpConnection connection = HttpConnection.open(service.address(), false)) {
            long[] before = io.isobench.evidence.ServiceCallsProbe.read(service.address());
            byte[] order = HttpConnection.post(service.address(), JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, false);
            for (int i = 0; i < 50; i++) {
                assertEquals(200, connection.exchange(order));
            }
            assertEquals(400, connection.exchange(HttpConnection.post(service.address(), JsonHttpService.PATH, "{}", false)));
            long[] after = io.isobench.evidence.ServiceCallsProbe.read(service.address());
            assertEquals(0, before[0]);
            assertEquals(50, after[0], "orders accepted, the refused one not counted");
            // Each request is at least a read of the request and a write of the answer.
            assertTrue(after[1] - before[1] >= 100, "read and write calls: " + (after[1] - before[1]));
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestAfterRequest() throws IOException {
        try (JsonHttpService service = JsonHttpService.start(LOOPBACK);
             HttpConnection connection = HttpConnection.open(service.address(), false)) {
            byte[] order = HttpConnection.post(service.address(), JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, false);
            for (int i = 0; i < 100; i++) {
                assertEquals(200, connection.exchange(order));
            }
        }
    }

    @Test
    void requestsSentAtOnceOnSeveralConnectionsAreEachAnswered() throws IOException {
        try (JsonHttpService service = JsonHttpService.start(LOOPBACK)) {
            byte[] order = HttpConnection.post(service.address(), JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, false);
            HttpConnection[] clients = new HttpConnection[4];
            try {
                for (int i = 0; i < clients.length; i++) {
                    clients[i] = HttpConnection.open(service.address(), false);
                }
                for (int round = 0; round < 50; round++) {
                    for (HttpConnection client : clients) {
                        client.send(order);
                    }
                    for (HttpConnection client : clients) {
                        assertEquals(200, client.receive());
                    }
                }
            } finally {
                for (HttpConnection client : clients) {
                    if (client != null) {
                        client.close();
                    }
                }
            }
        }
    }

    @Test
    void aClosingRequestEndsItsConnection() throws IOException {
        try (JsonHttpService service = JsonHttpService.start(LOOPBACK)) {
            byte[] order = HttpConnection.post(service.address(), JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, true);
            for (int i = 0; i < 20; i++) {
                try (HttpConnection fresh = HttpConnection.open(service.address(), true)) {
                    assertEquals(200, fresh.exchange(order));
                    // The JDK's server closes without saying so in a header: the next request finds the end (EOF,
                    // or a reset when the write reaches the closed socket).
                    assertThrows(IOException.class, () -> fresh.exchange(order));
                }
            }
        }
    }

    @Test
    void whatIsNotAnOrderIsRefusedWithItsStatus() throws IOException {
        try (JsonHttpService service = JsonHttpService.start(LOOPBACK);
             HttpConnection connection = HttpConnection.open(service.address(), false)) {
            assertEquals(400, connection.exchange(HttpConnection.post(service.address(), JsonHttpService.PATH, "{}", false)));
            assertEquals(404, connection.exchange(HttpConnection.post(service.address(), "/nothing", "{}", false)));
            byte[] get = ("GET " + JsonHttpService.PATH + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            assertEquals(405, connection.exchange(get));
            assertEquals(200, connection.exchange(HttpConnection.post(service.address(), JsonHttpService.PATH,
                    JsonHttpService.SAMPLE_ORDER, false)), "the connection still serves");
        }
    }

    @Test
    void eachInboundServiceAnswersOnlyItsOwnProbe() throws IOException {
        try (JsonHttpService service = JsonHttpService.start(LOOPBACK);
             EchoServer echo = EchoServer.tcp(LOOPBACK, EchoServer.Behaviour.CHOSEN_BY_CLIENT)) {
            int http = service.address().getPort();
            int echoPort = ((InetSocketAddress) echo.address()).getPort();
            assertTrue(InboundService.HTTP.answers("127.0.0.1", http));
            assertFalse(InboundService.ECHO.answers("127.0.0.1", http));
            assertTrue(InboundService.ECHO.answers("127.0.0.1", echoPort));
            assertFalse(InboundService.HTTP.answers("127.0.0.1", echoPort));
        }
    }

    @Test
    void theInboundCapabilitiesNameTheirService() {
        assertEquals(InboundService.ECHO, InboundService.requiredBy(Capability.INBOUND_PEER).orElseThrow());
        assertEquals(InboundService.HTTP, InboundService.requiredBy(Capability.INBOUND_HTTP).orElseThrow());
        assertTrue(InboundService.requiredBy(Capability.PEER).isEmpty(), "the outbound peer is not started inside");
        assertEquals(java.util.List.of("--http"), InboundService.HTTP.peerArguments());
    }
}
