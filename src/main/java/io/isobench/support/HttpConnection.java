package io.isobench.support;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 client connection that sends a request prepared once ({@link #post}) and reads the whole response, as
 * a load generator does ({@code ab}, {@code wrk}): a blocking socket without Nagle's delay, the response's head parsed
 * for its status and {@code Content-Length}, the body read to its end and not interpreted. No chunked bodies (the JDK's
 * server sends a length when it is given one, as {@link JsonHttpService} does). With {@code abortive} the connection
 * closes with SO_LINGER 0, so that a connection per request leaves no TIME_WAIT socket to exhaust the ports.
 */
public final class HttpConnection implements AutoCloseable {

    /** The largest response read; the suite's are about 200 bytes with their head. */
    static final int RESPONSE_CAPACITY = 16 * 1024;
    private static final String CONTENT_LENGTH = "content-length:";
    private static final String CONNECTION = "connection:";

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] response = new byte[RESPONSE_CAPACITY];
    private boolean closedByServer;

    private HttpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** A connection to {@code address} that waits as long as it takes; see {@link #open(InetSocketAddress, boolean, int, int)}. */
    public static HttpConnection open(InetSocketAddress address, boolean abortive) throws IOException {
        return open(address, abortive, 0, 0);
    }

    /**
     * A connection to {@code address}; {@code abortive}: closed with a reset (SO_LINGER 0) rather than a FIN. The
     * timeouts are in milliseconds, 0 for none (a read with a timeout polls before it reads: a probe's, not a
     * benchmark's).
     */
    public static HttpConnection open(InetSocketAddress address, boolean abortive, int connectMillis, int readMillis)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (abortive) {
                socket.setSoLinger(true, 0);
            }
            socket.connect(address, connectMillis);
            socket.setSoTimeout(readMillis);
            return new HttpConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The bytes of {@code POST path} with a JSON body, for the server at {@code address}; {@code close} asks the server
     * to close the connection after its answer (a connection per request), else it stays open for the next.
     */
    public static byte[] post(InetSocketAddress address, String path, String json, boolean close) {
        String head = "POST " + path + " HTTP/1.1\r\n"
                + "Host: " + address.getHostString() + ":" + address.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        return (head + json).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends {@code request} and reads its whole response: the status, or an IOException when the connection ends early,
     * the response is not HTTP/1.x or has no length where the connection stays open.
     */
    public int exchange(byte[] request) throws IOException {
        send(request);
        return receive();
    }

    /** Sends a request without waiting for its answer (several connections can then wait for theirs at once). */
    public void send(byte[] request) throws IOException {
        if (closedByServer) {
            throw new IOException("the server closed this connection after its last answer (Connection: close)");
        }
        out.write(request);
    }

    /** Reads the whole answer to the request sent last: its status (see {@link #exchange}). */
    public int receive() throws IOException {
        int filled = 0;
        int headEnd;
        while ((headEnd = headEnd(response, filled)) < 0) {
            filled = fill(filled, -1);
        }
        Head head = Head.parse(response, headEnd);
        if (head.contentLength() < 0 && !head.close()) {
            throw new IOException("a response without Content-Length on a connection that stays open");
        }
        if (head.contentLength() < 0) {
            while (true) { // the body ends with the connection
                if (filled == RESPONSE_CAPACITY) {
                    filled = 0; // only its end matters
                }
                int n = in.read(response, filled, RESPONSE_CAPACITY - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } else {
            long end = headEnd + head.contentLength();
            if (end > RESPONSE_CAPACITY) {
                throw new IOException("a response of " + end + " bytes, more than the " + RESPONSE_CAPACITY + " read");
            }
            while (filled < end) {
                filled = fill(filled, end);
            }
        }
        closedByServer = head.close();
        return head.status();
    }

    /**
     * Reads more of the response after the {@code filled} bytes: the new count; an EOFException that says how much
     * was missing of the {@code end} bytes expected (-1: the head's end is not known yet).
     */
    private int fill(int filled, long end) throws IOException {
        if (filled == RESPONSE_CAPACITY) {
            throw new IOException("a response head longer than " + RESPONSE_CAPACITY + " bytes");
        }
        int n = in.read(response, filled, RESPONSE_CAPACITY - filled);
        if (n < 0) {
            throw new EOFException("the server closed the connection "
                    + (end < 0 ? "before it answered" : (end - filled) + " bytes before the end of its answer"));
        }
        return filled + n;
    }

    /** Where the head ends (the index after its blank line) in the first {@code limit} bytes, or -1. */
    static int headEnd(byte[] bytes, int limit) {
        for (int i = 0; i + 3 < limit; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i + 4;
            }
        }
        return -1;
    }

    /** A response's status and the two headers that say where it ends. */
    record Head(int status, long contentLength, boolean close) {

        /** The head in the first {@code end} bytes (the status line, headers and blank line). */
        static Head parse(byte[] bytes, int end) throws IOException {
            String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            String status = lines[0];
            if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
                throw new IOException("not an HTTP/1.x response: '" + status + "'");
            }
            int code;
            try {
                code = Integer.parseInt(status.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("no status code in '" + status + "'");
            }
            long length = -1;
            boolean close = status.startsWith("HTTP/1.0"); // 1.0 closes unless it says keep-alive
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i].toLowerCase(Locale.ROOT);
                if (line.startsWith(CONTENT_LENGTH)) {
                    try {
                        length = Long.parseLong(line.substring(CONTENT_LENGTH.length()).trim());
                    } catch (NumberFormatException e) {
                        throw new IOException("a bad Content-Length: '" + lines[i] + "'");
                    }
                } else if (line.startsWith(CONNECTION)) {
                    String value = line.substring(CONNECTION.length()).trim();
                    close = value.equals("close") || close && !value.equals("keep-alive");
                }
            }
            return new Head(code, length, close);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
