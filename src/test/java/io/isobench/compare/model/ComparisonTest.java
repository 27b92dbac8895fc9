package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures.Bench;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Units;
import io.isobench.compare.stats.Verdict;
import io.isobench.suite.Area;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static io.isobench.compare.Fixtures.thrpt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    @TempDir
    Path tmp;

    private Comparison compare(List<Bench> host, List<Bench> other) throws Exception {
        Fixtures.envDir(tmp, "host", host, Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "vm-kvm", other, Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        return Comparison.ofRunDir(tmp, CompareOptions.defaults());
    }

    private static ComparisonRow row(Comparison c, String benchmark) {
        return c.rows().stream().filter(r -> r.key().benchmark().equals(benchmark)).findFirst().orElseThrow();
    }

    @Test
    void clearlySlowerAndClearlySameVerdicts() throws Exception {
        Comparison c = compare(
                List.of(avgt("io.isobench.cpu.A.slow", 100, 2, 1), avgt("io.isobench.cpu.A.same", 100, 2, 2)),
                List.of(avgt("io.isobench.cpu.A.slow", 150, 2, 3), avgt("io.isobench.cpu.A.same", 100, 2, 4)));
        ComparisonRow slow = row(c, "io.isobench.cpu.A.slow");
        assertEquals(Verdict.SLOWER, slow.verdict());
        assertTrue(slow.pValue() < 0.001);
        assertEquals(1.5, slow.ratio().estimate(), 0.03);
        assertTrue(slow.ratio().contains(slow.ratio().estimate()));
        assertTrue(slow.ratio().low() > 1);
        assertEquals(50, slow.overheadPct(), 3);

        ComparisonRow same = row(c, "io.isobench.cpu.A.same");
        assertEquals(Verdict.SAME, same.verdict());
        assertTrue(same.ratio().contains(1.0));
        assertEquals("host", same.baseline());
        assertEquals("vm-kvm", same.environment());
    }

    @Test
    void forksAreTheSamplesWhenThereAreSeveral() throws Exception {
        // Two JVMs per side whose means differ (JIT, layout) while each one's iterations are tight: pooled iterations
        // would call a 5 % difference significant; one sample per fork shows it is within run-to-run variance.
        String name = "io.isobench.syscall.S.forky";
        Comparison c = compare(List.of(forks(name, 100, 104)), List.of(forks(name, 105, 109)));
        ComparisonRow r = row(c, name);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict(), "p = " + r.pValue());
        assertTrue(r.pValue() > 0.05);
        assertEquals(Sampling.FORKS, r.test().sampling());
        Comparison single = compare(List.of(forks(name, 100)), List.of(forks(name, 105)));
        ComparisonRow one = row(single, name);
        assertTrue(one.pValue() < 0.05, "the iterations alone would call it significant");
        assertEquals(Verdict.INCONCLUSIVE, one.verdict(), "one JVM per side is never faster, slower or same");
        assertEquals(RatioTester.ONE_FORK, one.reason());
    }

    @Test
    void twoWildSamplesGiveAWideIntervalThatAgreesWithTheTest() throws Exception {
        // A smoke run: one fork, two iterations per side, an emulated guest 100-250 times slower with wild iterations.
        // A bootstrap of two samples would claim [112, 257]; Fieller's interval says how little two samples show,
        // and so agrees with Welch's test instead of contradicting it next to a "same".
        String name = "io.isobench.syscall.C.nanoTime";
        Comparison c = compare(
                List.of(new Bench(name, "avgt", "ns/op", Map.of(), new double[][]{{50, 51}}, null)),
                List.of(new Bench(name, "avgt", "ns/op", Map.of(), new double[][]{{5700, 13000}}, null)));
        ComparisonRow r = row(c, name);
        assertTrue(r.pValue() > 0.05, "Welch's test with one degree of freedom cannot call it: " + r.pValue());
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(r.ratio().contains(1.0) && r.ratio().contains(185), r.ratio().toString());
        assertEquals(0.0, r.ratio().low(), "a ratio of positive scores is bounded below by 0");
    }

    private static Bench forks(String name, double... forkMeans) {
        double[][] raw = new double[forkMeans.length][10];
        for (int f = 0; f < forkMeans.length; f++) {
            for (int i = 0; i < 10; i++) {
                raw[f][i] = forkMeans[f] + (i % 2 == 0 ? 0.1 : -0.1);
            }
        }
        return new Bench(name, "avgt", "ns/op", java.util.Map.of(), raw, null);
    }

    @Test
    void ratioIntervalContainsTheTrueRatio() throws Exception {
        Comparison c = compare(List.of(avgt("io.isobench.memory.M.copy", 200, 8, 11)),
                List.of(avgt("io.isobench.memory.M.copy", 260, 10, 12)));
        ComparisonRow r = row(c, "io.isobench.memory.M.copy");
        assertTrue(r.ratio().contains(1.3), r.ratio().toString());
        assertTrue(r.ratio().high() - r.ratio().low() < 0.1, "a tight interval for 20 iterations");
    }

    @Test
    void directionComesFromTheModeAndUnit() throws Exception {
        Comparison c = compare(
                List.of(thrpt("io.isobench.network.N.thrptDown", 1000, 10, 21),
                        thrpt("io.isobench.network.N.thrptUp", 1000, 10, 22),
                        avgt("io.isobench.network.N.avgtUp", 100, 1, 23),
                        avgt("io.isobench.network.N.avgtDown", 100, 1, 24)),
                List.of(thrpt("io.isobench.network.N.thrptDown", 500, 10, 25),
                        thrpt("io.isobench.network.N.thrptUp", 2000, 10, 26),
                        avgt("io.isobench.network.N.avgtUp", 200, 1, 27),
                        avgt("io.isobench.network.N.avgtDown", 50, 1, 28)));
        ComparisonRow thrptDown = row(c, "io.isobench.network.N.thrptDown");
        assertEquals(Direction.HIGHER_IS_BETTER, thrptDown.direction());
        assertEquals(Verdict.SLOWER, thrptDown.verdict(), "less throughput is slower");
        assertEquals(2.0, thrptDown.cost(), 0.05, "cost = 1 / ratio for throughput");
        assertEquals(Verdict.FASTER, row(c, "io.isobench.network.N.thrptUp").verdict());
        ComparisonRow avgtUp = row(c, "io.isobench.network.N.avgtUp");
        assertEquals(Direction.LOWER_IS_BETTER, avgtUp.direction());
        assertEquals(Verdict.SLOWER, avgtUp.verdict(), "more time per op is slower");
        assertEquals(Verdict.FASTER, row(c, "io.isobench.network.N.avgtDown").verdict());
        // headline: geometric mean of the network area's four methods = (2 * 0.5 * 2 * 0.5)^(1/4) = 1
        Headline.Line network = c.headline().lines().get(0);
        assertEquals(Area.NETWORK, network.area());
        assertEquals(1.0, network.cells().get("vm-kvm").cost(), 0.02);
    }

    @Test
    void directionOfSampleAndSingleShotModes() {
        assertEquals(Direction.LOWER_IS_BETTER, Direction.of("sample", "us/op"));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.of("ss", "s/op"));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.of("thrpt", "ops/ms"));
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.of("thrpt", "weird"));
    }

    @Test
    void syscallRowsAreShownNetOfTheJnaBaseline() throws Exception {
        String jna = BenchmarkKey.JNA_BASELINE;
        String ppid = "io.isobench.syscall.ParentPidGetBenchmark.rawSyscall";
        Comparison c = compare(
                List.of(avgt(jna, 50, 0.5, 31), avgt(ppid, 300, 2, 32), avgt("io.isobench.cpu.C.x", 10, 0.1, 33)),
                List.of(avgt(jna, 60, 0.5, 34), avgt(ppid, 500, 2, 35), avgt("io.isobench.cpu.C.x", 10, 0.1, 36)));
        ComparisonRow r = row(c, ppid);
        assertNotNull(r.net());
        double envNet = r.score() - row(c, jna).score();
        double baseNet = r.baselineScore() - row(c, jna).baselineScore();
        assertEquals(envNet, r.net().score(), 1e-9);
        assertEquals(baseNet, r.net().baselineScore(), 1e-9);
        assertEquals(envNet / baseNet, r.net().ratio(), 1e-9);
        assertEquals(440.0 / 250.0, r.net().ratio(), 0.03);
        assertNull(row(c, jna).net(), "the JNA baseline itself is not shown net of itself");
        assertNull(row(c, "io.isobench.cpu.C.x").net(), "only syscall rows");
    }

    @Test
    void netOfJnaConvertsUnits() throws Exception {
        // 2 us/op syscall, 100 ns/op JNA call; baseline 1 us/op and 100 ns/op -> 1900 / 900
        String ppid = "io.isobench.syscall.ParentPidGetBenchmark.rawSyscall";
        Comparison c = compare(
                List.of(avgt(BenchmarkKey.JNA_BASELINE, 100, 1, 1), Fixtures.bench(ppid, "avgt", "us/op", 1, 0.01, 2)),
                List.of(avgt(BenchmarkKey.JNA_BASELINE, 100, 1, 3), Fixtures.bench(ppid, "avgt", "us/op", 2, 0.01, 4)));
        NetOfJna net = row(c, ppid).net();
        assertEquals(1900, net.score(), 20);
        assertEquals(900, net.baselineScore(), 20);
        assertEquals(1900.0 / 900, net.ratio(), 0.05);
        assertEquals(1e9 / 4e6, Units.toNanosPerOp(4e6, "ops/s"), 1e-9);
    }

    @Test
    void differentUnitsAreConvertedToTheBaselines() throws Exception {
        Bench host = avgt("io.isobench.cpu.C.u", 2000, 10, 41);
        Bench vm = Fixtures.bench("io.isobench.cpu.C.u", "avgt", "us/op", 2.0, 0.01, 42);
        ComparisonRow r = row(compare(List.of(host), List.of(vm)), "io.isobench.cpu.C.u");
        assertEquals("ns/op", r.unit());
        assertEquals(1.0, r.ratio().estimate(), 0.02);
        assertTrue(r.note().contains("converted from us/op"));
    }

    @Test
    void nanAndInfinityScoresGiveAnInvalidRowNotACrash() throws Exception {
        Comparison c = compare(
                List.of(avgt("io.isobench.cpu.C.nan", 10, 0.1, 51), avgt("io.isobench.cpu.C.inf", 10, 0.1, 52),
                        avgt("io.isobench.cpu.C.ok", 10, 0.1, 53)),
                List.of(avgt("io.isobench.cpu.C.nan", 10, 0.1, 54).withScore("NaN"),
                        avgt("io.isobench.cpu.C.inf", 10, 0.1, 55).withScore("+INF"),
                        avgt("io.isobench.cpu.C.ok", 10, 0.1, 56)));
        assertEquals(Verdict.INVALID, row(c, "io.isobench.cpu.C.nan").verdict());
        assertEquals(Verdict.INVALID, row(c, "io.isobench.cpu.C.inf").verdict());
        assertTrue(row(c, "io.isobench.cpu.C.inf").reason().contains("+INF"));
        Headline.Cell cell = c.headline().lines().get(0).cells().get("vm-kvm");
        assertEquals(1, cell.benchmarks(), "invalid rows take no part in the headline");
        assertEquals(2, cell.invalid());
    }

    @Test
    void benchmarksAreMatchedByParamsToo() throws Exception {
        Bench a1 = avgt("io.isobench.fileio.F.read", 100, 1, 61).withParams(Map.of("size", "4096"));
        Bench a2 = avgt("io.isobench.fileio.F.read", 200, 1, 62).withParams(Map.of("size", "65536"));
        Bench b1 = avgt("io.isobench.fileio.F.read", 100, 1, 63).withParams(Map.of("size", "4096"));
        Bench b2 = avgt("io.isobench.fileio.F.read", 400, 1, 64).withParams(Map.of("size", "65536"));
        Comparison c = compare(List.of(a1, a2), List.of(b1, b2));
        assertEquals(2, c.rows().size());
        ComparisonRow big = c.rows().stream().filter(r -> r.key().params().get("size").equals("65536"))
                .findFirst().orElseThrow();
        assertEquals(2.0, big.ratio().estimate(), 0.02);
        assertEquals(Verdict.SAME, c.rows().stream().filter(r -> r.key().params().get("size").equals("4096"))
                .findFirst().orElseThrow().verdict());
    }

    @Test
    void noisyFlagUsesTheEnvironmentsOwnRelativeError() throws Exception {
        Comparison c = compare(List.of(avgt("io.isobench.cpu.C.n", 100, 1, 71)),
                List.of(avgt("io.isobench.cpu.C.n", 100, 30, 72)));
        ComparisonRow r = row(c, "io.isobench.cpu.C.n");
        assertTrue(r.noisy());
        assertFalse(r.baselineNoisy());
        assertTrue(r.relativeError() > 0.05);
    }

    @Test
    void theErrorAndTheNoisyFlagComeFromTheSpreadOfRoundMeans() throws Exception {
        // Five rounds of 50 iterations each, steady within a round but 80-120 between rounds. JMH's error pools the
        // 250 iterations as if independent (3 % here); from the five round means, the standard error is 7.1 % and the
        // 95 % half-width t(4) x 7.1 % = 19.6 %.
        String name = "io.isobench.cpu.C.drift";
        double[] means = {100, 120, 90, 110, 80};
        double[][] drifting = new double[5][50];
        double[][] steady = new double[5][50];
        for (int r = 0; r < 5; r++) {
            for (int i = 0; i < 50; i++) {
                drifting[r][i] = means[r] + (i % 2 == 0 ? 0.1 : -0.1);
                steady[r][i] = 100 + (r + i) % 3 * 0.1;
            }
        }
        Path h = Fixtures.envDir(tmp, "host", List.of(new Bench(name, "avgt", "ns/op", Map.of(), steady, null)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Path v = Fixtures.envDir(tmp, "vm-kvm", List.of(new Bench(name, "avgt", "ns/op", Map.of(), drifting, null)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        for (Path dir : List.of(h, v)) {
            Fixtures.tagRounds(dir.resolve("jmh.json"), name, 1, 2, 3, 4, 5);
        }
        ComparisonRow r = row(Comparison.ofRunDir(tmp, CompareOptions.defaults()), name);
        assertEquals(2.776445 * Math.sqrt(250.0 / 5), r.scoreError(), 1e-5, "t times the standard error of the round means");
        assertEquals(0.1963, r.relativeError(), 0.0001);
        assertTrue(r.noisy(), "19.6 % is above the 5 % threshold (JMH's pooled error, 3 %, was not)");
        assertFalse(r.baselineNoisy());
    }

    @Test
    void rowsWithoutSpreadAreNotTestedAndTheReportSaysSo() throws Exception {
        Bench flat = new Bench("io.isobench.cpu.C.flat", "avgt", "ns/op", Map.of(), new double[][] {{5, 5}, {5, 5}}, null);
        Bench flatter = new Bench("io.isobench.cpu.C.flat", "avgt", "ns/op", Map.of(), new double[][] {{6, 6}, {6, 6}},
                null);
        Comparison c = compare(List.of(flat, avgt("io.isobench.cpu.C.real", 100, 1, 91)),
                List.of(flatter, avgt("io.isobench.cpu.C.real", 120, 1, 92)));
        ComparisonRow r = row(c, "io.isobench.cpu.C.flat");
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(Double.isNaN(r.pValue()) && Double.isNaN(r.test().pAdjusted()), "p = 0 would enter the adjustment");
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("1 row has no spread at all")
                && n.contains("io.isobench.cpu.C.flat")), c.notes().toString());
        assertEquals(Verdict.SLOWER, row(c, "io.isobench.cpu.C.real").verdict());
    }

    @Test
    void tcgEnvironmentsCarryABanner() throws Exception {
        Fixtures.envDir(tmp, "host", List.of(avgt("io.isobench.cpu.C.t", 10, 0.1, 81)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "vm-tcg", List.of(avgt("io.isobench.cpu.C.t", 400, 4, 82)),
                Fixtures.fingerprint("vm-tcg", "vm", "tcg"), null);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertTrue(c.banners().stream().anyMatch(b -> b.startsWith("QEMU VM, TCG emulation") && b.contains("emulation, not KVM")),
                c.banners().toString());
        assertTrue(c.fingerprints().mismatches().stream().anyMatch(m -> m.contains("tcg")));
    }

    @Test
    void baselineOptionAndFallback() throws Exception {
        Fixtures.envDir(tmp, "container-bridge", List.of(avgt("io.isobench.cpu.C.b", 10, 0.1, 91)),
                Fixtures.fingerprint("container-bridge", "container", "none"), null);
        Fixtures.envDir(tmp, "vm-kvm", List.of(avgt("io.isobench.cpu.C.b", 12, 0.1, 92)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        Comparison fallback = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertEquals("container-bridge", fallback.baseline().label());
        assertTrue(fallback.notes().get(0).contains("No environment is called host"));
        Comparison chosen = Comparison.ofRunDir(tmp, CompareOptions.defaults().withBaseline("vm-kvm"));
        assertEquals("vm-kvm", chosen.baseline().label());
        assertEquals("container-bridge", chosen.rows().get(0).environment());
    }

    @Test
    void anEnvironmentThatScoresZeroEverywhereGivesAReportWithInvalidRows() throws Exception {
        List<Bench> host = List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1), thrpt("io.isobench.network.N.b", 500, 5, 2));
        List<Bench> zero = List.of(
                new Bench("io.isobench.cpu.C.a", "avgt", "ns/op", Map.of(), new double[][] {{0, 0}, {0, 0}}, null),
                new Bench("io.isobench.network.N.b", "thrpt", "ops/s", Map.of(), new double[][] {{0, 0}, {0, 0}}, null));
        Fixtures.envDir(tmp, "host", host, Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "vm-kvm", zero, Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        Fixtures.Result r = Fixtures.run(tmp.toString());
        assertEquals(0, r.code(), r.err());
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        c.rows().forEach(row -> assertEquals(Verdict.INVALID, row.verdict(), row.reason()));
        assertTrue(c.rows().get(0).reason().contains("score is 0"), c.rows().get(0).reason());
        assertTrue(java.nio.file.Files.readString(tmp.resolve("report/report.md")).contains("invalid"));
    }

    @Test
    void secondaryMetricsInTheBenchmarksUnitAreComparedLikeThePrimary() throws Exception {
        String bulk = "io.isobench.network.TcpBulkTransferBenchmark.send";
        Fixtures.envDir(tmp, "host", List.of(thrpt(bulk, 1000, 5, 1)), Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "vm-kvm", List.of(thrpt(bulk, 500, 5, 2)), Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        Fixtures.addSecondary(tmp.resolve("host/jmh.json"), "mebibytes", 0.25);
        Fixtures.addSecondary(tmp.resolve("vm-kvm/jmh.json"), "mebibytes", 0.25);
        ComparisonRow r = Comparison.ofRunDir(tmp, CompareOptions.defaults()).rows().get(0);
        assertEquals(1, r.secondary().size());
        SecondaryRow mib = r.secondary().get(0);
        assertEquals("mebibytes/s", mib.label());
        assertEquals(0.5, mib.test().ratio().estimate(), 0.01);
        assertEquals(Verdict.SLOWER, mib.test().verdict(), "half the MiB/s is slower");
        assertEquals(r.ratio().estimate(), mib.test().ratio().estimate(), 1e-9);
        // MiB/s is ops/s x 0.25 in every sample: the same numbers, shown with the row's test rather than tested again.
        assertTrue(mib.ofPrimary());
        assertEquals(0.25, mib.multiple(), 1e-12);
        assertEquals(r.test().pValue(), mib.test().pValue(), 0);
        assertEquals(r.verdict(), mib.test().verdict());
        Fixtures.run(tmp.toString());
        assertTrue(java.nio.file.Files.readString(tmp.resolve("report/report.md")).contains("mebibytes/s \u00d70.50"));
    }
}
