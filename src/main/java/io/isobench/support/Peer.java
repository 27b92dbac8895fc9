package io.isobench.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * The external echo peer given with {@code -Disobench.peer=HOST:PORT}, if any: TCP on that port (the connection's first
 * byte chooses echo or discard, see {@link EchoServer.Behaviour#CHOSEN_BY_CLIENT}) and UDP echo on the same port number.
 */
public final class Peer {

    public static final String PROPERTY = "isobench.peer";
    /**
     * How the environment reaches the peer, recorded in the fingerprint ({@code peerPath}): {@code loopback} (the host),
     * {@code bridge-to-host} and {@code host-network-loopback} (a container), {@code sibling-bridge} and
     * {@code sibling-host-network} (a container's variant with the peer in a sibling container), {@code vm-user-slirp},
     * {@code vm-tap} and {@code vm-tap-vhost} (a VM). A path that starts with {@value #INBOUND_PREFIX} is the reverse
     * direction: the peer runs inside the environment and this JVM, on the host, is the client.
     */
    public static final String PATH_PROPERTY = "isobench.peerPath";

    /** How a path from the host to a peer inside the environment starts ({@code inbound-dnat}, ...). */
    public static final String INBOUND_PREFIX = "inbound-";

    private Peer() {
    }

    public static Optional<InetSocketAddress> configured() {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(value));
    }

    /** Whether the configured peer runs inside the environment and this JVM dials it from the host. */
    public static boolean inbound() {
        return System.getProperty(PATH_PROPERTY, "").startsWith(INBOUND_PREFIX);
    }

    /** The configured peer; fails when none is given (the benchmarks that use it require {@link Capability#PEER}). */
    public static InetSocketAddress address() {
        return configured().orElseThrow(() -> new IllegalStateException("no -D" + PROPERTY + " given"));
    }

    /** A TCP connection to the peer, without Nagle's delay, that has told the peer to echo or to discard (mode). */
    public static SocketChannel connect(byte mode) throws IOException {
        SocketChannel channel = SocketChannel.open(address());
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Messages.writeFully(channel, ByteBuffer.wrap(new byte[] {mode}));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    public static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("peer must be HOST:PORT, got '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peer port is not a number in '" + hostPort + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port out of range in '" + hostPort + "'");
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port);
    }
}
