package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.FingerprintProbe;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A VM smoke run of a small subset, end to end, under whatever acceleration this machine has (TCG here). */
class VmSmokeIT {

    private static final String SUBSET = "JnaCallBenchmark|ParentPidGet|PeerRoundTrip|PeerInbound|MappedFileRead"
            + ContainerSmokeIT.APP;

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path envDir;

    @BeforeAll
    static void run() throws Exception {
        Engines.requireQemu();
        outcome = Launch.run(2400, "vm", "--profile", "smoke", "--include", SUBSET, "--memory", "1536",
                "--out", temp.resolve("run").toString());
        try (Stream<Path> dirs = Files.list(temp.resolve("run"))) {
            envDir = dirs.filter(d -> d.getFileName().toString().startsWith("vm-")).findFirst().orElseThrow();
        }
    }

    @Test
    void everyBenchmarkOfTheSubsetHasAFiniteScore() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(envDir));
        assertEquals(10, results.size(), "libcAbs, rawSyscall, the peer round trip with three sizes, the mapped-file "
                + "touch, the commit with two journals, the triad and the random update");
        for (JsonNode result : results) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
        }
    }

    @Test
    void fingerprintSaysVmAndTheAcceleration() throws IOException {
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(envDir));
        assertEquals("vm", fingerprint.get("kind").asText());
        String accel = fingerprint.get("accel").asText();
        assertTrue(List.of("kvm", "tcg").contains(accel), accel);
        assertTrue(fingerprint.get("variant").asText().startsWith(accel + "-"));
        assertEquals(FingerprintProbe.sha256(Launch.benchmarksJar()), fingerprint.get("jarSha256").asText());
        assertTrue(fingerprint.get("jvm").get("classDataSharing").asBoolean(), "the runtime maps its class-data archive here");
        if (Engines.tapMissing().isEmpty()) {
            // The default where a tap device can be made: the guest's NIC on a tap device, named without a suffix.
            assertEquals("vm-" + accel, envDir.getFileName().toString());
            assertTrue(fingerprint.get("peer").asText().matches("10\\.213\\.\\d+\\.1:\\d+"),
                    fingerprint.get("peer").asText());
            String network = JsonFiles.read(ResultLayout.footprintJson(envDir)).get("network").asText();
            assertTrue(List.of("tap", "tap-vhost").contains(network), network);
            assertEquals("vm-" + network, fingerprint.get("peerPath").asText());
            ContainerSmokeIT.assertInbound(envDir, "inbound-vm-" + network);
        } else {
            assertEquals("vm-" + accel + "-user", envDir.getFileName().toString());
            assertTrue(outcome.stderr().contains("no tap device for the VM here"), "the fallback says why");
            assertEquals("vm-user-slirp", fingerprint.get("peerPath").asText());
            ContainerSmokeIT.assertInbound(envDir, "inbound-vm-user-hostfwd");
        }
        if (accel.equals("tcg")) {
            assertTrue(outcome.stderr().contains("EMULATES the CPU"), "the TCG warning is printed");
        }
    }

    @Test
    void footprintHasEveryField() throws IOException {
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(envDir));
        for (String key : List.of("baseImageBytes", "kernelInitrdBytes", "overlayBytes", "idleMemoryBytes", "idleLayerBytes")) {
            assertTrue(footprint.get(key).asLong() > 0, key);
        }
        for (String key : List.of("bootToInitMillis", "bootToJvmReadyMillis")) {
            assertTrue(footprint.get(key).get("samples").size() >= 3, key);
            assertTrue(footprint.get(key).get("median").asDouble() > 0, key);
        }
        assertTrue(footprint.get("jvmStartMillis").get("samples").size() >= 5);
        assertTrue(Files.readString(ResultLayout.consoleLog(envDir)).contains("ISOBENCH-DONE rc=0"));
    }

    @Test
    void theDiskIsShippedWithRuntimeAndJarAndCompressed() throws IOException {
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(envDir));
        JsonNode shipped = footprint.get("shipped");
        long os = shipped.get("osBytes").asLong();
        long withRuntime = shipped.get("withRuntimeBytes").asLong();
        long withJar = shipped.get("withJarBytes").asLong();
        assertEquals(footprint.get("baseImageBytes").asLong(), os, "the OS is the base disk");
        assertTrue(withRuntime - os > 50_000_000 && withJar > withRuntime, "the runtime's and the jar's layers: " + shipped);
        long compressed = shipped.get("compressedBytes").asLong();
        assertTrue(compressed > 0 && compressed < withJar, shipped.toString());
        assertEquals("qemu-img convert -c -O qcow2", shipped.get("compression").asText());
        assertTrue(Files.readString(ResultLayout.consoleLog(envDir)).contains("ISOBENCH-JVM-READY"),
                "the runtime on the guest's disk runs");
    }

    @Test
    void theVmBootsOnceForAllSteps() throws IOException {
        String console = Files.readString(ResultLayout.consoleLog(envDir));
        assertEquals(1, console.split("ISOBENCH-STEPS-READY", -1).length - 1, "one boot runs every step");
        JsonNode steps = JsonFiles.read(ResultLayout.timelineJson(temp.resolve("run"))).get("steps");
        assertEquals(12, steps.size(), "one step per benchmark: JnaCall, ParentPidGet, PeerRoundTrip, PeerInbound's "
                + "two, MappedFileRead, HttpService's three and the other three application classes");
        for (JsonNode step : steps) {
            assertEquals("ok", step.get("status").asText(), step.toString());
        }
    }

    @Test
    void noQemuProcessOrOverlayIsLeft() throws IOException {
        assertEquals(List.of(), Launch.processesContaining("qemu-system-x86_64"));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "isobench");
        String configured = System.getenv("ISOBENCH_CACHE");
        if (configured != null && !configured.isBlank()) {
            cache = Path.of(configured);
        }
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("work-vm-")).toList(),
                    "VM work directories (overlays, shares) left behind");
        }
    }
}
