package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.Report;
import io.isobench.compare.report.ReportText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadScalingTest {

    private static final String ONE = ThreadScaling.BENCHMARK + ".oneThread";
    private static final String ALL = ThreadScaling.BENCHMARK + ".allCpus";

    @TempDir
    Path tmp;

    @Test
    void eachEnvironmentScalesAsItsAllCpuThroughputOverItsOneThreadThroughput() throws Exception {
        Fixtures.envDir(tmp, "host", List.of(Fixtures.thrpt(ONE, 1000, 5, 1), Fixtures.thrpt(ALL, 7600, 30, 2)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "container-bridge-cpus0.5", List.of(Fixtures.thrpt(ONE, 500, 5, 3),
                Fixtures.thrpt(ALL, 500, 5, 4)), Fixtures.fingerprint("container-bridge-cpus0.5", "container", "none"), null);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());

        List<ThreadScaling.Line> lines = c.threadScaling().lines();
        assertEquals(List.of("host", "container-bridge-cpus0.5"), lines.stream().map(ThreadScaling.Line::label).toList());
        assertEquals(7.6, lines.get(0).scaling(), 0.05);
        assertEquals("8", lines.get(0).cpus(), "the CPUs the JVM counts, from the fingerprint");
        assertEquals(1.0, lines.get(1).scaling(), 0.05);
        ThreadScaling.Line host = lines.get(0);
        assertTrue(host.low() < host.scaling() && host.scaling() < host.high() && host.high() < 8.0 && host.low() > 7.2,
                host.toString());

        Report.writeAll(c, tmp.resolve("report"));
        String md = Files.readString(tmp.resolve("report/report.md"));
        assertTrue(md.contains("## Thread scaling"), md);
        assertTrue(md.contains(ReportText.scaling(host)) && ReportText.scaling(host).startsWith("×7.6")
                && ReportText.scaling(host).contains(" ["), md);
        var scaling = Fixtures.MAPPER.readTree(tmp.resolve("report/summary.json").toFile()).get("threadScaling");
        assertEquals(2, scaling.size());
        assertEquals(host.low(), scaling.get(0).get("scalingLow").asDouble(), 1e-9);
    }

    @Test
    void pairedByRoundTheIntervalIsThatOfThePerRoundRatios() throws Exception {
        // Both methods in rounds 1-4 of one run: the machine drifts 2x between rounds, the scaling stays about 2.
        Fixtures.Bench one = Fixtures.rounds(ONE, 100, 200, 150, 120);
        Fixtures.Bench all = Fixtures.rounds(ALL, 202, 398, 303, 238);
        Path h = Fixtures.envDir(tmp, "host", List.of(
                new Fixtures.Bench(ONE, "thrpt", "ops/s", Map.of(), one.raw(), null),
                new Fixtures.Bench(ALL, "thrpt", "ops/s", Map.of(), all.raw(), null)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.tagRounds(h.resolve("jmh.json"), ONE, 1, 2, 3, 4);
        Fixtures.tagRounds(h.resolve("jmh.json"), ALL, 1, 2, 3, 4);
        ThreadScaling.Line line = Comparison.ofRunDir(tmp, CompareOptions.defaults()).threadScaling().lines().get(0);
        assertTrue(line.low() > 1.95 && line.high() < 2.05, line.toString());
    }

    @Test
    void noSectionWithoutBothMethods() throws Exception {
        Fixtures.envDir(tmp, "host", List.of(Fixtures.thrpt(ONE, 1000, 5, 1)), Fixtures.fingerprint("host", "host", "none"),
                null);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertTrue(c.threadScaling().isEmpty());
        Report.writeAll(c, tmp.resolve("report"));
        org.junit.jupiter.api.Assertions.assertFalse(Files.readString(tmp.resolve("report/report.md")).contains("Thread scaling"));
    }
}
