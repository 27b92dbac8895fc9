package io.isobench.compare;

import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.JmhJsonReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad input ends with exit 2, one line naming the file and the problem, no stack trace, no output files. */
class BadInputTest {

    @TempDir
    Path tmp;

    Path run;
    Path out;

    @BeforeEach
    void goodRun() throws IOException {
        run = tmp.resolve("run-1");
        out = tmp.resolve("out");
        Fixtures.envDir(run, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), Map.of("jvmStartMillis", 300));
        Fixtures.envDir(run, "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), Map.of("jvmStartMillis", 400));
    }

    private void assertBadInput(Fixtures.Result result, Path file, String problem) throws IOException {
        assertEquals(2, result.code(), result.err());
        List<String> lines = result.errLines();
        assertEquals(1, lines.size(), "one line: " + result.err());
        String line = lines.get(0);
        assertTrue(line.startsWith("isobench compare: "), line);
        if (file != null) {
            assertTrue(line.contains(file.toString()), "names " + file + ": " + line);
        }
        assertTrue(line.contains(problem), "says '" + problem + "': " + line);
        assertFalse(line.contains("Exception") || result.err().contains("\tat "), "no stack trace: " + line);
        if (Files.exists(out)) {
            try (Stream<Path> files = Files.list(out)) {
                assertEquals(0, files.count(), "nothing written");
            }
        }
    }

    @Test
    void malformedJson() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        Files.writeString(jmh, "[{\"benchmark\": \"x\", \"mode\": avgt}]");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "malformed JSON");
    }

    @Test
    void truncatedJson() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        String full = Files.readString(jmh);
        Files.writeString(jmh, full.substring(0, full.length() / 2));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "truncated JSON");
    }

    @Test
    void emptyJmhJson() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        Files.writeString(jmh, "");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "is empty");
    }

    @Test
    void notAnArray() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        Files.writeString(jmh, "{\"benchmark\": \"x\"}");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "is not JMH JSON output");
    }

    @Test
    void benchmarkPresentTwiceInOneFile() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        Fixtures.writeJmh(jmh, List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2), avgt("io.isobench.cpu.C.a", 12, 0.1, 3)));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "appears twice");
    }

    @Test
    void directoryWithNoResults() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        assertBadInput(Fixtures.run(empty.getParent().toString(), "--out", out.toString()), empty.getParent(),
                "no results");
    }

    @Test
    void emptyResultArray() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        Files.writeString(jmh, "[ ]");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "holds no benchmark results");
    }

    @Test
    void nonNumericScore() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        Files.writeString(jmh, Fixtures.json(List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2).withScore("fast"))));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), jmh, "has no numeric score");
    }

    @Test
    void malformedEnvironmentJson() throws IOException {
        Path env = run.resolve("vm-kvm/environment.json");
        Files.writeString(env, "{\"env\": ");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), env, "truncated JSON");
    }

    @Test
    void malformedFootprint() throws IOException {
        Path fp = run.resolve("vm-kvm/footprint.json");
        Files.writeString(fp, "{\"idleMemoryBytes\": \"lots\"}");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), fp, "idleMemoryBytes");
    }

    @Test
    void anUnknownSchemaMajorIsRefusedNamingTheFile() throws IOException {
        Map<String, Object> fp = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        fp.put("schemaVersion", "3.0");
        Path env = run.resolve("vm-kvm/environment.json");
        Files.writeString(env, Fixtures.MAPPER.writeValueAsString(fp));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), env,
                "schemaVersion 3.0 is not one this isobench reads");

        Files.writeString(env, Fixtures.MAPPER.writeValueAsString(Fixtures.fingerprint("vm-kvm", "vm", "kvm")));
        Path footprint = run.resolve("host/footprint.json");
        Files.writeString(footprint, "{\"schemaVersion\": \"3.1\", \"jvmStartMillis\": 300}");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), footprint, "schemaVersion 3.1");

        Files.writeString(footprint, "{\"jvmStartMillis\": 300}");
        Path record = run.resolve("environments.json");
        Files.writeString(record, "{\"schemaVersion\": \"9.0\", \"environments\": []}");
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), record, "schemaVersion 9.0");
    }

    @Test
    void aNewerSchemaMinorWithMoreFieldsCompares() throws IOException {
        Map<String, Object> fp = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        fp.put("schemaVersion", "2.9");
        fp.put("numaNodes", 2);
        Files.writeString(run.resolve("vm-kvm/environment.json"), Fixtures.MAPPER.writeValueAsString(fp));
        Files.writeString(run.resolve("vm-kvm/footprint.json"),
                "{\"schemaVersion\": \"2.9\", \"jvmStartMillis\": 400, \"swapBytes\": 0}");
        Files.writeString(run.resolve("environments.json"), "{\"schemaVersion\": \"2.9\", \"environments\": "
                + "[{\"env\": \"vm-kvm\", \"status\": \"partial\", \"reason\": \"one failed\", \"exitCode\": 3}],"
                + " \"host\": \"x\"}");
        Fixtures.Result result = Fixtures.run(run.toString(), "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("vm-kvm partial: one failed"), "the run record is read: " + md);
    }

    @Test
    void runsOfDifferentProfiles() throws IOException {
        Map<String, Object> fp = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        fp.put("profile", "full");
        Path env = run.resolve("vm-kvm/environment.json");
        Files.writeString(env, Fixtures.MAPPER.writeValueAsString(fp));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), env, "different profile than host (profile full vs quick)");
    }

    @Test
    void differentJvmBuildIsRefusedUnlessAllowed() throws IOException {
        Map<String, Object> fp = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        fp.put("jvm", Map.of("vendor", "Other", "version", "21", "vmVersion", "21.0.1+12", "home", "/j",
                "runtimeSha256", "cc33"));
        Path env = run.resolve("vm-kvm/environment.json");
        Files.writeString(env, Fixtures.MAPPER.writeValueAsString(fp));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), env, "JVM build");

        Fixtures.Result allowed = Fixtures.run(run.toString(), "--out", out.toString(), "--allow-mismatch");
        assertEquals(0, allowed.code(), allowed.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("--allow-mismatch"), "the report says it compared despite a mismatch");
        assertTrue(md.contains("≠ **jvm.vmVersion**"), "the fingerprint table marks the difference");
    }

    @Test
    void aJvmWithoutItsClassArchiveIsRefused() throws IOException {
        for (String[] env : new String[][] {{"host", "host", "none", "true"}, {"vm-kvm", "vm", "kvm", "false"}}) {
            Map<String, Object> fp = Fixtures.fingerprint(env[0], env[1], env[2]);
            fp.put("jvm", Map.of("vendor", "Eclipse Adoptium", "version", "17.0.15", "vmVersion", "17.0.15+6",
                    "home", "/opt/java", "runtimeSha256", "aa11", "classDataSharing", Boolean.valueOf(env[3])));
            Files.writeString(run.resolve(env[0] + "/environment.json"), Fixtures.MAPPER.writeValueAsString(fp));
        }
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), run.resolve("vm-kvm/environment.json"),
                "different class-data sharing than host (jvm.classDataSharing false vs true)");
    }

    @Test
    void differentJarIsRefused() throws IOException {
        Map<String, Object> fp = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        fp.put("jarSha256", "ffff");
        Path env = run.resolve("vm-kvm/environment.json");
        Files.writeString(env, Fixtures.MAPPER.writeValueAsString(fp));
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString()), env, "different benchmark jar than host (jarSha256 ffff vs bb22)");
    }

    @Test
    void missingInput() throws IOException {
        Path nowhere = tmp.resolve("nowhere");
        assertBadInput(Fixtures.run(nowhere.toString(), "--out", out.toString()), nowhere, "no such file");
    }

    @Test
    void outIsRequiredForSeveralInputs() throws IOException {
        Path other = tmp.resolve("other.json");
        Fixtures.writeJmh(other, List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 5)));
        assertBadInput(Fixtures.run(run.toString(), other.toString()), null, "--out is required");
    }

    @Test
    void unknownBaseline() throws IOException {
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString(), "--baseline", "mars"), null,
                "--baseline mars matches no environment");
    }

    @Test
    void badOptionValueIsOneLineToo() throws IOException {
        assertBadInput(Fixtures.run(run.toString(), "--out", out.toString(), "--ram", "lots"), null,
                "not a size: lots");
    }

    @Test
    void nanInfStringsAndOldSecondaryPrefixAreAccepted() throws Exception {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        String json = Fixtures.json(List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2).withScore("-INF")))
                .replace("\"secondaryMetrics\" : { }", "\"secondaryMetrics\" : {\"\u00b7gc.alloc.rate\": {"
                        + "\"score\": \"NaN\", \"scoreError\": \"NaN\", \"scoreUnit\": \"MB/sec\", "
                        + "\"rawData\": [[\"NaN\", 1.0]]}}");
        assertTrue(json.contains("gc.alloc.rate"), "fixture has a secondary metric");
        Files.writeString(jmh, json);
        Fixtures.Result result = Fixtures.run(run.toString(), "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        List<BenchmarkResult> read = JmhJsonReader.read(jmh);
        assertTrue(read.get(0).secondary().containsKey("gc.alloc.rate"), "prefix dropped");
        assertTrue(Double.isInfinite(read.get(0).primary().score()));
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"verdict\" : \"invalid\""), summary);
    }
}
