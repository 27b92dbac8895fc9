package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The VM with {@code --network user}, the labelled variant beside the tap default: the peer round trip crosses QEMU's
 * user-mode network (slirp), which re-makes the guest's connections from the host's loopback. The same run has
 * {@code --neighbours 1 --load io} (one launch for both, as every TCG boot costs here): the VM's twin runs beside one
 * sibling VM that writes and fsyncs on its own disk during the twin's steps, and nothing is left after: no QEMU, no
 * VM work directory, no control directory.
 */
class VmUserNetworkIT {

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path run;
    static Path envDir;
    static String alone;
    static Set<Path> leftoversBefore;
    static Set<String> qemuBefore;

    @BeforeAll
    static void run() throws Exception {
        Engines.requireQemu();
        leftoversBefore = Launch.vmLeftovers();
        qemuBefore = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        run = temp.resolve("run");
        outcome = Launch.run(2400, "vm", "--network", "user", "--neighbours", "1", "--load", "io", "--profile", "smoke",
                "--include", "PeerRoundTrip|PeerInbound", "--memory", "1536", "--out", run.toString(), "--", "-p", "size=1");
        String accel = outcome.stderr().contains("EMULATES the CPU") ? "tcg" : "kvm";
        alone = "vm-" + accel + "-user";
        envDir = run.resolve(alone);
    }

    @Test
    void thePeerRoundTripRanThroughSlirp() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(envDir));
        assertEquals(1, results.size(), "the peer round trip with one message size (-p size=1)");
        for (JsonNode result : results) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
        }
        JsonNode fingerprint = JsonFiles.read(ResultLayout.environmentJson(envDir));
        assertTrue(fingerprint.get("peer").asText().matches("10\\.0\\.2\\.2:\\d+"), fingerprint.get("peer").asText());
        assertEquals("user", JsonFiles.read(ResultLayout.footprintJson(envDir)).get("network").asText());
        assertEquals("vm-user-slirp", fingerprint.get("peerPath").asText());
        assertTrue(fingerprint.get("variant").asText().endsWith("-user"), fingerprint.get("variant").asText());
        ContainerSmokeIT.assertInbound(envDir, "inbound-vm-user-hostfwd", false);
        assertTrue(JsonFiles.read(ResultLayout.environmentJson(ResultLayout.inboundDir(envDir))).get("peer").asText()
                .startsWith("127.0.0.1:"), "QEMU forwards a port on the host's loopback only");
    }

    @Test
    void theTwinRanBesideASiblingVm() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        String twin = alone + "-nb1io";
        List<String> statuses = new ArrayList<>();
        JsonFiles.read(ResultLayout.environmentsJson(run)).get("environments")
                .forEach(e -> statuses.add(e.get("env").asText() + " " + e.get("status").asText()));
        assertEquals(List.of(alone + " complete", twin + " complete"), statuses);

        JsonNode record = JsonFiles.read(ResultLayout.environmentJson(run.resolve(twin)));
        assertEquals(twin, record.get("env").asText());
        assertEquals("vm", record.get("kind").asText());
        JsonNode neighbours = record.get("neighbours");
        assertEquals(1, neighbours.get("count").asInt(), neighbours.toString());
        assertEquals("io", neighbours.get("load").asText());
        assertEquals(alone, neighbours.get("alone").asText());
        assertEquals(3, neighbours.get("bursts").asInt(), "every step (the guest's PeerRoundTrip and PeerInbound's two "
                + "benchmarks, run inbound) ran under load");
        assertTrue(neighbours.get("threadsEach").asInt() >= 1, "the sibling's generator said ready with its threads");
        assertFalse(JsonFiles.read(ResultLayout.environmentJson(envDir)).has("neighbours"));
        assertEquals(1, JsonFiles.read(ResultLayout.jmhJson(run.resolve(twin))).size(), "the twin's result");
        String console = Files.readString(run.resolve(twin).resolve("neighbour-1.console.log"));
        assertTrue(console.contains("ISOBENCH-INIT"), "the sibling VM booted: " + console);
    }

    @Test
    void noQemuTapDeviceOrDirectoryIsLeft() throws Exception {
        assertFalse(Engines.output(List.of("ip", "-o", "link", "show")).contains(": isob-"), "a tap device was left");
        Set<String> qemuLeft = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        qemuLeft.removeAll(qemuBefore);
        assertEquals(Set.of(), qemuLeft, "QEMU left");
        Set<Path> left = Launch.vmLeftovers();
        left.removeAll(leftoversBefore);
        assertEquals(Set.of(), left, "control or VM work directories left");
    }
}
