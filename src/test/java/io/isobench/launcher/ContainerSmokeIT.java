package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.FingerprintProbe;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A container smoke run of a subset, end to end, and variant runs, as a user runs them; every peer path: bridge to the
 * host's peer, host network to the host's peer over loopback, bridge to a sibling container's peer.
 */
class ContainerSmokeIT {

    /** The application rows: every one, in every container run. */
    static final String APP = "|HttpService|SqliteCommit|StreamTriad|RandomUpdate";
    private static final String SUBSET = "JnaCall|ParentPidGet|Peer|SmallFileChurn|Sha256Digest"
            + "|ThreadWakeup|TimedSleep|PointerChase|MappedFileRead|DirectQueueDepth|ParallelDigest" + APP;

    @TempDir
    static Path temp;

    static Launch.Outcome bridge;
    static Launch.Outcome variant;
    static Launch.Outcome sibling;

    @BeforeAll
    static void run() throws Exception {
        Engines.requireDocker();
        bridge = Launch.run(1800, "container", "--profile", "smoke", "--include", SUBSET,
                "--out", temp.resolve("run").toString());
        variant = Launch.run(900, "container", "--network", "host", "--seccomp", "unconfined", "--storage", "volume",
                "--profile", "smoke", "--include", "ParentPidGet|PeerRoundTrip|PeerInbound|SmallFileChurn" + APP,
                "--out", temp.resolve("run").toString());
        sibling = Launch.run(900, "container", "--peer", "sibling", "--profile", "smoke", "--include", "PeerRoundTrip",
                "--out", temp.resolve("run").toString());
    }

    private static Path env(String name) {
        return temp.resolve("run").resolve(name);
    }

    @Test
    void bridgeRunProducesAFiniteScoreForEveryBenchmark() throws IOException {
        assertEquals(0, bridge.exitCode(), bridge.stderr());
        Set<String> names = new HashSet<>();
        for (JsonNode result : JsonFiles.read(ResultLayout.jmhJson(env("container-bridge")))) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
            names.add(result.get("benchmark").asText());
        }
        assertEquals(Set.of("io.isobench.syscall.JnaCallBenchmark.libcAbs",
                "io.isobench.syscall.ParentPidGetBenchmark.rawSyscall",
                "io.isobench.network.PeerRoundTripBenchmark.roundTrip",
                "io.isobench.network.PeerConnectBenchmark.connectRequestClose",
                "io.isobench.network.PeerBulkTransferBenchmark.send",
                "io.isobench.network.PeerUdpRoundTripBenchmark.roundTrip",
                "io.isobench.fileio.SmallFileChurnBenchmark.createWriteDelete",
                "io.isobench.cpu.Sha256DigestBenchmark.digest",
                "io.isobench.sched.ThreadWakeupBenchmark.roundTrip",
                "io.isobench.sched.TimedSleepBenchmark.parkNanos50us",
                "io.isobench.sched.TimedSleepBenchmark.sleep1ms",
                "io.isobench.memory.PointerChaseBenchmark.chase",
                "io.isobench.fileio.MappedFileReadBenchmark.firstTouch",
                "io.isobench.fileio.DirectQueueDepthBenchmark.depth1",
                "io.isobench.fileio.DirectQueueDepthBenchmark.depth4",
                "io.isobench.fileio.DirectQueueDepthBenchmark.depth16",
                "io.isobench.cpu.ParallelDigestBenchmark.oneThread",
                "io.isobench.cpu.ParallelDigestBenchmark.allCpus",
                "io.isobench.app.SqliteCommitBenchmark.insertCommit",
                "io.isobench.app.StreamTriadBenchmark.triad",
                "io.isobench.app.RandomUpdateBenchmark.update"), names);
    }

    /** The inbound rows: a client on the host, the peer in the container behind the port published on the gateway. */
    @Test
    void inboundRunsFromTheHostThroughDockersPublishedPort() throws IOException {
        assertInbound(env("container-bridge"), "inbound-dnat");
        String peer = JsonFiles.read(ResultLayout.environmentJson(ResultLayout.inboundDir(env("container-bridge"))))
                .get("peer").asText();
        String outbound = JsonFiles.read(ResultLayout.environmentJson(env("container-bridge"))).get("peer").asText();
        assertEquals(outbound.substring(0, outbound.indexOf(':')), peer.substring(0, peer.indexOf(':')),
                "published on the bridge's gateway address only");
        assertInbound(env("container-host-unconfined-volume"), "inbound-host-network-loopback");
    }

    static void assertInbound(Path envDir, String path) throws IOException {
        assertInbound(envDir, path, true);
    }

    /** The inbound steps' rows and path; {@code withHttp}: whether the run included the app area's HTTP rows. */
    static void assertInbound(Path envDir, String path, boolean withHttp) throws IOException {
        Path inbound = ResultLayout.inboundDir(envDir);
        Set<String> names = new HashSet<>();
        for (JsonNode result : JsonFiles.read(ResultLayout.jmhJson(inbound))) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
            names.add(result.get("benchmark").asText());
        }
        Set<String> expected = new HashSet<>(Set.of("io.isobench.network.PeerInboundBenchmark.roundTrip",
                "io.isobench.network.PeerInboundBenchmark.connectRequestClose"));
        if (withHttp) {
            expected.addAll(Set.of("io.isobench.app.HttpServiceBenchmark.keepAlive",
                    "io.isobench.app.HttpServiceBenchmark.newConnection",
                    "io.isobench.app.HttpServiceBenchmark.keepAliveThroughput"));
        }
        assertEquals(expected, names);
        JsonNode client = JsonFiles.read(ResultLayout.environmentJson(inbound));
        assertEquals(path, client.get("peerPath").asText());
        assertEquals(envDir.getFileName().toString(), client.get("env").asText(), "the rows are the environment's");
        assertEquals("host", client.get("kind").asText(), "the client ran on the host");
        JsonNode record = JsonFiles.read(ResultLayout.environmentJson(envDir));
        assertEquals(0, record.get("failed").size(), record.toString());
    }

    @Test
    void fingerprintSaysContainerAndTheSameJar() throws IOException {
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(env("container-bridge")));
        assertEquals("container", fingerprint.get("kind").asText());
        assertEquals("bridge", fingerprint.get("variant").asText());
        assertEquals("none", fingerprint.get("accel").asText());
        assertEquals(FingerprintProbe.sha256(Launch.benchmarksJar()), fingerprint.get("jarSha256").asText());
        assertTrue(fingerprint.get("jvm").get("classDataSharing").asBoolean(), "the runtime maps its class-data archive here");
        assertEquals("bridge-to-host", fingerprint.get("peerPath").asText());
        String peer = fingerprint.get("peer").asText();
        assertTrue(peer.matches("[0-9.]+:[0-9]+") && !peer.startsWith("127."), "the host's peer at the bridge's gateway: " + peer);
        assertEquals("2", fingerprint.get("seccomp").asText(), "Docker's default seccomp profile is a filter");
        assertTrue(ResultLayout.jmhLog(env("container-bridge")).toFile().length() > 0);
    }

    @Test
    void footprintHasEveryField() throws IOException {
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(env("container-bridge")));
        assertTrue(footprint.get("imageBytes").asLong() > 10_000_000);
        for (String key : List.of("startToReadyMillis", "jvmStartMillis")) {
            assertTrue(footprint.get(key).get("median").asDouble() > 0, key);
            assertTrue(footprint.get(key).get("samples").size() >= 5, key);
        }
        assertTrue(footprint.get("idleMemoryBytes").asLong() > 1_000_000);
        // The runtime and the jar are in the image and the suite cleans up: what is left may be nothing at all.
        assertTrue(footprint.get("writableLayerBytes").asLong() >= 0, "the writable layer after the suite");
        assertTrue(footprint.get("idleLayerBytes").asLong() > 0, "the idle EchoPeer's writable layer (its hsperfdata)");
        assertFalse(footprint.has("copiedInBytes"), "nothing is copied in: the runtime and the jar are in the image");
    }

    @Test
    void theImageIsShippedWithRuntimeAndJarAndCompressed() throws IOException {
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(env("container-bridge")));
        JsonNode shipped = footprint.get("shipped");
        long os = shipped.get("osBytes").asLong();
        long withRuntime = shipped.get("withRuntimeBytes").asLong();
        long withJar = shipped.get("withJarBytes").asLong();
        assertTrue(os > 10_000_000 && withRuntime > os && withJar > withRuntime, shipped.toString());
        assertTrue(withRuntime - os > 50_000_000, "the runtime's layer: " + (withRuntime - os));
        long compressed = shipped.get("compressedBytes").asLong();
        assertTrue(compressed > 0 && compressed < withJar, shipped.toString());
        assertEquals("docker save | gzip -6", shipped.get("compression").asText());
        assertEquals(withJar, footprint.get("imageBytes").asLong(), "the container ran the image as shipped");
        assertTrue(footprint.get("image").asText().startsWith("isobench/run:"), footprint.get("image").asText());
        assertTrue(bridge.stderr().contains("(+ the benchmarks jar of run "), "the run's image is built per run");
    }

    @Test
    void variantIsRecordedAndReallyApplied() throws IOException {
        assertEquals(0, variant.exitCode(), variant.stderr());
        Path dir = env("container-host-unconfined-volume");
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(dir));
        assertEquals("host-unconfined-volume", fingerprint.get("variant").asText());
        assertEquals("0", fingerprint.get("seccomp").asText(), "seccomp=unconfined leaves no filter");
        assertEquals("/bench", fingerprint.get("benchDir").asText());
        assertTrue(fingerprint.get("peer").asText().startsWith("127.0.0.1:"));
        assertEquals("host-network-loopback", fingerprint.get("peerPath").asText());
        assertEquals(9, JsonFiles.read(ResultLayout.jmhJson(dir)).size(), "rawSyscall, createWriteDelete, the peer round "
                + "trip at three sizes, the commit with two journals (on the volume), the triad and the random update");
    }

    @Test
    void theSiblingVariantDialsAContainerBesideIt() throws IOException {
        assertEquals(0, sibling.exitCode(), sibling.stderr());
        Path dir = env("container-bridge-sibling");
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(dir));
        assertEquals("bridge-sibling", fingerprint.get("variant").asText());
        assertEquals("peer:7000", fingerprint.get("peer").asText());
        assertEquals("sibling-bridge", fingerprint.get("peerPath").asText());
        for (JsonNode result : JsonFiles.read(ResultLayout.jmhJson(dir))) {
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, result.toString());
        }
    }

    @Test
    void missingImageFailsWithOneLine() throws Exception {
        Launch.Outcome missing = Launch.run(300, "container", "--image", "isobench/no-such-image:0", "--profile", "smoke",
                "--include", "JnaCall", "--out", temp.resolve("missing").toString());
        assertEquals(1, missing.exitCode());
        String last = missing.stderr().strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("isobench: image isobench/no-such-image:0 does not exist locally and cannot be pulled here", last);
    }

    @AfterAll
    static void nothingLeftBehind() throws Exception {
        if (bridge == null) {
            return;
        }
        assertEquals("", Engines.output(List.of("docker", "ps", "-aq", "--filter", "label=io.isobench")), "containers left");
        assertEquals("", Engines.output(List.of("docker", "network", "ls", "-q", "--filter", "label=io.isobench")), "networks left");
        assertEquals("", Engines.output(List.of("docker", "volume", "ls", "-q", "--filter", "label=io.isobench")), "volumes left");
        assertEquals("", Engines.output(List.of("docker", "images", "-q", "--filter", "label=io.isobench.launcher-pid")),
                "per-run images left");
        assertEquals(List.of(), Launch.processesContaining("io.isobench.network.EchoPeer"), "host peers left");
    }
}
