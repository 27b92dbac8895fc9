package io.isobench.compare.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulingTableTest {

    private static final String GETPPID = "io.isobench.syscall.NativeSyscallBenchmark.getppid";
    private static final String SHA = "io.isobench.cpu.Sha256DigestBenchmark.digest";

    @TempDir
    Path tmp;

    /** An environment of two benchmarks, 2 forks of 10 iterations each, with a scheduling record. */
    private Path env(String name, String kind, String accel, double[] canaryPerFork, double others) throws IOException {
        Path dir = Fixtures.envDir(tmp, name, List.of(Fixtures.avgt(GETPPID, 1000, 10, 1), Fixtures.avgt(SHA, 500, 5, 2)),
                Fixtures.fingerprint(name, kind, accel), null);
        Path jmh = dir.resolve("jmh.json");
        Fixtures.addCounters(jmh, GETPPID, Map.of("·sched.othersCpus", others, "·sched.preemptions", 3.0,
                "·sched.cpu", 1.0, "·sched.canarySyscall", 990.0, "·sched.canaryMemory", 15.0));
        Fixtures.addCounters(jmh, SHA, Map.of("·sched.othersCpus", others, "·sched.preemptions", 5.0,
                "·sched.cpu", 0.0, "·sched.canarySyscall", 990.0, "·sched.canaryMemory", 20.0));
        // The chain canary differs per fork: fork f of every benchmark has canaryPerFork[f].
        ArrayNode root = (ArrayNode) Fixtures.MAPPER.readTree(jmh.toFile());
        for (var entry : root) {
            ObjectNode metric = ((ObjectNode) entry.get("secondaryMetrics")).putObject("·sched.canaryCpu");
            ArrayNode raw = metric.putArray("rawData");
            int f = 0;
            for (var fork : entry.get("primaryMetric").get("rawData")) {
                ArrayNode values = raw.addArray();
                for (int i = 0; i < fork.size(); i++) {
                    values.add(canaryPerFork[f]);
                }
                f++;
            }
            metric.put("score", canaryPerFork[0]);
            metric.put("scoreUnit", "ns/step");
        }
        Files.writeString(jmh, root.toPrettyString());
        return dir;
    }

    @Test
    void eachEnvironmentsRecordIsSummedUpAndAMachineSlowerUnderOneIsNamed() throws Exception {
        env("host", "host", "none", new double[] {1.00, 1.01}, 0.02);
        env("container-bridge", "container", "none", new double[] {1.10, 1.40}, 0.5);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());

        SchedulingTable t = c.scheduling();
        assertEquals(List.of("host", "container-bridge"), t.lines().stream().map(SchedulingTable.Line::environment).toList());
        SchedulingTable.Line host = t.lines().get(0);
        assertEquals(4, host.forks(), "2 forks of each of 2 benchmarks");
        assertEquals(0.02, host.othersMedian(), 1e-9);
        assertEquals(4.0, host.preemptionsMedian(), 1e-9, "half the iterations 3, half 5");
        assertEquals(Map.of(0, 2, 1, 2), host.forksByCpu());
        assertEquals(1.005, host.canaryCpu(), 1e-9);
        assertEquals(0, host.slowForks());
        assertEquals(990.0, host.canarySyscall(), 1e-9);
        assertEquals(17.5, host.canaryMemory(), 1e-9, "median of two forks at 15 and two at 20");
        assertEquals(20.0, host.canaryMemoryP90(), 1e-9);
        SchedulingTable.Line container = t.lines().get(1);
        assertEquals(1.25, container.canaryCpu(), 1e-9);
        assertEquals(2, container.slowForks(), "the two forks at 1.40 are 12 % above the median of 1.25");

        assertEquals(1, t.apart().size());
        assertEquals("container-bridge", t.apart().get(0).environment());
        assertEquals(1.25 / 1.005, t.apart().get(0).ratio(), 1e-9);

        Report.writeAll(c, tmp.resolve("report"));
        String md = Files.readString(tmp.resolve("report/report.md"));
        assertTrue(md.contains("## What else ran"), md);
        assertTrue(md.contains("+24.4 %") && md.contains("the machine itself ran at another speed"), md);
        var scheduling = Fixtures.MAPPER.readTree(tmp.resolve("report/summary.json").toFile()).get("scheduling");
        assertEquals(2, scheduling.size());
        assertTrue(scheduling.get(0).get("canaryCpuVsBaseline").isNull(), "the baseline is not held against itself");
        assertEquals(1.25 / 1.005, scheduling.get(1).get("canaryCpuVsBaseline").asDouble(), 1e-9);
        assertEquals(2, scheduling.get(1).get("slowForks").asInt());
    }

    @Test
    void canariesWithinFivePerCentAndAnEmulatedEnvironmentAreNotNamed() throws Exception {
        env("host", "host", "none", new double[] {1.00, 1.00}, 0.0);
        env("host-b", "host", "none", new double[] {1.04, 1.04}, 0.0);
        env("vm-tcg", "vm", "tcg", new double[] {30.0, 31.0}, 0.0);
        SchedulingTable t = Comparison.ofRunDir(tmp, CompareOptions.defaults()).scheduling();
        assertEquals(3, t.lines().size());
        assertTrue(t.lines().get(2).emulated());
        assertTrue(t.apart().isEmpty(), t.apart().toString());
    }

    @Test
    void resultsWithoutTheRecordHaveNoSection() throws Exception {
        Fixtures.envDir(tmp, "host", List.of(Fixtures.avgt(SHA, 500, 5, 2)), Fixtures.fingerprint("host", "host", "none"),
                null);
        Fixtures.envDir(tmp, "container-bridge", List.of(Fixtures.avgt(SHA, 510, 5, 3)),
                Fixtures.fingerprint("container-bridge", "container", "none"), null);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertTrue(c.scheduling().isEmpty());
        Report.writeAll(c, tmp.resolve("report"));
        assertFalse(Files.readString(tmp.resolve("report/report.md")).contains("What else ran"));
        assertFalse(Fixtures.MAPPER.readTree(tmp.resolve("report/summary.json").toFile()).has("scheduling"));
    }
}
