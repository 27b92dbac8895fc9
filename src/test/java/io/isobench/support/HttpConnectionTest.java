package io.isobench.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the client connection of the HTTP rows reads responses: where they end, and what it refuses. */
@Timeout(30)
class HttpConnectionTest {

    private static HttpConnection.Head head(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        int end = HttpConnection.headEnd(bytes, bytes.length);
        assertTrue(end > 0, "a head ends in a blank line: " + text);
        return HttpConnection.Head.parse(bytes, end);
    }

    @Test
    void theHeadGivesStatusLengthAndWhetherTheServerCloses() throws IOException {
        assertEquals(new HttpConnection.Head(200, 52, false),
                head("HTTP/1.1 200 OK\r\nDate: x\r\nContent-length: 52\r\n\r\n{...}"), "the JDK server's spelling");
        assertEquals(new HttpConnection.Head(404, 7, true), head("HTTP/1.1 404 Not Found\r\nCONNECTION: Close\r\n"
                + "Content-Length: 7\r\n\r\n"));
        assertEquals(new HttpConnection.Head(200, -1, true), head("HTTP/1.0 200 OK\r\n\r\n"), "1.0 closes by default");
        assertEquals(new HttpConnection.Head(200, 0, false), head("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n"
                + "Content-Length: 0\r\n\r\n"));
        assertEquals(-1, HttpConnection.headEnd("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII), 17));
    }

    @Test
    void whatIsNotAnHttpResponseIsRefusedWithWhatItWas() {
        IOException e = assertThrows(IOException.class, () -> head("SSH-2.0-OpenSSH\r\n\r\n"));
        assertTrue(e.getMessage().contains("not an HTTP/1.x response: 'SSH-2.0-OpenSSH'"), e.getMessage());
        e = assertThrows(IOException.class, () -> head("HTTP/1.1 2x0 OK\r\n\r\n"));
        assertTrue(e.getMessage().startsWith("no status code"), e.getMessage());
        e = assertThrows(IOException.class, () -> head("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\n"));
        assertTrue(e.getMessage().startsWith("a bad Content-Length"), e.getMessage());
    }

    @Test
    void theRequestCarriesItsLengthAndTheConnectionWish() {
        InetSocketAddress at = new InetSocketAddress("127.0.0.1", 7100);
        String kept = new String(HttpConnection.post(at, "/order", "{\"a\":\"\u00e9\"}", false), StandardCharsets.UTF_8);
        assertTrue(kept.startsWith("POST /order HTTP/1.1\r\nHost: 127.0.0.1:7100\r\n"), kept);
        assertTrue(kept.contains("Content-Length: 10\r\n"), "bytes, not characters: " + kept);
        assertFalse(kept.contains("Connection:"));
        assertTrue(kept.endsWith("\r\n\r\n{\"a\":\"\u00e9\"}"));
        assertTrue(new String(HttpConnection.post(at, "/order", "{}", true), StandardCharsets.UTF_8)
                .contains("Connection: close\r\n"));
    }

    /** A server that reads the request and answers with these writes, pausing between them, then closes. */
    private static Thread serve(ServerSocket server, String... writes) {
        Thread thread = new Thread(() -> {
            try (Socket client = server.accept()) {
                InputStream in = client.getInputStream();
                in.read(new byte[4096]);
                OutputStream out = client.getOutputStream();
                for (String write : writes) {
                    out.write(write.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException ignored) {
                // The test's client decides.
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void aResponseInPiecesIsReadToItsEnd() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = serve(server, "HTTP/1.1 201 Created\r\nContent-Le", "ngth: 5\r\n\r\nab", "cde");
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (HttpConnection connection = HttpConnection.open(at, true)) {
                assertEquals(201, connection.exchange(HttpConnection.post(at, "/", "{}", false)));
            }
            peer.join();
        }
    }

    @Test
    void aResponseCutShortOrWithoutLengthOnAnOpenConnectionFails() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            Thread peer = serve(server, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
            try (HttpConnection connection = HttpConnection.open(at, true)) {
                IOException e = assertThrows(IOException.class, () -> connection.exchange(HttpConnection.post(at, "/",
                        "{}", false)));
                assertTrue(e.getMessage().contains("7 bytes before the end of its answer"), e.getMessage());
            }
            peer.join();
            peer = serve(server, "HTTP/1.1 200 OK\r\n\r\nabc");
            try (HttpConnection connection = HttpConnection.open(at, true)) {
                IOException e = assertThrows(IOException.class, () -> connection.exchange(HttpConnection.post(at, "/",
                        "{}", false)));
                assertTrue(e.getMessage().contains("without Content-Length"), e.getMessage());
            }
            peer.join();
            peer = serve(server, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nto the end");
            try (HttpConnection connection = HttpConnection.open(at, true)) {
                assertEquals(200, connection.exchange(HttpConnection.post(at, "/", "{}", false)),
                        "without a length, a closing answer ends with its connection");
            }
            peer.join();
        }
    }
}
