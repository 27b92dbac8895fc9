package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.suite.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headline: methods weigh the same, the JNA harness is left out, there is an interval and verdict counts. */
class HeadlineTest {

    @TempDir
    Path tmp;

    private Headline.Cell cell(Comparison c, Area area) {
        return c.headline().lines().stream().filter(l -> l.area() == area).findFirst().orElseThrow()
                .cells().get("vm-kvm");
    }

    @Test
    void eachMethodWeighsTheSameWhateverItsParameterCount() throws Exception {
        // One method with six parameter combinations, all 2x slower; one method with one row, not slower. A median or
        // mean over rows would say nearly 2x; one vote per method gives sqrt(2 * 1).
        List<Fixtures.Bench> host = new ArrayList<>();
        List<Fixtures.Bench> vm = new ArrayList<>();
        for (int size = 1; size <= 6; size++) {
            host.add(avgt("io.isobench.fileio.W.write", 100, 1, size).withParams(Map.of("size", "" + size)));
            vm.add(avgt("io.isobench.fileio.W.write", 200, 2, 10 + size).withParams(Map.of("size", "" + size)));
        }
        host.add(avgt("io.isobench.fileio.R.read", 100, 1, 30));
        vm.add(avgt("io.isobench.fileio.R.read", 100, 1, 31));
        Comparison c = compare(host, vm);
        Headline.Cell fileio = cell(c, Area.FILEIO);
        assertEquals(Math.sqrt(2), fileio.cost(), 0.03);
        assertEquals(2, fileio.benchmarks());
        assertEquals(7, fileio.rows());
        assertEquals(Headline.Basis.ROW_ERRORS, fileio.basis());
        assertTrue(fileio.low() <= fileio.cost() && fileio.cost() <= fileio.high(), fileio.toString());
        assertEquals(6, fileio.slower());
        assertEquals(1, fileio.same() + fileio.inconclusive());
    }

    @Test
    void theJnaHarnessRowIsLeftOut() throws Exception {
        Comparison c = compare(
                List.of(avgt(BenchmarkKey.JNA_BASELINE, 100, 1, 1), avgt("io.isobench.syscall.S.a", 100, 1, 2),
                        avgt("io.isobench.syscall.S.b", 100, 1, 3)),
                List.of(avgt(BenchmarkKey.JNA_BASELINE, 1000, 1, 4), avgt("io.isobench.syscall.S.a", 120, 1, 5),
                        avgt("io.isobench.syscall.S.b", 120, 1, 6)));
        Headline.Cell syscall = cell(c, Area.SYSCALL);
        assertEquals(2, syscall.benchmarks());
        assertEquals(1.2, syscall.cost(), 0.01);
    }

    @Test
    void pairedRowsGetABootstrapOverRounds() throws Exception {
        Path h = Fixtures.envDir(tmp, "host", List.of(Fixtures.rounds("io.isobench.cpu.C.a", 100, 150, 90, 120),
                Fixtures.rounds("io.isobench.cpu.C.b", 50, 70, 40, 60)), Fixtures.fingerprint("host", "host", "none"),
                null);
        Path v = Fixtures.envDir(tmp, "vm-kvm", List.of(Fixtures.rounds("io.isobench.cpu.C.a", 110, 160, 100, 130),
                Fixtures.rounds("io.isobench.cpu.C.b", 56, 76, 45, 66)), Fixtures.fingerprint("vm-kvm", "vm", "kvm"),
                null);
        for (Path dir : List.of(h, v)) {
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.a", 1, 2, 3, 4);
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.b", 1, 2, 3, 4);
        }
        Headline.Cell cpu = cell(Comparison.ofRunDir(tmp, CompareOptions.defaults()), Area.CPU);
        assertEquals(Headline.Basis.ROUNDS, cpu.basis());
        assertTrue(cpu.low() > 1 && cpu.low() < cpu.cost() && cpu.cost() < cpu.high() && cpu.high() < 1.2,
                cpu.toString());
    }

    @Test
    void anAaRunWithDisjointRoundsHasNoHeadlineIntervalExcludingZero() throws Exception {
        // Two host runs, each row a few percent apart by chance, with wide errors of its own (two forks a side, in
        // rounds that do not overlap: unpaired). A bootstrap over the five methods' costs takes them as exact and
        // draws an interval around +4 % that excludes 0; propagating each row's error gives one that does not.
        double[] shifts = {0.03, 0.05, 0.04, 0.06, 0.02};
        List<Fixtures.Bench> host = new ArrayList<>();
        List<Fixtures.Bench> hostB = new ArrayList<>();
        for (int m = 0; m < shifts.length; m++) {
            String name = "io.isobench.cpu.C.m" + m;
            host.add(new Fixtures.Bench(name, "avgt", "ns/op", Map.of(), new double[][] {{95}, {105}}, null));
            double f = 1 + shifts[m];
            hostB.add(new Fixtures.Bench(name, "avgt", "ns/op", Map.of(), new double[][] {{95 * f}, {105 * f}}, null));
        }
        Path h = Fixtures.envDir(tmp, "host", host, Fixtures.fingerprint("host", "host", "none"), null);
        Path b = Fixtures.envDir(tmp, "host-b", hostB, Fixtures.fingerprint("host-b", "host", "none"), null);
        for (int m = 0; m < shifts.length; m++) {
            Fixtures.tagRounds(h.resolve("jmh.json"), "io.isobench.cpu.C.m" + m, 1, 2);
            Fixtures.tagRounds(b.resolve("jmh.json"), "io.isobench.cpu.C.m" + m, 3, 4);
        }
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        Headline.Cell cpu = c.headline().lines().get(0).cells().get("host-b");
        assertEquals(Headline.Basis.ROW_ERRORS, cpu.basis());
        assertEquals(1.04, cpu.cost(), 0.001);
        assertTrue(cpu.low() < 1 && 1 < cpu.high(), cpu.toString());
        // Each row says it fell back from paired to unpaired, and the report notes it once.
        c.rows().forEach(r -> assertTrue(r.note().contains("unpaired"), r.note()));
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("5 rows have sides that ran in rounds")),
                c.notes().toString());
    }

    @Test
    void aRoundThatOnlySomeMethodsRanDoesNotShiftTheHeadline() throws Exception {
        // Every method is 2x slower in rounds 1-4; round 5 ran only methods a and b, and happened to show them at
        // 1x. Over all rounds, round 5 would be an area cost of 1x made of two methods out of three, dragging the
        // headline down and widening it; on the four rounds every row ran, it is 2x with a tight interval.
        double[] base = {100, 101, 99, 100, 100.5};
        double[] slow = {200, 203, 197, 201, 100.5};
        Path h = Fixtures.envDir(tmp, "host", List.of(Fixtures.rounds("io.isobench.cpu.C.a", base),
                Fixtures.rounds("io.isobench.cpu.C.b", base), Fixtures.rounds("io.isobench.cpu.C.c", 100, 101, 99, 100)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Path v = Fixtures.envDir(tmp, "vm-kvm", List.of(Fixtures.rounds("io.isobench.cpu.C.a", slow),
                Fixtures.rounds("io.isobench.cpu.C.b", slow), Fixtures.rounds("io.isobench.cpu.C.c", 200, 203, 197, 201)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        for (Path dir : List.of(h, v)) {
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.a", 1, 2, 3, 4, 5);
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.b", 1, 2, 3, 4, 5);
            Fixtures.tagRounds(dir.resolve("jmh.json"), "io.isobench.cpu.C.c", 1, 2, 3, 4);
        }
        Headline.Cell cpu = cell(Comparison.ofRunDir(tmp, CompareOptions.defaults()), Area.CPU);
        assertEquals(Headline.Basis.ROUNDS, cpu.basis());
        assertEquals(4, cpu.rounds());
        assertEquals(2.0, cpu.cost(), 0.02);
        assertTrue(cpu.low() > 1.95 && cpu.high() < 2.05, cpu.toString());
    }

    @Test
    void aCellWithARowOfOneForkHasNoIntervalAndSaysWhy() throws Exception {
        Comparison c = compare(List.of(Fixtures.bench("io.isobench.cpu.C.a", "avgt", "ns/op", 100, 1, 1, 1, 10),
                        avgt("io.isobench.cpu.C.b", 100, 1, 2)),
                List.of(Fixtures.bench("io.isobench.cpu.C.a", "avgt", "ns/op", 120, 1, 3, 1, 10),
                        avgt("io.isobench.cpu.C.b", 120, 1, 4)));
        Headline.Cell cpu = cell(c, Area.CPU);
        assertEquals(Headline.Basis.NONE, cpu.basis());
        assertTrue(Double.isNaN(cpu.low()) && Double.isNaN(cpu.high()), cpu.toString());
        assertEquals("1 row has no independent samples (one fork, or JMH's errors only)", cpu.why());
        assertTrue(io.isobench.compare.report.ReportText.headlineCell(cpu).contains("[no interval: 1 row has"),
                io.isobench.compare.report.ReportText.headlineCell(cpu));
    }

    private Comparison compare(List<Fixtures.Bench> host, List<Fixtures.Bench> vm) throws Exception {
        Fixtures.envDir(tmp, "host", host, Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "vm-kvm", vm, Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        return Comparison.ofRunDir(tmp, CompareOptions.defaults());
    }

    private static Headline.Cell tested(double cost, double p) {
        return new Headline.Cell(cost, cost * 0.9, cost * 1.1, Headline.Basis.ROUNDS, 5, "", 3, 3, 0, 0, 0, 3, 0, p,
                Double.NaN);
    }

    @Test
    void theTableIsOneFamilyOfTests() {
        // Twenty cells: one with p = 0.03 (its own 95 % interval excludes 1) among nineteen at p = 0.5. One test in
        // twenty: as an A/A table would show by chance. Adjusted together, it is not a difference; p = 0.001 is.
        Map<String, Headline.Cell> cells = new java.util.LinkedHashMap<>();
        cells.put("e0", tested(1.08, 0.03));
        cells.put("e1", tested(1.30, 0.001));
        for (int i = 2; i < 20; i++) {
            cells.put("e" + i, tested(1.01, 0.5));
        }
        cells.put("none", new Headline.Cell(1.2, Double.NaN, Double.NaN, Headline.Basis.NONE, 0, "one fork", 1, 1, 0,
                0, 0, 1, 0, Double.NaN, Double.NaN));
        List<Headline.Line> lines = Headline.adjusted(List.of(new Headline.Line(Area.SYSCALL, cells)));
        Map<String, Headline.Cell> out = lines.get(0).cells();
        assertEquals(0.3, out.get("e0").q(), 1e-9, "0.03 x 20 tested cells / rank 2");
        assertEquals(0.02, out.get("e1").q(), 1e-9, "0.001 x 20 / rank 1");
        assertTrue(!out.get("e0").differs(0.05) && out.get("e1").differs(0.05));
        assertTrue(Double.isNaN(out.get("none").q()), "a cell without an interval is not in the family");
        assertEquals("same", io.isobench.compare.report.ReportBuilder.headlineClass(out.get("e0"), 0.05),
                "neutral, although its interval alone excludes 1");
        assertEquals("slower", io.isobench.compare.report.ReportBuilder.headlineClass(out.get("e1"), 0.05));
    }

    @Test
    void theRoundsTestIsTheIntervalsTest() {
        // mean 0.2, sd 0.1, n 3: t = 3.46 with 2 degrees of freedom, p = 0.0742 (1 - t / (2 sqrt(t^2 + 2)) twice).
        assertEquals(0.0742, Headline.tPValue(new double[] {0.1, 0.2, 0.3}), 1e-4);
        double[] bounds = Headline.tInterval(new double[] {0.1, 0.2, 0.3}, 1 - 0.0742);
        assertEquals(0, bounds[0], 1e-3, "the interval at level 1 - p ends at 0");
        assertTrue(Double.isNaN(Headline.tPValue(new double[] {0.2, 0.2})), "no spread, no test");
    }
}
