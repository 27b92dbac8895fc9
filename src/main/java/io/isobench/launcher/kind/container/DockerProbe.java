package io.isobench.launcher.kind.container;

import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether a Docker engine answers, asked of its socket before Testcontainers is: when no strategy of Testcontainers'
 * search finds an engine, it logs each as an ERROR with a stack trace, which a plan or an environment skipped for want of
 * an engine must not print (the launcher says why in one line). The probe looks where the Docker client would:
 * {@code DOCKER_HOST}, else {@code docker.host} of {@code ~/.testcontainers.properties}, else the usual Unix sockets
 * (the system's and a rootless engine's). Only where it finds that nothing listens does it answer alone; an engine
 * over TCP, or a socket that accepts, is left to Testcontainers to confirm.
 */
final class DockerProbe {

    /** The reason when no engine answers. */
    static final String NONE = "no Docker engine answers";
    /** The system engine's socket. */
    static final Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");

    private DockerProbe() {
    }

    /** Why no Docker engine answers here, or empty when one does (Testcontainers asked only after the probe). */
    static Optional<String> missing() {
        Optional<String> none = missing(System.getenv(), Path.of(System.getProperty("user.home")));
        if (none.isPresent()) {
            return none;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty() : Optional.of(NONE);
        } catch (RuntimeException e) {
            return Optional.of(NONE + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Why no Docker engine can answer with this environment and home directory, or empty when one might: a socket
     * accepts a connection, or the engine is not reached through a Unix socket.
     */
    static Optional<String> missing(Map<String, String> env, Path home) {
        String host = env.get("DOCKER_HOST");
        if (host == null || host.isBlank()) {
            host = configuredHost(home.resolve(".testcontainers.properties"));
        }
        List<Path> sockets = new ArrayList<>();
        if (host != null && !host.isBlank()) {
            if (!host.startsWith("unix://")) {
                return Optional.empty();
            }
            sockets.add(Path.of(host.substring("unix://".length())));
        } else {
            sockets.add(SYSTEM_SOCKET);
            String runtimeDir = env.get("XDG_RUNTIME_DIR");
            if (runtimeDir != null && !runtimeDir.isBlank()) {
                sockets.add(Path.of(runtimeDir, "docker.sock"));
            }
            sockets.add(home.resolve(".docker/run/docker.sock"));
            sockets.add(home.resolve(".docker/desktop/docker.sock"));
        }
        for (Path socket : sockets) {
            if (accepts(socket)) {
                return Optional.empty();
            }
        }
        return Optional.of(NONE + " (nothing listens on " + sockets.get(0) + ")");
    }

    /** Whether a process listens on this Unix socket: a connection is accepted (no request is sent). */
    static boolean accepts(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** {@code docker.host} of Testcontainers' properties file, or null. */
    private static String configuredHost(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        return properties.getProperty("docker.host");
    }
}
