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

/**
 * The VM with {@code --network user}, the labelled variant beside the tap default: the peer round trip crosses QEMU's
 * user-mode network (slirp), which re-makes the guest's connections from the host's loopback.
 */
class VmUserNetworkIT {

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path envDir;

    @BeforeAll
    static void run() throws Exception {
        Engines.requireQemu();
        outcome = Launch.run(2400, "vm", "--network", "user", "--profile", "smoke", "--include", "PeerRoundTrip|PeerInbound",
                "--memory", "1536", "--out", temp.resolve("run").toString());
        String accel = outcome.stderr().contains("EMULATES the CPU") ? "tcg" : "kvm";
        envDir = temp.resolve("run").resolve("vm-" + accel + "-user");
    }

    @Test
    void thePeerRoundTripRanThroughSlirp() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(envDir));
        assertEquals(3, results.size(), "the peer round trip with three message sizes");
        for (JsonNode result : results) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
        }
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(envDir));
        assertTrue(fingerprint.get("peer").asText().matches("10\\.0\\.2\\.2:\\d+"), fingerprint.get("peer").asText());
        assertEquals("user", JsonFiles.read(ResultLayout.footprintJson(envDir)).get("network").asText());
        assertEquals("vm-user-slirp", fingerprint.get("peerPath").asText());
        assertTrue(fingerprint.get("variant").asText().endsWith("-user"), fingerprint.get("variant").asText());
        ContainerSmokeIT.assertInbound(envDir, "inbound-vm-user-hostfwd");
        assertTrue(JsonFiles.read(ResultLayout.environmentJson(ResultLayout.inboundDir(envDir))).get("peer").asText()
                .startsWith("127.0.0.1:"), "QEMU forwards a port on the host's loopback only");
    }

    @Test
    void noQemuOrForwardedPortIsLeft() throws IOException, InterruptedException {
        assertFalse(Engines.output(List.of("ip", "-o", "link", "show")).contains(": isob-"), "a tap device was left");
        assertEquals(List.of(), Launch.processesContaining("qemu-system-x86_64"));
    }
}
