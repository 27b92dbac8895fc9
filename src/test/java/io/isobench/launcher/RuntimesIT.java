package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A smoke run of a small selection under each container runtime besides runc, and what each leaves behind. */
class RuntimesIT {

    @TempDir
    static Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"crun", "runsc"})
    void aSmokeRunUnderTheRuntime(String runtime) throws Exception {
        Engines.requireRuntime(runtime);
        if (runtime.equals("crun") && hybridCgroups()) {
            // A fact of the machine, not of isobench: Debian 12's crun 1.8 refuses to create a container there
            // ("cgroups in hybrid mode not supported, drop all controllers from cgroupv2"), also with docker run.
            org.junit.jupiter.api.Assumptions.abort("crun 1.8 refuses this machine's hybrid cgroups (v1 with a v2 unified mount)");
        }
        Path run = temp.resolve(runtime);
        Launch.Outcome outcome = Launch.run(900, "container", "--runtime", runtime, "--profile", "smoke",
                "--include", "ParentPidGet|PeerRoundTrip|SmallFileChurn", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        Path env = run.resolve("container-" + runtime + "-bridge");
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(env));
        assertEquals(5, results.size(), "rawSyscall, createWriteDelete and the peer round trip at three sizes");
        for (JsonNode result : results) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
        }
        JsonNode record = JsonFiles.read(ResultLayout.environmentJson(env));
        assertEquals(runtime, record.get("runtime").asText());
        assertEquals(runtime + "-bridge", record.get("variant").asText());
        assertFalse(record.get("runtimeVersion").asText().isBlank());
        assertEquals(System.getProperty("os.version"), record.get("hostKernel").asText(), "the host's kernel, from outside");
        if (runtime.equals("runsc")) {
            assertEquals("ptrace", record.get("gvisorPlatform").asText());
            assertEquals("host", record.get("gvisorNetwork").asText());
        }
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(env));
        assertTrue(footprint.get("hostProcessesPssBytes").asLong() > 0, "the shim (and gVisor's sandbox) hold memory");
    }

    /** cgroup v1 controllers with a cgroup2 hierarchy mounted beside them (systemd's "hybrid" layout). */
    private static boolean hybridCgroups() throws java.io.IOException {
        String mounts = java.nio.file.Files.readString(Path.of("/proc/mounts"));
        return mounts.contains(" cgroup2 ") && mounts.contains(" cgroup ");
    }

    @AfterAll
    static void nothingLeftBehind() throws Exception {
        assertEquals("", Engines.output(List.of("docker", "ps", "-aq", "--filter", "label=io.isobench")), "containers left");
        for (String process : List.of("runsc-sandbox", "runsc-gofer", "runsc-boot")) {
            assertEquals(List.of(), Launch.processesContaining(process), process + " left running");
        }
    }
}
