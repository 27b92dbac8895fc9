package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole suite on the host with the smoke profile, run as a user runs it, and what it leaves behind. */
class HostSmokeIT {

    @TempDir
    static Path temp;

    static Path runDir;
    static Path benchDir;
    static Launch.Outcome outcome;

    @BeforeAll
    static void runSuite() throws Exception {
        runDir = temp.resolve("run");
        benchDir = Files.createDirectory(temp.resolve("bench"));
        outcome = Launch.run(900, "host", "--profile", "smoke", "--out", runDir.toString(),
                "--bench-dir", benchDir.toString());
    }

    private static Path envDir() {
        return runDir.resolve("host");
    }

    @Test
    void exitsCleanly() {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
    }

    @Test
    void everyBenchmarkHasAFinitePositiveScore() throws IOException {
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(envDir()));
        Set<String> seen = new HashSet<>();
        for (JsonNode result : results) {
            String name = result.get("benchmark").asText();
            seen.add(name);
            JsonNode score = result.get("primaryMetric").get("score");
            assertTrue(score.isNumber(), name + " score " + score);
            assertTrue(Double.isFinite(score.asDouble()) && score.asDouble() > 0, name + " score " + score);
        }
        Set<String> expected = new HashSet<>();
        BenchmarkSelection.select(List.of(".*")).forEach(g -> expected.addAll(g.methods()));
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(envDir()));
        for (JsonNode skipped : fingerprint.get("skipped")) {
            expected.remove(skipped.get("benchmark").asText());
            assertFalse(skipped.get("reason").asText().isBlank());
        }
        for (JsonNode result : JsonFiles.read(ResultLayout.jmhJson(ResultLayout.inboundDir(envDir())))) {
            seen.add(result.get("benchmark").asText()); // the inbound rows, run against the host's own peer
            assertTrue(result.get("primaryMetric").get("score").asDouble() > 0, result.toString());
        }
        assertEquals(expected, seen, "benchmarks without a result");
        assertTrue(seen.contains("io.isobench.network.PeerRoundTripBenchmark.roundTrip"), "the host run starts an echo peer");
    }

    @Test
    void fingerprintDescribesTheHostRun() throws IOException {
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(envDir()));
        assertEquals("host", fingerprint.get("kind").asText());
        assertEquals("none", fingerprint.get("accel").asText());
        assertEquals("smoke", fingerprint.get("profile").asText());
        assertEquals("complete", fingerprint.get("status").asText());
        assertEquals(0, fingerprint.get("failed").size());
        assertEquals(io.isobench.suite.FingerprintProbe.sha256(Launch.benchmarksJar()), fingerprint.get("jarSha256").asText());
        assertTrue(fingerprint.get("jvm").get("home").asText().contains("runtime-"), "runs the shared jlink runtime");
        assertTrue(fingerprint.get("jvm").get("classDataSharing").asBoolean(), "the runtime maps its class-data archive here");
        assertEquals(benchDir.toAbsolutePath().toString(), fingerprint.get("benchDir").asText());
    }

    @Test
    void everyForkMappedTheForkArchiveWhichIsGoneAfterTheRun() throws IOException {
        String archive = benchDir.toAbsolutePath() + "/isobench-forks-host.jsa";
        for (JsonNode result : JsonFiles.read(ResultLayout.jmhJson(envDir()))) {
            List<String> jvmArgs = new java.util.ArrayList<>();
            result.get("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
            assertTrue(jvmArgs.contains("-XX:SharedArchiveFile=" + archive), result.get("benchmark") + ": " + jvmArgs);
        }
        assertFalse(Files.exists(Path.of(archive)), "the archive is removed when the environment ends");
        assertFalse(Files.readString(ResultLayout.jmhLog(envDir())).contains("Unable to use shared archive"),
                "every fork could map it");
    }

    @Test
    void footprintHasTheHostBaseline() throws IOException {
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(envDir()));
        assertTrue(footprint.get("idleMemoryBytes").asLong() > 1_000_000);
        assertTrue(footprint.get("jvmStartMillis").get("median").asDouble() > 0);
        assertTrue(footprint.get("jvmStartMillis").get("samples").size() >= 5);
    }

    @Test
    void logHoldsJmhOutputAndNoStrayThreads() throws IOException {
        String log = Files.readString(ResultLayout.jmhLog(envDir()));
        assertTrue(log.contains("# Benchmark: io.isobench.cpu.Sha256DigestBenchmark.digest"));
        assertFalse(log.contains("are there stray running threads"), "a benchmark left threads running");
        assertFalse(log.contains("Non-finished threads"), "a benchmark left threads running");
    }

    @Test
    void leavesNoFilesProcessesOrPartsBehind() throws IOException {
        try (Stream<Path> left = Files.list(benchDir)) {
            assertEquals(List.of(), left.toList(), "files left in the benchmark directory");
        }
        try (Stream<Path> files = Files.list(envDir())) {
            // The HTTP rows' service ran on the host's loopback: its peer's log is kept beside the results.
            assertEquals(Set.of("jmh.json", "environment.json", "jmh.log", "footprint.json", ResultLayout.INBOUND_DIR,
                            ResultLayout.INBOUND_PEER_LOG),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
        try (Stream<Path> files = Files.list(ResultLayout.inboundDir(envDir()))) {
            assertEquals(Set.of("jmh.json", "environment.json", "jmh.log"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()), "the inbound client's files");
        }
        assertEquals(List.of(), Launch.processesContaining("io.isobench.network.EchoPeer"));
    }
}
