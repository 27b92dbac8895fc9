package io.isobench.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class UdpExchangeTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void roundTripsAgainstTheEchoCarryTheirSequenceNumbers() throws IOException {
        try (UdpEcho echo = UdpEcho.bind(LOOPBACK); UdpExchange exchange = UdpExchange.open(echo.address(), 1, 1_000)) {
            for (int i = 0; i < 300; i++) { // past 255: a 1-byte request carries the low byte only
                assertEquals(1, exchange.roundTrip());
            }
            assertEquals(0, exchange.retries());
        }
    }

    @Test
    void aLostDatagramIsResentAndCountedNotFatal() throws IOException, InterruptedException {
        // Drops the first request, answers the second with a stale sequence number first, then echoes.
        AtomicInteger seen = new AtomicInteger();
        try (Lossy peer = new Lossy(datagram -> switch (seen.incrementAndGet()) {
            case 1 -> Lossy.Answer.DROP;
            case 2 -> Lossy.Answer.STALE_THEN_ECHO;
            default -> Lossy.Answer.ECHO;
        }); UdpExchange exchange = UdpExchange.open(peer.address(), 16, 20)) {
            assertEquals(16, exchange.roundTrip());
            assertEquals(1, exchange.retries());
            assertEquals(1, exchange.newRetries());
            assertEquals(0, exchange.newRetries());
            assertEquals(16, exchange.roundTrip());
            assertEquals(1, exchange.retries());
        }
    }

    @Test
    void aPeerThatNeverAnswersFailsTheRoundTripInBoundedTime() throws IOException, InterruptedException {
        try (Lossy peer = new Lossy(datagram -> Lossy.Answer.DROP); UdpExchange exchange = UdpExchange.open(peer.address(), 1, 5)) {
            long start = System.nanoTime();
            IOException e = assertThrows(IOException.class, exchange::roundTrip);
            assertTrue(e.getMessage().contains("the peer is gone"), e.getMessage());
            assertEquals(UdpExchange.MAX_RETRIES, exchange.retries());
            assertTrue(System.nanoTime() - start < 10_000_000_000L);
        }
    }

    @Test
    void sequenceNumbersAreTheRequestsFirstBytes() {
        ByteBuffer one = ByteBuffer.allocate(1);
        UdpExchange.stamp(one, 0x1_02);
        assertEquals(2, one.get(0));
        one.position(1);
        assertTrue(UdpExchange.matches(one, 0x7_02));
        assertFalse(UdpExchange.matches(one, 0x7_03));
        ByteBuffer wide = ByteBuffer.allocate(1024);
        UdpExchange.stamp(wide, 0x0102030405060708L);
        wide.position(1024);
        assertTrue(UdpExchange.matches(wide, 0x0102030405060708L));
        assertFalse(UdpExchange.matches(wide, 0x0102030405060709L));
    }

    /** A UDP peer on loopback whose answer to each datagram a test decides. */
    private static final class Lossy implements AutoCloseable {

        enum Answer { DROP, ECHO, STALE_THEN_ECHO }

        interface Policy {
            Answer answer(ByteBuffer datagram);
        }

        private final DatagramChannel channel;
        private final Thread thread;

        Lossy(Policy policy) throws IOException {
            channel = DatagramChannel.open(StandardProtocolFamily.INET).bind(LOOPBACK);
            thread = new Thread(() -> serve(policy));
            thread.start();
        }

        InetSocketAddress address() throws IOException {
            return (InetSocketAddress) channel.getLocalAddress();
        }

        private void serve(Policy policy) {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            try {
                while (true) {
                    buffer.clear();
                    SocketAddress sender = channel.receive(buffer);
                    buffer.flip();
                    Answer answer = policy.answer(buffer);
                    if (answer == Answer.STALE_THEN_ECHO) {
                        ByteBuffer stale = ByteBuffer.allocate(buffer.remaining());
                        stale.put(0, (byte) (buffer.get(0) - 1));
                        channel.send(stale, sender);
                    }
                    if (answer != Answer.DROP) {
                        channel.send(buffer, sender);
                    }
                }
            } catch (ClosedChannelException e) {
                // Closed by the test.
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            channel.close();
            thread.join(5_000);
        }
    }
}
