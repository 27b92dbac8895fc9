package io.isobench.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record of the schema, written and read back; versions refused and accepted; the published files still read. */
class SchemaRoundTripTest {

    private static final ObjectMapper TREES = new ObjectMapper();

    static Fingerprint fingerprint() {
        return new Fingerprint("container-runsc-bridge", "container", "runsc-bridge", "none", "run-1", "4.4.0", "#1",
                "amd64", "Debian GNU/Linux 12 (bookworm)", "AMD EPYC", 2, "0-1", true, "KVM", 25L << 30,
                Map.of("spectre_v2", "Mitigation: Retpolines", "mds", "Not affected"), "none (no cpufreq)", "tsc",
                "always [madvise] never", "2", "none", "50000 100000", "0::/", "0-1",
                new Fingerprint.Jvm("Debian", "17.0.15+6", "OpenJDK 64-Bit Server VM", "17.0.15+6", "/opt/java", "aa11", true),
                "bb22", "/opt/isobench/benchmarks.jar", "smoke", List.of("-f", "1", "-jvmArgs", "-Xmx512m"), "1.37",
                "0.1.0", "2026-11-28T05:05:45Z", "/var/tmp/isobench", "overlay", "172.18.0.1:7000", "bridge-to-host",
                "unknown");
    }

    static EnvironmentRecord environmentRecord() {
        return EnvironmentRecord.running(fingerprint())
                .withSkipped(new Problem("io.isobench.fileio.DirectRandomReadBenchmark.read", null, "no O_DIRECT"))
                .withFailed(new Problem("io.isobench.cpu.Sha256DigestBenchmark.digest", 2, "no result"))
                .withHost("6.18.44", new ContainerRuntime("runsc", "isobench-runsc", "/usr/bin/runsc", "runsc 0.0",
                        "ptrace", "host"), "the engine died")
                .withNeighbours(new Neighbours(2, "cpu", "container-runsc-bridge", 2, 5, 61.5))
                .withCaveats(List.of(new Caveat("clocksource", "unknown", "cannot be read here")))
                .withEvidence(List.of("io.isobench.fileio.DirectRandomReadBenchmark.oDirect"),
                        List.of(new Contradiction("io.isobench.fileio.DirectRandomReadBenchmark.oDirect", Map.of(),
                                "deviceReadBytesPerOp", 0.0, java.util.Arrays.asList(0.0, null),
                                "deviceReadBytesPerOp >= 3686.4: each read reaches the block device")),
                        List.of(new Unsteady("io.isobench.fileio.DirectRandomReadBenchmark.oDirect", Map.of(), -0.21,
                                List.of(-0.2, -0.22))))
                .finished(EnvironmentRecord.PARTIAL, 366);
    }

    static Footprint footprint() {
        return new Footprint.Builder().jvmStartMillis(Measurement.of(List.of(106.2, 102.6, 110.3)))
                .idleMemoryBytes(29347840).image("isobench/rootfs:f9397de03e86", 86368815)
                .hostProcessesPssBytes(7802880).startToReadyMillis(Measurement.of(List.of(563.9, 584.2)))
                .copiedInBytes(84839539).writableLayerBytes(84610439)
                .vm("tcg", "user", 171446272, 33976320)
                .boot(Measurement.of(List.of(7663.6, 7417.8, 6992.4)), Measurement.single(17727.6))
                .overlayBytes(88678400)
                .shipped(ShippedImage.of(90_000_000, 168_000_000, 175_000_000).withCompressed(70_000_000, "docker save | gzip"))
                .idleLayerBytes(40960).build();
    }

    static Timeline timeline() {
        return Timeline.of(12345, 2, List.of(new Timeline.Step(1, "host", "io.isobench.cpu.Sha256DigestBenchmark",
                "2026-12-04T17:00:00Z", "2026-12-04T17:00:03.5Z", 0, "ok"), new Timeline.Step(1, "vm-tcg",
                "io.isobench.cpu.Sha256DigestBenchmark", "2026-12-04T17:00:04Z", "2026-12-04T17:01:04Z", 124, "hung")));
    }

    static RunRecord runRecord() {
        return RunRecord.of(List.of(new RunRecord.Entry("host", "complete", ""),
                new RunRecord.Entry("vm-kvm", "skipped", "no /dev/kvm and no qemu-system-x86_64")));
    }

    private static <T> T roundTrip(T record, Class<T> type) throws IOException {
        return ResultJson.bind(TREES.readTree(ResultJson.toJson(record)), type);
    }

    @Test
    void everyRecordReadsBackEqual() throws IOException {
        assertEquals(environmentRecord(), roundTrip(environmentRecord(), EnvironmentRecord.class));
        assertEquals(footprint(), roundTrip(footprint(), Footprint.class));
        assertEquals(runRecord(), roundTrip(runRecord(), RunRecord.class));
        assertEquals(timeline(), roundTrip(timeline(), Timeline.class));
        EnvironmentRecord host = EnvironmentRecord.running(Fingerprint.named("host"));
        assertEquals(host, roundTrip(host, EnvironmentRecord.class), "a record with nothing but a name, too");
    }

    @Test
    void writersKeepTheKeysOfTheLayoutBeforeVersions() throws IOException {
        JsonNode env = TREES.readTree(ResultJson.toJson(environmentRecord()));
        assertEquals(SchemaVersion.CURRENT.toString(), env.path("schemaVersion").asText());
        for (String key : List.of("env", "kernel", "cpus", "hypervisorVendor", "status", "skipped", "failed",
                "hostKernel", "runtime", "gvisorPlatform", "lost", "durationSeconds")) {
            assertTrue(env.has(key), key + " is a top-level key, as before");
        }
        assertEquals("aa11", env.path("jvm").path("runtimeSha256").asText());
        assertEquals(2, env.path("failed").get(0).path("round").asInt());
        assertEquals("container-runsc-bridge", env.path("neighbours").path("alone").asText(), "neighbours: an object");
        assertEquals(2, env.path("neighbours").path("count").asInt());
        assertEquals("deviceReadBytesPerOp", env.path("contradicted").get(0).path("evidence").asText(), "since 2.3");
        assertTrue(env.path("contradicted").get(0).path("forks").get(1).isNull(), "a fork without a value stays in place");
        assertEquals(-0.21, env.path("unsteady").get(0).path("firstToLast").asDouble());
        assertEquals("clocksource", env.path("caveats").get(0).path("subject").asText());
        JsonNode clean = TREES.readTree(ResultJson.toJson(EnvironmentRecord.running(Fingerprint.named("host"))));
        for (String key : List.of("contradicted", "unsteady", "caveats")) {
            assertFalse(clean.has(key), key + " is left out when there is nothing in it");
        }
        JsonNode foot = TREES.readTree(ResultJson.toJson(footprint()));
        assertEquals(106.2, foot.path("jvmStartMillis").path("median").asDouble());
        assertEquals(84839539L, foot.path("copiedInBytes").asLong(), "copiedInBytes is in the schema");
        assertEquals(175_000_000L, foot.path("shipped").path("withJarBytes").asLong(), "the image as shipped, nested");
        assertEquals("docker save | gzip", foot.path("shipped").path("compression").asText());
        assertEquals(40960L, foot.path("idleLayerBytes").asLong());
        JsonNode run = TREES.readTree(ResultJson.toJson(runRecord()));
        assertEquals("vm-kvm", run.path("environments").get(1).path("env").asText());
        assertFalse(TREES.readTree(ResultJson.toJson(EnvironmentRecord.running(Fingerprint.named("host")))).has("lost"),
                "absent values are left out, not written as null");
    }

    @Test
    void anUnknownMajorIsRefusedInOneLine() throws IOException {
        for (Class<?> type : List.of(EnvironmentRecord.class, Footprint.class, RunRecord.class, Timeline.class)) {
            ObjectNode root = (ObjectNode) TREES.readTree("{\"schemaVersion\": \"3.0\", \"env\": \"host\"}");
            SchemaException e = assertThrows(SchemaException.class, () -> ResultJson.bind(root, type));
            assertEquals("schemaVersion 3.0 is not one this isobench reads (1.x or 2.x, writing 2.8); use the isobench "
                    + "that wrote it, or a newer one", e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        JsonNode bad = TREES.readTree("{\"schemaVersion\": \"two\"}");
        assertEquals("schemaVersion 'two' is not MAJOR.MINOR",
                assertThrows(SchemaException.class, () -> ResultJson.bind(bad, Footprint.class)).getMessage());
    }

    @Test
    void aNewerMinorWithMoreFieldsReads() throws IOException {
        ObjectNode env = (ObjectNode) TREES.readTree(ResultJson.toJson(environmentRecord()));
        env.put("schemaVersion", "2.7").put("numaNodes", 4).putObject("jvm2").put("x", 1);
        ((ObjectNode) env.path("jvm")).put("gc", "G1");
        ((ObjectNode) env.path("failed").get(0)).put("exitCode", 137);
        EnvironmentRecord read = ResultJson.bind(env, EnvironmentRecord.class);
        assertEquals(new SchemaVersion(2, 7), read.schemaVersion());
        assertEquals(environmentRecord().fingerprint(), read.fingerprint());
        assertEquals(environmentRecord().failed(), read.failed());

        ObjectNode foot = (ObjectNode) TREES.readTree(ResultJson.toJson(footprint()));
        foot.put("schemaVersion", "2.9").put("swapBytes", 0);
        ((ObjectNode) foot.path("jvmStartMillis")).put("unit", "ms");
        assertEquals(footprint().jvmStartMillis(), ResultJson.bind(foot, Footprint.class).jvmStartMillis());
    }

    @Test
    void legacyShapesStillRead() throws IOException {
        RunRecord run = ResultJson.bind(TREES.readTree("[{\"env\": \"host\", \"status\": \"complete\", \"reason\": \"\"}]"),
                RunRecord.class);
        assertEquals(SchemaVersion.LEGACY, run.schemaVersion());
        assertEquals(List.of(new RunRecord.Entry("host", "complete", "")), run.environments());
        Footprint foot = ResultJson.bind(TREES.readTree("{\"jvmStartMillis\": 330, \"bootToInitMillis\": {\"samples\": [3, 1, 2]}}"),
                Footprint.class);
        assertEquals(SchemaVersion.LEGACY, foot.schemaVersion());
        assertEquals(Measurement.single(330), foot.jvmStartMillis(), "a plain number is a median without samples");
        assertEquals(2, foot.bootToInitMillis().median(), "samples without a median get theirs");
        EnvironmentRecord env = ResultJson.bind(TREES.readTree("{\"env\": \"host\", \"skipped\": [\"a.B.c\"]}"),
                EnvironmentRecord.class);
        assertEquals(List.of(new Problem("a.B.c", null, "")), env.skipped(), "a bare name is a problem without reason");
        assertNull(env.containerRuntime());
    }

    /** Every environment.json, footprint.json and environments.json published under docs/ reads as version 1. */
    @Test
    void publishedMeasurementsRead() throws IOException {
        Path docs = Path.of(System.getProperty("isobench.projectDir", ".")).resolve("docs");
        List<Path> files;
        try (Stream<Path> all = Files.walk(docs)) {
            files = all.filter(p -> List.of("environment.json", "footprint.json", "environments.json")
                    .contains(p.getFileName().toString())).toList();
        }
        assertTrue(files.size() >= 80, "the published runs are found (" + files.size() + ")");
        for (Path file : files) {
            JsonNode root = TREES.readTree(file.toFile());
            Class<?> type = switch (file.getFileName().toString()) {
                case "environment.json" -> EnvironmentRecord.class;
                case "footprint.json" -> Footprint.class;
                default -> RunRecord.class;
            };
            Object read = ResultJson.bind(root, type);
            if (read instanceof EnvironmentRecord env) {
                if (!root.has("schemaVersion")) {
                    assertEquals(SchemaVersion.LEGACY, env.schemaVersion(), file + " has no version: the layout before versions");
                }
                // An environment whose classes all ran from the host (the inbound ones) has no JVM of its own recorded.
                assertEquals(root.path("jvm").path("runtimeSha256").asText(), env.fingerprint().jvm() == null ? ""
                        : env.fingerprint().jvm().runtimeSha256(), file.toString());
                assertEquals(root.path("status").asText(), env.status(), file.toString());
                assertEquals(root.has("kernel") ? root.get("kernel").asText() : null, env.fingerprint().kernel(),
                        file.toString());
                // Nothing of the file is lost: written again, it has the same keys and values, plus the version.
                ObjectNode again = (ObjectNode) TREES.readTree(ResultJson.toJson(env));
                again.remove("schemaVersion");
                ObjectNode original = root.deepCopy();
                original.remove("schemaVersion");
                original.remove("hypervisorVendor"); // null in some files: left out when written
                again.remove("hypervisorVendor");
                assertEquals(original, again, file.toString());
            } else if (read instanceof Footprint foot) {
                ObjectNode again = (ObjectNode) TREES.readTree(ResultJson.toJson(foot));
                again.remove("schemaVersion");
                int keys = root.size() - (root.has("schemaVersion") ? 1 : 0);
                assertEquals(keys, again.size(), "every key of " + file + " is in the schema");
            }
        }
    }
}
