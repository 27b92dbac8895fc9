package io.isobench.launcher.core;

import io.isobench.network.EchoPeer;
import io.isobench.schema.ResultLayout;
import io.isobench.support.InboundService;
import io.isobench.support.Peer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EchoPeer} inside an environment that a client on the host dials, for the inbound steps
 * ({@link io.isobench.network.PeerInboundBenchmark}, and serving HTTP for {@link io.isobench.app.HttpServiceBenchmark}:
 * see {@link InboundService}): started through the instance's own exec right before the step and
 * stopped right after, so that it is not an extra process during the other classes' steps.
 *
 * @param address where the host dials it ({@code HOST:PORT}: a published port, a forwarded port, the guest's address)
 * @param path    how the host reaches it, as environment.json records it ({@code inbound-dnat}, ...)
 */
public record InboundPeer(String address, String path, Stop stop) implements AutoCloseable {

    /** The port the peer listens on inside a container or a VM (the host's own peer takes a free port). */
    public static final int PORT = 7100;
    private static final long POLL_MILLIS = 200;

    /** How the peer is stopped. */
    @FunctionalInterface
    public interface Stop {
        void run() throws LauncherException, InterruptedException;
    }

    /** Where the inbound peer will listen inside, and how the host reaches it. */
    public record Route(String bind, int port, String dialHost, int dialPort, String path) {
        public Route {
            if (!path.startsWith(Peer.INBOUND_PREFIX)) {
                throw new IllegalArgumentException("an inbound path starts with " + Peer.INBOUND_PREFIX + ": " + path);
            }
        }
    }

    /**
     * Starts the EchoPeer inside an instance that shares the host's network: on a free port of the loopback, dialled
     * there from the host; {@code path} names the path in the results ({@code loopback}, {@code host-network-loopback}).
     */
    public static InboundPeer onLoopback(Instance instance, String path, InboundService service)
            throws LauncherException, InterruptedException {
        int port;
        try {
            port = PeerProcess.freeLoopbackPort();
        } catch (java.io.IOException e) {
            throw new LauncherException("no free loopback port for the inbound peer: " + e.getMessage(), e);
        }
        return start(instance, new Route("127.0.0.1", port, "127.0.0.1", port, Peer.INBOUND_PREFIX + path), 60, service);
    }

    /**
     * Starts the peer inside {@code instance} in the background, serving {@code service}, and waits until it answers
     * the host.
     *
     * @throws LauncherException when it does not start or cannot be reached within {@code readySeconds}; whatever was
     *                           started is stopped
     */
    public static InboundPeer start(Instance instance, Route route, long readySeconds, InboundService service)
            throws LauncherException, InterruptedException {
        SuiteCommand suite = instance.suite();
        String log = suite.envDir() + "/" + ResultLayout.INBOUND_PEER_LOG;
        List<String> peer = new ArrayList<>(List.of(suite.java(), "-cp", suite.jar(), EchoPeer.class.getName(),
                "--port", String.valueOf(route.port()), "--bind", route.bind()));
        peer.addAll(service.peerArguments());
        String command = SuiteCommand.shellQuote(peer)
                + " </dev/null >" + SuiteCommand.shellQuote(List.of(log)) + " 2>&1 & echo $!";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = instance.exec(List.of("sh", "-c", command), out, 60);
        String pid = out.toString(StandardCharsets.UTF_8).strip();
        if (rc != 0 || !pid.matches("\\d+")) {
            throw new LauncherException("the inbound echo peer did not start (exit " + rc + "): " + pid);
        }
        Stop stop = () -> instance.exec(List.of("kill", "-9", pid), OutputStream.nullOutputStream(), 60);
        long deadline = System.nanoTime() + readySeconds * 1_000_000_000L;
        while (!service.answers(route.dialHost(), route.dialPort())) {
            if (System.nanoTime() > deadline) {
                stop.run();
                throw new LauncherException("the inbound " + service.name().toLowerCase(java.util.Locale.ROOT)
                        + " peer at " + route.dialHost() + ":" + route.dialPort()
                        + " (" + route.path() + ") did not answer within " + readySeconds + " s; see "
                        + log + " in the environment");
            }
            Thread.sleep(POLL_MILLIS);
        }
        return new InboundPeer(route.dialHost() + ":" + route.dialPort(), route.path(), stop);
    }

    @Override
    public void close() throws LauncherException, InterruptedException {
        stop.run();
    }

}
