package io.isobench.compare.input;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import io.isobench.suite.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InputLoaderTest {

    @TempDir
    Path tmp;

    private static List<String> labels(List<EnvironmentInput> inputs) {
        return inputs.stream().map(EnvironmentInput::label).toList();
    }

    @Test
    void runDirsWithTheSameEnvNamesGetRunIdLabels() throws Exception {
        for (String run : List.of("monday", "tuesday")) {
            Fixtures.envDir(tmp.resolve(run), "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                    Fixtures.fingerprint("host", "host", "none"), null);
            Fixtures.envDir(tmp.resolve(run), "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 2)),
                    Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        }
        Fixtures.envDir(tmp.resolve("tuesday"), "container-bridge", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 3)),
                Fixtures.fingerprint("container-bridge", "container", "none"), null);
        List<EnvironmentInput> in = InputLoader.load(List.of(tmp.resolve("monday"), tmp.resolve("tuesday")),
                List.of());
        assertEquals(List.of("monday/host", "monday/vm-kvm", "tuesday/host", "container-bridge", "tuesday/vm-kvm"),
                labels(in));
        Comparison c = Comparison.of(in, CompareOptions.defaults());
        assertEquals("monday/host", c.baseline().label(), "the first host is the baseline");
        Comparison chosen = Comparison.of(in, CompareOptions.defaults().withBaseline("tuesday/host"));
        assertEquals("tuesday/host", chosen.baseline().label());
    }

    @Test
    void theInboundStepsRowsAreTheEnvironmentsAndTheirPathIsInTheFingerprint() throws Exception {
        Path run = tmp.resolve("run");
        Fixtures.envDir(run, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Path container = Fixtures.envDir(run, "container-bridge", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 2)),
                Fixtures.fingerprint("container-bridge", "container", "none"), null);
        java.util.Map<String, Object> client = Fixtures.fingerprint("container-bridge", "host", "none");
        client.put("peer", "172.17.0.1:32768");
        client.put("peerPath", "inbound-dnat");
        Fixtures.envDir(container, "inbound", List.of(avgt("io.isobench.network.PeerInboundBenchmark.roundTrip", 40, 1, 3)),
                client, null);
        List<EnvironmentInput> in = InputLoader.load(List.of(run), List.of());
        assertEquals(List.of("host", "container-bridge"), labels(in), "inbound/ is not an environment of its own");
        EnvironmentInput bridge = in.get(1);
        assertEquals(List.of("io.isobench.cpu.C.a", "io.isobench.network.PeerInboundBenchmark.roundTrip"),
                bridge.results().stream().map(r -> r.key().benchmark()).toList());
        assertEquals("inbound-dnat", bridge.fingerprint().get("inboundPath"));
        assertEquals("172.17.0.1:32768", bridge.fingerprint().get("inboundPeer"));
        assertEquals("container", bridge.fingerprint().get("kind"), "the environment's own fingerprint stays");
    }

    @Test
    void plainJmhFilesAreLabelledByFileNameOrLabel() throws Exception {
        Path a = Fixtures.writeJmh(tmp.resolve("elsewhere/laptop.json"), List.of(avgt("org.x.B.m", 10, 0.1, 1)));
        Path b = Fixtures.writeJmh(tmp.resolve("elsewhere/cloud.json"), List.of(avgt("org.x.B.m", 12, 0.1, 2)));
        assertEquals(List.of("laptop", "cloud"), labels(InputLoader.load(List.of(a, b), List.of())));
        List<EnvironmentInput> named = InputLoader.load(List.of(a, b), List.of("host", "vm"));
        assertEquals(List.of("host", "vm"), labels(named));
        Comparison c = Comparison.of(named, CompareOptions.defaults());
        assertEquals(Area.OTHER, c.rows().get(0).area());
        assertEquals("host", c.rows().get(0).baseline());
    }

    @Test
    void sameFileTwiceIsDisambiguated() throws Exception {
        Path a = Fixtures.writeJmh(tmp.resolve("r/x.json"), List.of(avgt("org.x.B.m", 10, 0.1, 1)));
        assertEquals(List.of("r/x", "r/x#2"), labels(InputLoader.load(List.of(a, a), List.of())));
    }

    @Test
    void envDirAndJmhJsonPathLoadTheFingerprint() throws Exception {
        Path dir = Fixtures.envDir(tmp.resolve("run"), "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        EnvironmentInput fromDir = InputLoader.load(List.of(dir), List.of()).get(0);
        EnvironmentInput fromFile = InputLoader.load(List.of(dir.resolve("jmh.json")), List.of()).get(0);
        assertEquals("vm-kvm", fromDir.label());
        assertEquals("run", fromDir.runId());
        assertEquals("kvm", fromFile.fingerprint().accel());
        assertEquals("vm", fromFile.kind());
        assertNull(InputLoader.defaultOutDir(List.of(dir)), "no default --out for an env dir");
        assertEquals(tmp.resolve("run/report"), InputLoader.defaultOutDir(List.of(tmp.resolve("run"))));
    }

    @Test
    void runDirOrdersHostContainersVms() throws Exception {
        for (String env : List.of("vm-tcg", "container-host-unconfined", "host", "vm-kvm", "container-bridge")) {
            Fixtures.envDir(tmp, env, List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)), null, null);
        }
        assertEquals(List.of("host", "container-bridge", "container-host-unconfined", "vm-kvm", "vm-tcg"),
                labels(InputLoader.load(List.of(tmp), List.of())));
    }
}
