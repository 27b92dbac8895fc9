package io.isobench.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UDP request/response with a blocking receive and no per-call timeout: each request carries a sequence number (in its
 * first bytes, as many as fit, so a 1-byte request carries its low byte), a reply with another number (the late answer
 * to a request already re-sent) is dropped, and a watchdog thread re-sends a request that has had no answer for
 * {@code retryAfterMillis}, counting it. The measuring thread never touches socket options: one send and one receive
 * per round trip. After {@value #MAX_RETRIES} re-sends of one request the watchdog closes the socket, which ends the
 * blocked receive with an exception naming the peer: a dead peer fails the benchmark, a lost datagram does not.
 */
public final class UdpExchange implements AutoCloseable {

    /** Re-sends of one request before the peer counts as gone. */
    static final int MAX_RETRIES = 20;
    /** No request in flight. */
    private static final long IDLE = -1;

    private final DatagramChannel channel;
    private final InetSocketAddress peer;
    private final int size;
    private final long retryAfterNanos;
    private final ByteBuffer request;
    private final ByteBuffer response;
    /** The sequence number in flight, or {@link #IDLE}; the watchdog reads it. */
    private final AtomicLong inFlight = new AtomicLong(IDLE);
    private volatile long sentAt;
    private volatile long retries;
    private volatile boolean gaveUp;
    private long sequence;
    private long retriesSeen;
    private final Thread watchdog;

    private UdpExchange(DatagramChannel channel, InetSocketAddress peer, int size, long retryAfterMillis) {
        this.channel = channel;
        this.peer = peer;
        this.size = size;
        this.retryAfterNanos = retryAfterMillis * 1_000_000L;
        this.request = ByteBuffer.allocateDirect(size);
        this.response = ByteBuffer.allocateDirect(Math.max(size, 64 * 1024));
        this.watchdog = new Thread(this::watch, "isobench-udp-watchdog");
        this.watchdog.setDaemon(true);
        this.watchdog.start();
    }

    /** A socket connected to {@code peer}, for requests of {@code size} bytes (at least 1). */
    public static UdpExchange open(InetSocketAddress peer, int size, long retryAfterMillis) throws IOException {
        if (size < 1) {
            throw new IllegalArgumentException("a UDP request needs at least 1 byte, got " + size);
        }
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.connect(peer);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new UdpExchange(channel, peer, size, retryAfterMillis);
    }

    /** One round trip: sends the next request and waits for its own reply; returns the reply's length. */
    public int roundTrip() throws IOException {
        long seq = ++sequence;
        stamp(request, seq);
        sentAt = System.nanoTime();
        inFlight.set(seq);
        try {
            channel.write(request);
            while (true) {
                response.clear();
                int length = channel.read(response);
                if (length == size && matches(response, seq)) {
                    return length;
                }
                // A late reply to an earlier request, or a duplicate of one re-sent: not this one's.
            }
        } catch (AsynchronousCloseException e) {
            if (gaveUp) {
                throw new IOException("no UDP reply from " + peer + " after " + MAX_RETRIES + " re-sends: the peer is gone", e);
            }
            throw e;
        } finally {
            inFlight.set(IDLE);
        }
    }

    /** {@link #roundTrip()}, adding the re-sends since the last call to {@code loss}. */
    public int roundTrip(UdpLoss loss) throws IOException {
        int length = roundTrip();
        loss.retries += newRetries();
        return length;
    }

    /** Requests re-sent so far because their reply did not come in time (lost, or late). */
    public long retries() {
        return retries;
    }

    /** Re-sends since the last call (for the measuring thread: a volatile read, nothing else, when there are none). */
    public long newRetries() {
        long now = retries;
        long added = now - retriesSeen;
        retriesSeen = now;
        return added;
    }

    /** Writes the low bytes of {@code seq} into the first bytes of {@code buffer} (up to 8) and rewinds it. */
    static void stamp(ByteBuffer buffer, long seq) {
        buffer.clear();
        for (int i = 0; i < Math.min(8, buffer.capacity()); i++) {
            buffer.put(i, (byte) (seq >>> (8 * i)));
        }
    }

    /** Whether the reply in {@code buffer} (as read, not flipped) carries {@code seq}'s low bytes. */
    static boolean matches(ByteBuffer buffer, long seq) {
        int n = Math.min(8, buffer.position());
        for (int i = 0; i < n; i++) {
            if (buffer.get(i) != (byte) (seq >>> (8 * i))) {
                return false;
            }
        }
        return true;
    }

    /** Re-sends the request in flight once it is overdue; gives up (closing the socket) after MAX_RETRIES in a row. */
    private void watch() {
        ByteBuffer copy = ByteBuffer.allocateDirect(size);
        long lastSeq = IDLE;
        int inARow = 0;
        long tick = Math.max(1, retryAfterNanos / 4_000_000L);
        while (channel.isOpen()) {
            try {
                Thread.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
            long seq = inFlight.get();
            if (seq == IDLE || System.nanoTime() - sentAt < retryAfterNanos) {
                continue;
            }
            inARow = seq == lastSeq ? inARow + 1 : 1;
            lastSeq = seq;
            if (inARow > MAX_RETRIES) {
                gaveUp = true;
                closeQuietly();
                return;
            }
            stamp(copy, seq);
            // Counted before it is sent: its reply can end the round trip before this thread runs again.
            retries++;
            try {
                channel.write(copy);
                sentAt = System.nanoTime();
            } catch (IOException e) {
                retries--; // refused now (ICMP port unreachable): try again at the next tick, counting towards giving up
            }
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing is best effort.
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        watchdog.interrupt();
        try {
            watchdog.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
