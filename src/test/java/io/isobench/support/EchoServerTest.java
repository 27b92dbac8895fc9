package io.isobench.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class EchoServerTest {

    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void theClientsFirstByteChoosesEchoOrDiscard() throws IOException {
        try (EchoServer server = EchoServer.tcp(LOOPBACK, EchoServer.Behaviour.CHOSEN_BY_CLIENT)) {
            try (SocketChannel echo = SocketChannel.open(server.address())) {
                Messages.writeFully(echo, ByteBuffer.wrap(new byte[] {EchoServer.ECHO_MODE, 42}));
                ByteBuffer reply = ByteBuffer.allocate(1);
                assertEquals(1, echo.read(reply));
                assertEquals(42, reply.get(0), "what follows the mode byte comes back");
            }
            try (SocketChannel discard = SocketChannel.open(server.address())) {
                Messages.writeFully(discard, ByteBuffer.wrap(new byte[] {EchoServer.DISCARD_MODE, 1, 2, 3}));
                discard.shutdownOutput();
                assertEquals(-1, discard.read(ByteBuffer.allocate(8)), "a discarding connection answers nothing");
            }
        }
    }

    @Test
    void aConnectionInConnectModeIsServedByTheAcceptingThread() throws IOException {
        try (EchoServer server = EchoServer.tcp(LOOPBACK, EchoServer.Behaviour.CHOSEN_BY_CLIENT)) {
            for (int i = 0; i < 50; i++) {
                try (SocketChannel client = SocketChannel.open(server.address())) {
                    ByteBuffer reply = ByteBuffer.allocate(1);
                    Messages.roundTrip(client, ByteBuffer.wrap(new byte[] {EchoServer.CONNECT_MODE, 9}), reply);
                    assertEquals(9, reply.get(0));
                }
            }
            long handlers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("isobench-echo-") && !t.getName().contains("acceptor")).count();
            assertEquals(0, handlers, "no connection was handed to another thread");
            try (SocketChannel echo = SocketChannel.open(server.address())) {
                ByteBuffer reply = ByteBuffer.allocate(1);
                Messages.roundTrip(echo, ByteBuffer.wrap(new byte[] {EchoServer.ECHO_MODE, 5}), reply);
                assertEquals(5, reply.get(0), "the other modes still work after it");
            }
        }
    }

    @Test
    void aConnectionPerRequestReusesItsThreadAndLeavesNoneBehind() throws IOException, InterruptedException {
        try (EchoServer server = EchoServer.tcp(LOOPBACK, EchoServer.Behaviour.CHOSEN_BY_CLIENT)) {
            for (int i = 0; i < 200; i++) {
                try (SocketChannel client = SocketChannel.open(server.address())) {
                    Messages.roundTrip(client, ByteBuffer.wrap(new byte[] {EchoServer.ECHO_MODE, 7}), ByteBuffer.allocate(1));
                }
            }
            Thread.sleep(200);
            long handlers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("isobench-echo-") && !t.getName().contains("acceptor")).count();
            assertTrue(handlers < 10, handlers + " connection threads for 200 connections one after another: pooled");
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("isobench-echo")));
    }
}
