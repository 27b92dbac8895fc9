package io.isobench.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;

/**
 * A UDP echo server on one thread: every datagram goes back to its sender as it came (so its sequence number too).
 * Used in-process by the loopback UDP benchmark and by the external peer. {@link #close()} closes the socket and joins
 * the thread.
 */
public final class UdpEcho implements AutoCloseable {

    private final DatagramChannel channel;
    private final Thread thread;

    private UdpEcho(DatagramChannel channel) {
        this.channel = channel;
        this.thread = new Thread(this::loop, "isobench-udp-echo");
        this.thread.start();
    }

    /** Binds {@code address} (port 0: any free port) and starts echoing. */
    public static UdpEcho bind(InetSocketAddress address) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(address);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new UdpEcho(channel);
    }

    public InetSocketAddress address() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                SocketAddress sender = channel.receive(buffer);
                buffer.flip();
                channel.send(buffer, sender);
            } catch (ClosedChannelException e) {
                return; // closed by close()
            } catch (IOException e) {
                // One datagram the network refused (its sender went away): the next one is served.
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
