package io.isobench.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;

/**
 * What the peer inside an environment serves to a client on the host in an inbound step: the echo of
 * {@link io.isobench.network.PeerInboundBenchmark} or the JSON service of {@link io.isobench.app.HttpServiceBenchmark}.
 * Both are the same program, {@code io.isobench.network.EchoPeer}, started by the launcher the same way on the same
 * port and route, with the arguments named here; {@link #answers} is how the launcher knows it is ready.
 */
public enum InboundService {

    /** TCP echo, the connection's first byte choosing the mode ({@link EchoServer.Behaviour#CHOSEN_BY_CLIENT}). */
    ECHO(List.of()) {
        /**
         * Whether the peer echoes a byte there. A connection alone is not enough: a proxy in front (docker-proxy)
         * accepts before anything listens behind it.
         */
        @Override
        public boolean answers(String host, int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 1000);
                socket.setSoTimeout(2000);
                socket.getOutputStream().write(new byte[] {EchoServer.ECHO_MODE, 42});
                return socket.getInputStream().read() == 42;
            } catch (IOException e) {
                return false;
            }
        }
    },

    /** {@link JsonHttpService} over HTTP/1.1. */
    HTTP(List.of("--http")) {
        /** Whether an order posted there is accepted (200), on a connection of its own. */
        @Override
        public boolean answers(String host, int port) {
            InetSocketAddress address = new InetSocketAddress(host, port);
            byte[] order = HttpConnection.post(address, JsonHttpService.PATH, JsonHttpService.SAMPLE_ORDER, true);
            try (HttpConnection connection = HttpConnection.open(address, true, 1000, 2000)) {
                return connection.exchange(order) == 200;
            } catch (IOException e) {
                return false;
            }
        }
    };

    private final List<String> peerArguments;

    InboundService(List<String> peerArguments) {
        this.peerArguments = peerArguments;
    }

    /** What EchoPeer is given, besides its port and address, to serve this. */
    public List<String> peerArguments() {
        return peerArguments;
    }

    /** Whether a peer that serves this answers at {@code host:port}, within a few seconds. */
    public abstract boolean answers(String host, int port);

    /** The service a class that requires {@code capability} talks to, if it is an inbound one. */
    public static Optional<InboundService> requiredBy(Capability capability) {
        return switch (capability) {
            case INBOUND_PEER -> Optional.of(ECHO);
            case INBOUND_HTTP -> Optional.of(HTTP);
            default -> Optional.empty();
        };
    }
}
