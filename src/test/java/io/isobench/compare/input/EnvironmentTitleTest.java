package io.isobench.compare.input;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Environments are named by what ran, from their recorded parts; the report's columns and headline use the names. */
class EnvironmentTitleTest {

    private static final String BENCH = "io.isobench.syscall.ParentPidGetBenchmark.getppid";

    @TempDir
    Path tmp;

    /** An environment.json as the launcher writes it for this kind and variant, with these runtime fields. */
    private static Map<String, Object> record(String env, String kind, String variant, String accel,
                                              Map<String, Object> more) {
        Map<String, Object> fp = Fixtures.fingerprint(env, kind, accel);
        fp.put("variant", variant);
        fp.put("cgroupCpuQuota", "none");
        fp.put("cgroupMemoryLimit", "max");
        fp.putAll(more);
        return fp;
    }

    private Path run() throws Exception {
        Path run = tmp.resolve("run");
        Fixtures.envDir(run, "host", List.of(avgt(BENCH, 1000, 10, 1)), record("host", "host", "default", "none",
                Map.of()), null);
        Fixtures.envDir(run, "host-b", List.of(avgt(BENCH, 1000, 10, 2)), record("host-b", "host", "default", "none",
                Map.of()), null);
        Fixtures.envDir(run, "container-bridge", List.of(avgt(BENCH, 1100, 10, 3)),
                record("container-bridge", "container", "bridge", "none", Map.of("runtime", "runc",
                        "runtimeVersion", "runc version 1.1.5+ds1", "cgroupCpuQuota", "50000 100000")), null);
        Fixtures.envDir(run, "container-runsc-bridge", List.of(avgt(BENCH, 30000, 100, 4)),
                record("container-runsc-bridge", "container", "runsc-bridge", "none", Map.of("runtime", "runsc",
                        "runtimeName", "isobench-runsc", "runtimeVersion", "runsc version 0.0~20221219.0",
                        "gvisorPlatform", "ptrace", "gvisorNetwork", "host")), null);
        Fixtures.envDir(run, "charliecloud", List.of(avgt(BENCH, 1000, 10, 5)),
                record("charliecloud", "charliecloud", "unprivileged", "none", Map.of("runtime", "ch-run",
                        "runtimeVersion", "0.31")), null);
        Fixtures.envDir(run, "podman-runc-rootless", List.of(avgt(BENCH, 1000, 10, 6)),
                record("podman-runc-rootless", "podman", "runc-rootless", "none", Map.of("runtime", "runc",
                        "runtimeVersion", "runc version 1.1.5+ds1")), null);
        Fixtures.envDir(run, "vm-tcg", List.of(avgt(BENCH, 90000, 900, 7)),
                record("vm-tcg", "vm", "tcg-2cpu-2048m-cachenone-user", "tcg", Map.of()), null);
        return run;
    }

    @Test
    void everyKindIsNamedByWhatRan() throws Exception {
        Map<String, String> titles = EnvironmentTitle.of(InputLoader.load(List.of(run()), List.of()));
        assertEquals("host", titles.get("host"));
        assertEquals("host [host-b]", titles.get("host-b"), "a second host keeps its own name");
        assertEquals("runc 1.1.5 (Docker, bridge network, 0.5 CPU)", titles.get("container-bridge"));
        assertEquals("gVisor 2022-12-19 (Docker, ptrace, network=host, bridge network)",
                titles.get("container-runsc-bridge"));
        assertEquals("Charliecloud 0.31 (unprivileged)", titles.get("charliecloud"));
        assertEquals("Podman runc 1.1.5 (rootless)", titles.get("podman-runc-rootless"));
        assertEquals("QEMU VM, TCG emulation (2 vCPUs, slirp network)", titles.get("vm-tcg"));
    }

    @Test
    void twoInputsOfTheSameMakeAreToldApartByTheirLabels() throws Exception {
        Path a = tmp.resolve("a.json");
        Path b = tmp.resolve("b.json");
        Fixtures.writeJmh(a, List.of(avgt(BENCH, 1000, 10, 1)));
        Fixtures.writeJmh(b, List.of(avgt(BENCH, 1000, 10, 2)));
        Map<String, String> titles = EnvironmentTitle.of(InputLoader.load(List.of(a, b), List.of("A1", "A2")));
        assertEquals(2, titles.values().stream().distinct().count(), titles.toString());
    }

    @Test
    void theReportNamesColumnsByWhatRanAndSaysWhenGvisorIsOffItsDefaults() throws Exception {
        Path out = tmp.resolve("report");
        Fixtures.Result result = Fixtures.run(run().toString(), "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        String markdown = Files.readString(out.resolve("report.md"));
        String headline = markdown.substring(markdown.indexOf("Headline"), markdown.indexOf("\n## ",
                markdown.indexOf("Headline")));
        assertTrue(headline.contains("| gVisor 2022-12-19 (Docker, ptrace, network=host, bridge network) |"), headline);
        assertTrue(headline.contains("QEMU VM, TCG emulation"), headline);
        assertTrue(markdown.contains("Not gVisor's defaults: the ptrace platform, not systrap"), markdown);
        assertTrue(markdown.contains("network=host (the host kernel's network stack), not gVisor's own netstack"),
                markdown);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"container-runsc-bridge\""), "summary.json keeps the labels as keys");
    }

    @Test
    void gvisorOnItsDefaultsGetsNoSuchWarning() {
        assertFalse(EnvironmentTitle.gvisorOffDefaults(new io.isobench.schema.ContainerRuntime("runsc", "runsc",
                "/usr/bin/runsc", "runsc version release-20240101.0", "systrap", "sandbox")));
        assertTrue(EnvironmentTitle.gvisorOffDefaults(new io.isobench.schema.ContainerRuntime("runsc", "runsc",
                "/usr/bin/runsc", "runsc version release-20240101.0", "systrap", "host")));
        assertFalse(EnvironmentTitle.gvisorOffDefaults(new io.isobench.schema.ContainerRuntime("runc", "runc",
                "/usr/bin/runc", "runc version 1.1.5", null, null)));
    }
}
