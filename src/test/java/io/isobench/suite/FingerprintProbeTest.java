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
                "timestamp", "benchDir", "benchDirFsType", "hypervisor", "runId", "jmhVersion", "seccomp")) {
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
