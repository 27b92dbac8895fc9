package io.isobench.compare.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.schema.ResultJson;
import io.isobench.schema.Summary;
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
import static io.isobench.compare.Fixtures.thrpt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    @TempDir
    Path tmp;

    Path run;

    @BeforeEach
    void run() throws IOException {
        run = tmp.resolve("run-7");
        List<Fixtures.Bench> host = List.of(
                avgt(BenchmarkKey.JNA_BASELINE, 40, 0.4, 1),
                avgt("io.isobench.syscall.ParentPidGetBenchmark.rawSyscall", 200, 2, 2),
                thrpt("io.isobench.network.TcpBulkTransferBenchmark.send", 9000, 50, 3),
                avgt("io.isobench.cpu.ArithmeticLoopBenchmark.loop", 1000, 5, 4));
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"),
                Map.of("jvmStartMillis", Map.of("median", 350, "samples", List.of(340, 350, 365)),
                        "idleMemoryBytes", 40L << 20));
        Fixtures.envDir(run, "container-bridge", Fixtures.scaled(host, 1.05, 5),
                Fixtures.fingerprint("container-bridge", "container", "none"),
                Map.of("imageBytes", 200L << 20, "startToReadyMillis", 900, "jvmStartMillis", 360,
                        "idleMemoryBytes", 64L << 20, "writableLayerBytes", 4096));
        Fixtures.envDir(run, "vm-kvm", Fixtures.scaled(host, 1.4, 6),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"),
                Map.of("baseImageBytes", 1L << 30, "kernelInitrdBytes", 30L << 20, "overlayBytes", 10L << 20,
                        "bootToInitMillis", 1200, "bootToJvmReadyMillis", 2500, "idleMemoryBytes", 512L << 20,
                        "jvmStartMillis", 500));
    }

    @Test
    void writesTheThreeOutputsIntoRunDirReportByDefault() throws IOException {
        Fixtures.Result r = Fixtures.run(run.toString());
        assertEquals(0, r.code(), r.err());
        Path report = run.resolve("report");
        for (String name : List.of("report.md", "index.html", "summary.json")) {
            assertTrue(Files.size(report.resolve(name)) > 500, name);
        }
        try (Stream<Path> files = Files.list(report)) {
            assertEquals(List.of("index.html", "report.md", "summary.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
        assertTrue(r.out().contains("| Area | container (Docker, bridge network) | QEMU/KVM VM (2 vCPUs) |"), r.out());
        // rerunning keeps the report made earlier unless told; --force replaces the files, still without leftovers,
        // and the report dir is not taken for an env
        Fixtures.Result again = Fixtures.run(run.toString());
        assertEquals(2, again.code(), again.err());
        assertTrue(again.err().contains(report + ": holds a report already; --out DIR writes a new one elsewhere, "
                + "--force replaces it"), again.err());
        assertEquals(0, Fixtures.run(run.toString(), "--force").code());
        try (Stream<Path> files = Files.list(report)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void summaryJsonHasTheComparisonsAndTheFootprint() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Fixtures.run(run.toString(), "--out", out.toString(), "--ram", "2GiB").code());
        JsonNode summary = Fixtures.MAPPER.readTree(out.resolve("summary.json").toFile());
        JsonNode comparisons = summary.get("comparisons");
        assertEquals(8, comparisons.size(), "4 benchmarks x 2 environments");
        for (JsonNode c : comparisons) {
            for (String field : List.of("benchmark", "mode", "params", "environment", "baseline", "score",
                    "scoreError", "ratio", "ratioLow", "ratioHigh", "pValue", "verdict")) {
                assertTrue(c.has(field), field + " in " + c);
            }
            assertEquals("host", c.get("baseline").asText());
        }
        JsonNode vmLoop = find(comparisons, "io.isobench.cpu.ArithmeticLoopBenchmark.loop", "vm-kvm");
        assertEquals("slower", vmLoop.get("verdict").asText());
        assertEquals(1.4, vmLoop.get("ratio").asDouble(), 0.01);
        assertTrue(vmLoop.get("ratioLow").asDouble() <= 1.4 && 1.4 <= vmLoop.get("ratioHigh").asDouble());
        JsonNode syscall = find(comparisons, "io.isobench.syscall.ParentPidGetBenchmark.rawSyscall", "vm-kvm");
        assertEquals(1.4, syscall.get("netOfJna").get("ratio").asDouble(), 0.02);

        JsonNode fp = summary.get("footprint");
        assertEquals(2L << 30, fp.get("ramBytes").asLong());
        JsonNode vm = fp.get("environments").get(2);
        assertEquals("vm-kvm", vm.get("environment").asText());
        assertEquals((1L << 30) + (30L << 20), vm.get("imageBytes").asLong());
        assertEquals(2500, vm.get("bootToJvmReadyMillis").asDouble());
        assertEquals(1200, vm.get("startToReadyMillis").asDouble());
        assertEquals(4, vm.get("instancesInRam").asLong(), "2 GiB / 512 MiB");
        JsonNode host = fp.get("environments").get(0);
        assertEquals(51, host.get("instancesInRam").asLong(), "2 GiB / 40 MiB");
        assertEquals(3, host.get("values").get("jvmStartMillis").get("samples").size());
        assertTrue(summary.get("headline").size() >= 6);
    }

    @Test
    void summaryJsonReadsBackAsTheSchemaRecord() throws Exception {
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        String written = ResultJson.toJson(SummaryBuilder.of(c));
        Summary read = ResultJson.toValue(Fixtures.MAPPER.readTree(written), Summary.class);
        assertEquals(written, ResultJson.toJson(read), "one typed record, written and read the same way");
        assertEquals("host", read.comparisons().get(0).baseline());
    }

    @Test
    void markdownHasTheSectionsInOrder() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Fixtures.run(run.toString(), "--out", out.toString()).code());
        String md = Files.readString(out.resolve("report.md"));
        int headline = md.indexOf("## Headline");
        int areas = md.indexOf("## Overhead per area");
        int footprint = md.indexOf("## Image size, start time and idle memory");
        int prints = md.indexOf("## Environment fingerprints");
        assertTrue(0 < headline && headline < areas && areas < footprint && footprint < prints, md);
        assertTrue(md.indexOf("### Syscall") < md.indexOf("### Network"));
        assertTrue(md.indexOf("### Network") < md.indexOf("### CPU"));
        assertTrue(md.contains("Net of JNA (ns/op)"));
        assertTrue(md.contains("≠ **kernel**"), "the kernel mismatch is marked");
        assertTrue(md.contains("| QEMU/KVM VM (2 vCPUs) | vm | 1.03 GiB | 500 ms | 1200 ms | 2500 ms | 512 MiB "
                + "| 128 (from idle memory) |"), md);
    }

    @Test
    void theMethodsSayHowVerdictsAreDecided() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Fixtures.run(run.toString(), "--out", out.toString()).code());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("same is two one-sided tests at 0.05 each (TOST): the whole 90 % interval"), md);
        assertTrue(md.contains("Benjamini-Hochberg false-discovery-rate adjustment over every test"), md);
        assertTrue(md.contains("checked for same like any other"), md);
        assertTrue(md.contains("half-width of a score, t times the standard error of its round means"), md);
        assertTrue(md.contains("the lower bound of its 95 % cost interval is above its threshold"), md);
    }

    @Test
    void htmlIsSelfContainedWithOneChartPerArea() throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, Fixtures.run(run.toString(), "--out", out.toString()).code());
        String html = Files.readString(out.resolve("index.html"));
        assertEquals(3, html.split("<svg class=\"chart\"", -1).length - 1, "syscall, network, cpu");
        assertTrue(html.contains("data-charts-expected=\"3\""));
        assertTrue(html.contains("class=\"sortable\""));
        assertTrue(html.contains("Content-Security-Policy"));
        assertFalse(html.contains("<link"), "no external stylesheets");
        assertFalse(html.contains(" src="), "no external scripts or images");
        assertFalse(html.contains("@import") || html.contains("url("), "no fetched fonts or images");
        assertTrue(html.contains("<rect class=\"bar\""));
        assertTrue(html.contains("class=\"err\""), "error bars");
    }

    @Test
    void theJavaApiWritesTheSameFiles() throws Exception {
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        List<Path> written = Report.writeAll(c, tmp.resolve("api"));
        assertEquals(3, written.size());
        assertTrue(MarkdownWriter.blocks(ReportBuilder.headlineBlocks(c)).contains("| Syscall |"));
    }

    private static JsonNode find(JsonNode comparisons, String benchmark, String env) {
        for (JsonNode c : comparisons) {
            if (c.get("benchmark").asText().equals(benchmark) && c.get("environment").asText().equals(env)) {
                return c;
            }
        }
        throw new AssertionError(benchmark + " in " + env);
    }
}
