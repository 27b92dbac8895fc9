package io.isobench.launcher.kind.container;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Docker engine is probed at its socket before Testcontainers is asked, so that a missing engine is one line (the
 * reason a plan or a skipped environment gives) and never Testcontainers' logged stack traces.
 */
class DockerProbeTest {

    @TempDir
    Path tmp;

    @Test
    void aSocketNobodyListensOnIsNoEngineAndPrintsNothing() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Optional<String> why;
        try {
            why = DockerProbe.missing(Map.of("DOCKER_HOST", "unix://" + tmp.resolve("none.sock")), tmp);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals(Optional.of("no Docker engine answers (nothing listens on " + tmp.resolve("none.sock") + ")"), why);
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aStaleSocketFileIsNoEngine() throws Exception {
        Path socket = tmp.resolve("stale.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket), "the socket file outlives its server");
        assertTrue(DockerProbe.missing(Map.of("DOCKER_HOST", "unix://" + socket), tmp).isPresent());
    }

    @Test
    void aListeningSocketIsLeftToTestcontainers() throws Exception {
        Path socket = tmp.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertEquals(Optional.empty(), DockerProbe.missing(Map.of("DOCKER_HOST", "unix://" + socket), tmp));
            // Testcontainers' own configuration names the engine when DOCKER_HOST does not.
            Files.writeString(tmp.resolve(".testcontainers.properties"), "docker.host=unix://" + socket + "\n");
            assertEquals(Optional.empty(), DockerProbe.missing(Map.of(), tmp));
        }
        assertTrue(DockerProbe.missing(Map.of(), tmp).isPresent(), "the configured socket no longer answers");
    }

    @Test
    void anEngineOverTcpIsLeftToTestcontainers() {
        assertEquals(Optional.empty(), DockerProbe.missing(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), tmp));
    }

    @Test
    void thePlanSaysInOneLineThatNoEngineAnswers() throws Exception {
        // The launcher as a user runs it, with DOCKER_HOST naming a socket nobody listens on: Testcontainers, asked,
        // would log its search as ERRORs with stack traces before the plan's one line.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.isobench.launcher.Main", "bench", "--plan",
                "--envs", "host,container", "--profile", "smoke", "--density", "0",
                "--include", "io\\.isobench\\.syscall\\.ParentPidGetBenchmark", "--out", tmp.resolve("run").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", "unix://" + tmp.resolve("none.sock"));
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().put("HOME", tmp.toString());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertTrue(output.contains("container was asked for but cannot run here: no Docker engine answers"), output);
        assertFalse(output.contains("ERROR") || output.contains("\tat ") || output.contains("org.testcontainers"),
                "no logged error or stack trace:\n" + output);
        assertEquals(1, output.strip().lines().count(), output);
    }
}
