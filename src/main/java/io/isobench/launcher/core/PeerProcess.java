package io.isobench.launcher.core;

import io.isobench.network.EchoPeer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link EchoPeer} JVM on the host, bound to the one address an environment dials (loopback, a bridge's gateway, a
 * tap device's host side: never every interface), for the peer benchmarks; closing it kills it. Its idle RSS is the
 * host's idle-memory baseline.
 */
public final class PeerProcess implements AutoCloseable {

    private static final int READY_TIMEOUT_SECONDS = 30;
    /** How many of its last lines a peer that exits before listening shows (a JVM's crash report takes several). */
    private static final int LAST_LINES = 6;

    private final Process process;
    private final int port;

    private PeerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A port that nothing on the host's loopback listens on now (for a peer that cannot take port 0 itself). */
    public static int freeLoopbackPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static PeerProcess start(JvmRuntime runtime, Path jar, String bind) throws LauncherException, InterruptedException {
        return start(command(runtime.java().toString(), jar.toString(), bind));
    }

    /** The EchoPeer's command line, with {@code java} and {@code jar} as the process that runs it sees them. */
    public static List<String> command(String java, String jar, String bind) {
        return List.of(java, "-cp", jar, EchoPeer.class.getName(), "--port", "0", "--bind", bind, "--exit-on-stdin-eof");
    }

    /**
     * Starts {@code command}: an EchoPeer's {@link #command}, perhaps behind a launcher that execs it (ch-run), so that
     * the process started is the peer (its memory is the instance's), and returns once it listens.
     */
    public static PeerProcess start(List<String> command) throws LauncherException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new LauncherException("cannot start the echo peer: " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        java.util.Deque<String> last = new java.util.concurrent.LinkedBlockingDeque<>();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(EchoPeer.READY)) {
                        return line;
                    }
                    if (!line.isBlank()) {
                        last.addLast(line.strip());
                        if (last.size() > LAST_LINES) {
                            last.removeFirst();
                        }
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new LauncherException("the echo peer exited before listening (exit " + process.waitFor() + ")"
                        + (last.isEmpty() ? "" : ": " + String.join(" | ", last)));
            }
            int port = Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim());
            return new PeerProcess(process, port);
        } catch (InterruptedException e) {
            Processes.destroy(process);
            throw e;
        } catch (ExecutionException | TimeoutException | LauncherException | RuntimeException e) {
            Processes.destroy(process);
            if (e instanceof LauncherException le) {
                throw le;
            }
            throw new LauncherException("the echo peer did not report ready within " + READY_TIMEOUT_SECONDS + " s");
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        Processes.destroy(process);
    }
}
