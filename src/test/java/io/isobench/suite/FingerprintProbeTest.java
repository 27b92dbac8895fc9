package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintProbeTest {

    @TempDir
    Path dir;

    private JsonNode collect() {
        return ResultJson.toTree(FingerprintProbe.collect(new FingerprintProbe.Context("container-bridge", "container", "bridge", "none",
                "run-1", Profile.SMOKE, List.of("-f", "1"), dir, null)));
    }

    @Test
    void hasEveryKeyTheComparisonReads() {
        JsonNode node = collect();
        for (String key : List.of("env", "kind", "variant", "accel", "kernel", "cpuModel", "cpus", "memoryBytes",
                "vulnerabilities", "cpuGovernor", "clocksource", "cgroup", "jvm", "jarSha256", "profile", "jmhArgs", "isobenchVersion",
                "timestamp", "benchDir", "benchDirFsType", "hypervisor", "runId", "jmhVersion", "seccomp", "memoryReclaim")) {
            assertTrue(node.has(key), "missing " + key);
        }
        for (String key : List.of("vendor", "version", "vmVersion", "home", "runtimeSha256")) {
            assertTrue(node.get("jvm").has(key), "missing jvm." + key);
        }
    }

    @Test
    void recordsWhatItWasToldAndWhatItRead() {
        JsonNode node = collect();
        assertEquals("container", node.get("kind").asText());
        assertEquals("bridge", node.get("variant").asText());
        assertEquals("smoke", node.get("profile").asText());
        assertEquals("-f", node.get("jmhArgs").get(0).asText());
        assertEquals(Runtime.getRuntime().availableProcessors(), node.get("cpus").asInt());
        assertTrue(node.get("memoryBytes").asLong() > 0);
        assertEquals(System.getProperty("java.vm.version"), node.get("jvm").get("vmVersion").asText());
        assertEquals(dir.toAbsolutePath().toString(), node.get("benchDir").asText());
        assertTrue(node.get("kernel").asText().matches("\\d+\\.\\d+.*"), node.get("kernel").asText());
        assertTrue(node.get("vulnerabilities").isObject());
        assertEquals("1.37", node.get("jmhVersion").asText());
    }

    /** A sysfs tree as this project's machine has it: DAMON evicting idle page cache, a balloon reporting free pages. */
    @Test
    void namesWhatTakesMemoryBackOnItsOwn() throws Exception {
        Path sys = dir.resolve("sys");
        assertEquals("unknown", FingerprintProbe.memoryReclaim(sys), "no /sys/kernel/mm to ask (gVisor)");
        java.nio.file.Files.createDirectories(sys.resolve("kernel/mm"));
        assertEquals("none", FingerprintProbe.memoryReclaim(sys));
        Path kdamond = sys.resolve("kernel/mm/damon/admin/kdamonds/0");
        write(kdamond.resolve("state"), "off");
        write(kdamond.resolve("contexts/0/operations"), "paddr");
        write(kdamond.resolve("contexts/0/schemes/0/action"), "pageout");
        write(kdamond.resolve("contexts/nr_contexts"), "1");
        write(sys.resolve("bus/virtio/drivers/virtio_balloon/virtio0/features"), "0110000000000000");
        assertEquals("none", FingerprintProbe.memoryReclaim(sys), "a kdamond that is off, a balloon without reporting");
        write(kdamond.resolve("state"), "on");
        write(sys.resolve("bus/virtio/drivers/virtio_balloon/virtio0/features"), "0110010100000000");
        assertEquals("DAMON paddr pageout; virtio-balloon free page reporting", FingerprintProbe.memoryReclaim(sys));
    }

    private static void write(Path file, String text) throws java.io.IOException {
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, text + "\n");
    }

    @Test
    void runtimeHashIdentifiesTheRunningJvm() {
        String hash = collect().get("jvm").get("runtimeSha256").asText();
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, FingerprintProbe.runtimeSha256(Path.of(System.getProperty("java.home"))));
        assertFalse(hash.equals(FingerprintProbe.runtimeSha256(dir)), "a directory without a JVM has no JVM hash");
    }

    @Test
    void saysWhetherTheJvmMappedItsClassArchive() {
        boolean off = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.equals("-Xshare:off"));
        assertEquals(!off, FingerprintProbe.classDataSharing(),
                "the test JVM, a JDK as installed, maps its default archive unless told -Xshare:off");
    }
}
