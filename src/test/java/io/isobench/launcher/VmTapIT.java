package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.ResultLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VM with {@code --network tap}: the peer round trip crosses a tap device the launcher makes and removes. */
class VmTapIT {

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path envDir;

    @BeforeAll
    static void run() throws Exception {
        Engines.requireQemu();
        Engines.requireTap();
        outcome = Launch.run(2400, "vm", "--network", "tap", "--profile", "smoke", "--include", "PeerRoundTrip",
                "--memory", "1536", "--out", temp.resolve("run").toString());
        String accel = outcome.stderr().contains("EMULATES the CPU") ? "tcg" : "kvm";
        envDir = temp.resolve("run").resolve("vm-" + accel + "-tap");
    }

    @Test
    void thePeerRoundTripRanAcrossTheTapDevice() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(envDir));
        assertEquals(3, results.size(), "the peer round trip with three message sizes");
        for (JsonNode result : results) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
        }
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(envDir));
        assertTrue(fingerprint.get("peer").asText().matches("10\\.213\\.\\d+\\.1:\\d+"), fingerprint.get("peer").asText());
        String network = JsonFiles.read(ResultLayout.footprintJson(envDir)).get("network").asText();
        assertTrue(List.of("tap", "tap-vhost").contains(network), network);
        assertEquals("vm-" + network, fingerprint.get("peerPath").asText());
        assertTrue(fingerprint.get("variant").asText().endsWith("-" + network), fingerprint.get("variant").asText());
    }

    @Test
    void noTapDeviceOrQemuIsLeft() throws IOException, InterruptedException {
        assertFalse(Engines.output(List.of("ip", "-o", "link", "show")).contains(": isob-"), "a tap device was left");
        assertEquals(List.of(), Launch.processesContaining("qemu-system-x86_64"));
    }
}
