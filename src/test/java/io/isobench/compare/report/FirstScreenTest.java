package io.isobench.compare.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.schema.DensityRecord;
import io.isobench.schema.ResultJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the report says at first sight beside the headline: the tails of the sample-mode rows (a plot on the page,
 * JMH's percentiles in both), estimates that say so and follow the measured density, one start time per column, and
 * notes that never end in an empty reason.
 */
class FirstScreenTest {

    static final String CONNECT = "io.isobench.network.PeerConnectBenchmark.connectRequestClose";

    @TempDir
    Path tmp;

    Path run;

    @BeforeEach
    void run() throws IOException {
        run = tmp.resolve("run-1");
        List<Fixtures.Bench> host = List.of(avgt(BenchmarkKey.JNA_BASELINE, 40, 0.4, 1),
                avgt("io.isobench.cpu.ArithmeticLoopBenchmark.loop", 1000, 5, 4),
                Fixtures.bench(CONNECT, "sample", "us/op", 400, 10, 5));
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"),
                Map.of("jvmStartMillis", Map.of("median", 350, "samples", List.of(340, 350, 365)),
                        "idleMemoryBytes", 40L << 20));
        Fixtures.envDir(run, "container-bridge", Fixtures.scaled(host, 1.05, 5),
                Fixtures.fingerprint("container-bridge", "container", "none"),
                Map.of("imageBytes", 200L << 20, "startToReadyMillis", 900, "jvmStartMillis", 360,
                        "idleMemoryBytes", 64L << 20));
        Fixtures.envDir(run, "vm-kvm", Fixtures.scaled(host, 1.4, 6), Fixtures.fingerprint("vm-kvm", "vm", "kvm"),
                Map.of("baseImageBytes", 1L << 30, "bootToInitMillis", 1200, "bootToJvmReadyMillis", 2500,
                        "idleMemoryBytes", 512L << 20, "jvmStartMillis", 500));
        histogram(run.resolve("host/jmh.json"), 300, 1);
        histogram(run.resolve("container-bridge/jmh.json"), 330, 2);
        histogram(run.resolve("vm-kvm/jmh.json"), 900, 3);
    }

    /**
     * Turns the sample-mode entry's rawData into what JMH writes in sample mode: a rawDataHistogram of [value, count]
     * per iteration (log-normal times around {@code median}, a tenth of them ten times as long) and scorePercentiles
     * over all of them.
     */
    static void histogram(Path jmhJson, double median, long seed) throws IOException {
        ArrayNode root = (ArrayNode) Fixtures.MAPPER.readTree(jmhJson.toFile());
        Random random = new Random(seed);
        for (JsonNode entry : root) {
            if (!entry.get("mode").asText().equals("sample")) {
                continue;
            }
            ObjectNode metric = (ObjectNode) entry.get("primaryMetric");
            metric.remove("rawData");
            ArrayNode forks = metric.putArray("rawDataHistogram");
            double[] all = new double[2 * 3 * 100];
            int n = 0;
            double sum = 0;
            for (int f = 0; f < 2; f++) {
                ArrayNode iterations = forks.addArray();
                for (int i = 0; i < 3; i++) {
                    ArrayNode bins = iterations.addArray();
                    for (int s = 0; s < 100; s++) {
                        double v = Math.rint(median * Math.exp(0.2 * random.nextGaussian()) * (s % 10 == 9 ? 10 : 1));
                        bins.addArray().add(v).add(1);
                        all[n++] = v;
                        sum += v;
                    }
                }
            }
            Arrays.sort(all);
            metric.put("score", sum / n);
            ObjectNode percentiles = metric.putObject("scorePercentiles");
            for (double p : new double[]{0, 50, 90, 95, 99, 99.9, 100}) {
                percentiles.put(String.valueOf(p), all[(int) Math.min(n - 1, Math.floor(p / 100 * n))]);
            }
        }
        Files.writeString(jmhJson, root.toPrettyString());
    }

    private String html(Path out) throws IOException {
        return Files.readString(out.resolve(Report.HTML));
    }

    private String markdown(Path out) throws IOException {
        return Files.readString(out.resolve(Report.MARKDOWN));
    }

    private Path compare(String... more) {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of(run.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        Fixtures.Result r = Fixtures.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void theSampleModeRowsHaveATailPlotOnThePageNearTheirTable() throws IOException {
        String html = html(compare());
        assertEquals(1, count(html, "<svg class=\"tail\""), "one plot: the one sample-mode benchmark");
        int table = html.indexOf("data-area=\"network\"");
        int plot = html.indexOf("<svg class=\"tail\"");
        int next = html.indexOf("<h3", plot);
        assertTrue(table > 0 && table < plot && (next < 0 || plot < next), "the plot follows the network table");
        String svg = html.substring(plot, html.indexOf("</svg>", plot));
        assertEquals(3, count(svg, "class=\"cdf\""), "a line per environment");
        assertEquals(1, count(svg, "stroke-dasharray=\"6 4\""), "the baseline dashed");
        assertTrue(svg.contains(">host (baseline)</text>"), svg);
        assertTrue(svg.contains("QEMU/KVM VM (2 vCPUs)"), "readable names, as the bar charts have");
        assertTrue(svg.contains("time per operation (us/op, log scale"), svg);
        // A step line that climbs from 0 to 1 across the plot: its last point is the top of the axis.
        Matcher path = Pattern.compile("class=\"cdf\" d=\"M([0-9.]+) ([0-9.]+)(.*?)V([0-9.]+)\"").matcher(svg);
        assertTrue(path.find(), svg);
        assertTrue(Double.parseDouble(path.group(4)) < Double.parseDouble(path.group(2)), "up is a larger share");
        // Still two scripts, by their hashes: the plot is static SVG.
        assertEquals(2, count(html, "<script>"));
        assertFalse(svg.contains("<script") || svg.contains(" on"), "no script or handler in the plot");
    }

    @Test
    void markdownHasThePercentilesPerEnvironmentInstead() throws IOException {
        Path out = compare();
        String md = markdown(out);
        assertFalse(md.contains("<svg"));
        assertTrue(md.contains("| Benchmark | Params | Environment | Unit | Samples | p50 | p90 | p99 | p99.9 |"), md);
        JsonNode host = Fixtures.MAPPER.readTree(run.resolve("host/jmh.json").toFile()).get(2).get("primaryMetric")
                .get("scorePercentiles");
        String row = md.lines().filter(l -> l.startsWith("| PeerConnectBenchmark.connectRequestClose |  | host"))
                .findFirst().orElseThrow(() -> new AssertionError(md));
        assertTrue(row.contains("| host (baseline) | us/op | 600 |"), row);
        assertTrue(row.endsWith(" | " + io.isobench.compare.stats.Format.num(host.get("99.9").asDouble()) + " |"), row);
        assertTrue(row.contains(" | " + io.isobench.compare.stats.Format.num(host.get("50.0").asDouble()) + " | "), row);
        assertEquals(3, md.lines().filter(l -> l.startsWith("| PeerConnectBenchmark.connectRequestClose |  | ")
                && l.contains("| us/op | 600 |")).count(), "one percentile row per environment");
    }

    @Test
    void theInstancesInRamSayTheyAreEstimatesAndFollowTheMeasuredDensity() throws IOException {
        Files.writeString(run.resolve(DensityRecord.FILE), ResultJson.toJson(DensityReportTest.fixture()));
        Path out = compare("--ram", "2GiB");
        String md = markdown(out);
        assertTrue(md.contains("| Instances in 2 GiB (estimate) |"), md);
        // host: the density run's host series (first 46 MiB, each further 20 MiB), not 2 GiB / 40 MiB = 51
        assertTrue(md.contains("| 40 MiB | 101 (from the measured density) |"), md);
        // runc: first 54 MiB, each further 38 MiB, not 2 GiB / 64 MiB = 32
        assertTrue(md.contains("| 64 MiB | 53 (from the measured density) |"), md);
        // the VM's kind was not measured: the RAM over its idle memory, said so
        assertTrue(md.contains("| 512 MiB | 4 (from idle memory) |"), md);
        assertTrue(md.contains("is an estimate, extrapolated from what was measured"), md);
        assertTrue(md.contains("The density section above has the measured figures"), md);
        JsonNode fp = Fixtures.MAPPER.readTree(out.resolve(Report.SUMMARY).toFile()).get("footprint").get("environments");
        assertEquals(101, fp.get(0).get("instancesInRam").asLong());
        assertEquals("density", fp.get(0).get("instancesBasis").asText());
        assertEquals("host", fp.get(0).get("densitySeries").asText());
        assertEquals("container-runc", fp.get(1).get("densitySeries").asText());
        assertEquals("idleMemory", fp.get(2).get("instancesBasis").asText());
        assertTrue(html(out).contains("title=\"extrapolated from the density run&#39;s series host\""), html(out));
    }

    @Test
    void withoutADensityRunTheEstimateComesFromIdleMemoryAndSaysSo() throws IOException {
        String md = markdown(compare("--ram", "2GiB"));
        assertTrue(md.contains("| 40 MiB | 51 (from idle memory) |"), md);
        assertFalse(md.contains("(from the measured density) |"), md);
        assertTrue(md.contains("- Instances in 2 GiB (--ram, not this host's memory) is an estimate"), md);
    }

    @Test
    void eachStartTimeHasAColumnOfItsOwn() throws IOException {
        Path out = compare("--ram", "2GiB");
        String md = markdown(out);
        assertTrue(md.contains("| Environment | Kind | Image | JVM start | Instance start to ready | VM boot to JVM ready "
                + "| Idle memory | Instances in 2 GiB (estimate) |"), md);
        assertTrue(md.contains("| host | host | — | 350 ms | — | — | 40 MiB |"), md);
        assertTrue(md.contains("| container (Docker, bridge network) | container | 200 MiB | 360 ms | 900 ms | — |"), md);
        assertTrue(md.contains("| QEMU/KVM VM (2 vCPUs) | vm | 1 GiB | 500 ms | 1200 ms | 2500 ms |"), md);
        assertFalse(md.contains("ms (jvmStartMillis)") || md.contains("ms (startToReadyMillis)"), "a cell is its value alone");
        assertTrue(md.contains("- Instance start to ready: from asking for a new instance until it runs a command"), md);
        JsonNode vm = Fixtures.MAPPER.readTree(out.resolve(Report.SUMMARY).toFile()).get("footprint")
                .get("environments").get(2);
        assertEquals(500, vm.get("jvmStartMillis").asDouble());
        assertEquals(1200, vm.get("startToReadyMillis").asDouble());
        assertEquals("bootToInitMillis", vm.get("startToReadyKey").asText());
        assertEquals(2500, vm.get("bootToJvmReadyMillis").asDouble());
        assertFalse(vm.has("startMillis"));
    }

    @Test
    void aColumnNoEnvironmentMeasuredIsLeftOut() throws IOException {
        Files.delete(run.resolve("vm-kvm/footprint.json"));
        String md = markdown(compare());
        assertTrue(md.contains("| Image | JVM start | Instance start to ready | Idle memory |"), md);
        assertFalse(md.contains("VM boot to JVM ready"), md);
    }

    @Test
    void notesNeverEndInAnEmptyReason() throws IOException {
        Files.writeString(run.resolve("environments.json"), """
                {"schemaVersion": "2.3", "environments": [
                  {"env": "host", "status": "running", "reason": ""},
                  {"env": "container-bridge", "status": "complete", "reason": ""},
                  {"env": "vm-kvm", "status": "failed"},
                  {"env": "vm-tcg", "status": "skipped", "reason": "no QEMU"}]}
                """);
        Path fingerprint = run.resolve("vm-kvm/environment.json");
        ObjectNode fp = (ObjectNode) Fixtures.MAPPER.readTree(fingerprint.toFile());
        fp.putArray("skipped").addObject().put("benchmark", "io.isobench.cpu.ArithmeticLoopBenchmark").put("reason", "");
        Files.writeString(fingerprint, fp.toPrettyString());
        Path out = compare();
        String md = markdown(out);
        for (String line : md.lines().filter(l -> l.startsWith("> ") || l.startsWith("- ")).toList()) {
            assertFalse(line.matches(".*:\\s*$"), "a note ends in an empty reason: '" + line + "'");
        }
        assertTrue(md.contains("> host running (environments.json still says running: the main job stopped before it "
                + "recorded how it ended"), md);
        assertTrue(md.contains("> vm-kvm failed (environments.json gives no reason)"), md);
        assertTrue(md.contains("> vm-tcg skipped: no QEMU"), md);
        assertTrue(md.contains("vm-kvm skipped io.isobench.cpu.ArithmeticLoopBenchmark (no reason recorded)"), md);
        JsonNode notes = Fixtures.MAPPER.readTree(out.resolve(Report.SUMMARY).toFile()).get("notes");
        notes.forEach(n -> assertFalse(n.asText().strip().endsWith(":"), n.asText()));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
