package io.isobench.support;

import java.net.InetSocketAddress;
import java.util.Optional;

/** The external echo peer given with {@code -Disobench.peer=HOST:PORT}, if any. */
public final class Peer {

    public static final String PROPERTY = "isobench.peer";

    private Peer() {
    }

    public static Optional<InetSocketAddress> configured() {
        String value = System.getProperty(PROPERTY, "").trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(value));
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
