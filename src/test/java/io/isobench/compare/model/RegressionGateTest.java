package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.input.SuiteBenchmarks;
import io.isobench.compare.input.Thresholds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static io.isobench.compare.Fixtures.thrpt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionGateTest {

    @TempDir
    Path tmp;

    Path oldRun;
    Path newRun;

    @BeforeEach
    void runs() throws IOException {
        oldRun = tmp.resolve("old-run");
        newRun = tmp.resolve("new-run");
        for (String env : List.of("host", "vm-kvm")) {
            String kind = env.equals("host") ? "host" : "vm";
            Map<String, Object> oldPrint = Fixtures.fingerprint(env, kind, env.equals("host") ? "none" : "kvm");
            Map<String, Object> newPrint = Fixtures.fingerprint(env, kind, env.equals("host") ? "none" : "kvm");
            newPrint.put("jarSha256", "new-build");
            Fixtures.envDir(oldRun, env, List.of(
                    avgt("io.isobench.fileio.F.sync", 1000, 10, 1),
                    thrpt("io.isobench.network.N.bulk", 5000, 20, 2),
                    avgt("io.isobench.cpu.C.same", 50, 0.5, 3)), oldPrint, null);
            double fileSlowdown = env.equals("vm-kvm") ? 1.30 : 1.0;
            Fixtures.envDir(newRun, env, List.of(
                    avgt("io.isobench.fileio.F.sync", 1000 * fileSlowdown, 10, 4),
                    thrpt("io.isobench.network.N.bulk", env.equals("host") ? 4000 : 5000, 20, 5),
                    avgt("io.isobench.cpu.C.same", 50, 0.5, 6)), newPrint, null);
        }
    }

    @Test
    void significantSlowdownsBeyondTheThresholdExitFourAndAreListed() throws IOException {
        Path out = tmp.resolve("out");
        Path noOverrides = Files.writeString(tmp.resolve("none.properties"), "# no overrides\n");
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(),
                "--fail-on-regression", "10", "--thresholds", noOverrides.toString(), "--out", out.toString());
        assertEquals(RegressionGate.EXIT_REGRESSION, r.code(), r.err());
        assertEquals(4, RegressionGate.EXIT_REGRESSION, "3 is a partial run");
        List<String> lines = r.errLines();
        assertTrue(lines.get(0).startsWith("isobench compare: 2 significant slowdown(s)"), r.err());
        assertEquals(3, lines.size(), r.err());
        assertTrue(r.err().contains("io.isobench.fileio.F.sync (avgt) in new-run/vm-kvm: +30."), r.err());
        assertTrue(r.err().contains("io.isobench.network.N.bulk (thrpt) in new-run/host: +25."), r.err());
        assertFalse(r.err().contains("C.same"));
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"failed\" : true"));
        assertTrue(summary.contains("\"mode\" : \"baseline-run\""));
    }

    /** A slower row of a real test (forks) with its cost interval. */
    private static ComparisonRow slower(String name, double cost, double low, double high) {
        io.isobench.compare.stats.Stats.Interval interval = new io.isobench.compare.stats.Stats.Interval(cost, low, high);
        io.isobench.compare.stats.RatioTest test = new io.isobench.compare.stats.RatioTest(
                io.isobench.compare.stats.Direction.LOWER_IS_BETTER, interval, interval, 1e-4,
                io.isobench.compare.stats.Sampling.FORKS, 5, 5, 0, 0.95, "crafted",
                new io.isobench.compare.stats.Verdict.Decision(io.isobench.compare.stats.Verdict.SLOWER, ""), null);
        return new ComparisonRow(new io.isobench.compare.input.BenchmarkKey("io.isobench.cpu.C." + name, "avgt",
                new java.util.TreeMap<>()), "vm", "host", "ns/op", io.isobench.compare.stats.Direction.LOWER_IS_BETTER,
                cost, 0.01, 1, 0.01, test, 0.01, false, false, "", null, List.of());
    }

    @Test
    void theGateJudgesTheLowerBoundOfTheIntervalNotThePointEstimate() {
        // Threshold 10 %: +15 % [+12, +18] is shown to exceed it; +12 % [+5, +19] is above it only as a point
        // estimate: the data allow a slowdown within the threshold, so the gate cannot judge it (it used to fail).
        CompareOptions gate = new CompareOptions(null, 0.05, 0.05, 0.05, CompareOptions.DEFAULT_RAM, false, 10.0,
                Thresholds.none(), 2000, 1, null);
        ComparisonRow clear = slower("clear", 1.15, 1.12, 1.18);
        ComparisonRow across = slower("across", 1.12, 1.05, 1.19);
        ComparisonRow within = slower("within", 1.06, 1.03, 1.09);
        List<ComparisonRow> rows = List.of(clear, across, within);
        List<RegressionGate.Regression> found = RegressionGate.find(rows, gate);
        assertEquals(List.of(clear), found.stream().map(RegressionGate.Regression::row).toList());
        assertTrue(found.get(0).describe().contains("+15.0 % [+12.0 %, +18.0 %] slower than host"),
                found.get(0).describe());
        assertEquals(List.of(across), RegressionGate.unjudged(rows, gate), "within the threshold is judged: it passes");
        assertTrue(RegressionGate.describeUnjudged(across).contains("reaches past the threshold without lying above it"),
                RegressionGate.describeUnjudged(across));
    }

    @Test
    void labelsCollideSoTheyCarryTheRunId() throws Exception {
        Comparison c = Comparison.of(InputLoader.load(oldRun, List.of(newRun), List.of()),
                CompareOptions.defaults());
        assertEquals(List.of("old-run/host", "old-run/vm-kvm", "new-run/host", "new-run/vm-kvm"),
                c.environments().stream().map(EnvironmentInput::label).toList());
        assertEquals("old-run/vm-kvm", c.pairs().get(1).baseline().label(), "pairs by env name");
        assertTrue(c.isBaselineRun());
    }

    @Test
    void thresholdsFileOverridesPerBenchmark() throws IOException {
        Path thresholds = tmp.resolve("thresholds.properties");
        Files.writeString(thresholds, "# fileio is allowed to vary more\nio\\.isobench\\.fileio\\..* = 50\n"
                + "io\\.isobench\\.network\\..*=30%\n");
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(),
                "--fail-on-regression", "10", "--thresholds", thresholds.toString(), "--out",
                tmp.resolve("out").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
    }

    @Test
    void noGateWithoutTheOption() {
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("new-run/vm-kvm vs old-run/vm-kvm"), r.out());
    }

    @Test
    void badThresholdsFileIsOneLine() throws IOException {
        Path thresholds = tmp.resolve("t.properties");
        Files.writeString(thresholds, "io.isobench.(fileio = 5\n");
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(),
                "--fail-on-regression", "10", "--thresholds", thresholds.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(thresholds + ": line 1 has an invalid regex"), r.err());
    }

    @Test
    void newJvmInTheNewRunIsNotAMismatchButOneWithinARunIs() throws IOException {
        Map<String, Object> odd = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        odd.put("jarSha256", "yet-another-build");
        Files.writeString(newRun.resolve("vm-kvm/environment.json"), Fixtures.MAPPER.writeValueAsString(odd));
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("new-run/vm-kvm has a different benchmark jar"), r.err());
    }

    @Test
    void aThresholdLineThatNamesNoBenchmarkIsOneLineAndExitTwo() throws IOException {
        Path thresholds = Files.writeString(tmp.resolve("stale.properties"), "io\\.isobench\\.fileio\\..* = 50\n"
                + "# moved to netstack\nio\\.isobench\\.network\\.TcpConnectBenchmark\\..* = 20\n");
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(),
                "--fail-on-regression", "10", "--thresholds", thresholds.toString(), "--out", tmp.resolve("out").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("isobench compare: " + thresholds + ": line 3 (io\\.isobench\\.network\\.TcpConnectBenchmark\\..*) "
                + "names no benchmark of the inputs or of this build's suite: renamed or moved? Fix the file, or name "
                + "another with --thresholds"), r.errLines());
        assertFalse(Files.exists(tmp.resolve("out/report.md")));
    }

    @Test
    void theRepositorysThresholdsNameBenchmarksOfTheSuite() throws Exception {
        Path file = Path.of(io.isobench.compare.CompareCommand.THRESHOLDS_FILE);
        Thresholds.read(file).requireEachRuleMatches(SuiteBenchmarks.names(), "the suite");
        assertTrue(SuiteBenchmarks.names().contains("io.isobench.netstack.TcpConnectBenchmark.connectAcceptClose"),
                SuiteBenchmarks.names().toString());
    }

    @Test
    void theGateSaysHowManyRowsItJudgedAndWhichThresholdsFileItUsed() throws IOException {
        // No --thresholds: the working directory's file (this repository's, in the tests) is used, and named.
        Fixtures.Result r = Fixtures.run("--baseline-run", oldRun.toString(), newRun.toString(),
                "--fail-on-regression", "50", "--out", tmp.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        Path local = Path.of(io.isobench.compare.CompareCommand.THRESHOLDS_FILE).toAbsolutePath();
        assertTrue(r.out().contains("Regression gate: judged 6 of 6 rows against 50 % and the 3 rules of " + local + "."),
                r.out());
    }

    @Test
    void requireJudgedFailsTheGateWhenTooFewRowsHadARealTest() throws IOException {
        // One fork of two iterations a side: no row can be judged.
        for (Path runDir : List.of(oldRun, newRun)) {
            for (String env : List.of("host", "vm-kvm")) {
                Fixtures.writeJmh(runDir.resolve(env).resolve("jmh.json"), List.of(
                        Fixtures.bench("io.isobench.cpu.C.same", "avgt", "ns/op", 50, 0.5, 7, 1, 2)));
            }
        }
        Path none = Files.writeString(tmp.resolve("none.properties"), "");
        List<String> gate = List.of("--baseline-run", oldRun.toString(), newRun.toString(), "--fail-on-regression",
                "10", "--thresholds", none.toString(), "--out", tmp.resolve("out").toString());
        Fixtures.Result lenient = Fixtures.run(gate.toArray(String[]::new));
        assertEquals(0, lenient.code(), "without --require-judged an unjudged gate passes: " + lenient.err());
        List<String> all = new java.util.ArrayList<>(gate);
        all.addAll(List.of("--require-judged", "all"));
        Fixtures.Result strict = Fixtures.run(all.toArray(String[]::new));
        assertEquals(RegressionGate.EXIT_REGRESSION, strict.code(), strict.err());
        assertTrue(strict.err().contains("isobench compare: the regression gate judged only 0 of 2 rows; "
                + "--require-judged all asks for every row"), strict.err());
        all.set(all.size() - 1, "x");
        Fixtures.Result bad = Fixtures.run(all.toArray(String[]::new));
        assertEquals(2, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
    }
}
