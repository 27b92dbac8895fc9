package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Net of JNA: as many baselines as JNA calls, an interval that carries all four measurements, its own verdict. */
class NetOfJnaTest {

    private static final String OPEN_CLOSE = "io.isobench.syscall.FileOpenCloseBenchmark.libcOpenClose";
    private static final String PPID = "io.isobench.syscall.ParentPidGetBenchmark.rawSyscall";

    @TempDir
    Path tmp;

    private static BenchmarkKey key(String name) {
        return new BenchmarkKey(name, "avgt", new TreeMap<>(Map.of()));
    }

    @Test
    void theCallCountComesFromTheBenchmarksSource() {
        assertEquals(2, JnaCalls.of(key(OPEN_CLOSE)), "open, then close");
        assertEquals(1, JnaCalls.of(key(PPID)));
        assertEquals(1, JnaCalls.of(key("io.isobench.syscall.FileStatBenchmark.libcStat")));
        assertEquals(0, JnaCalls.of(key("io.isobench.syscall.FileStatBenchmark.javaFilesExists")));
        assertEquals(0, JnaCalls.of(key(BenchmarkKey.JNA_BASELINE)), "the baseline is not net of itself");
        assertEquals(0, JnaCalls.of(key("io.isobench.cpu.C.libcLike")), "only syscall rows");
        assertEquals(0, JnaCalls.of(key("io.isobench.syscall.NativeSyscallBenchmark.getppid")),
                "the native loop makes one JNA call per 1024 syscalls: not netted");
    }

    @Test
    void openCloseSubtractsTwoBaselinesAndGetsItsOwnIntervalAndVerdict() throws Exception {
        Fixtures.envDir(tmp, "host", List.of(avgt(BenchmarkKey.JNA_BASELINE, 100, 2, 1), avgt(OPEN_CLOSE, 2000, 20, 2)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "container", List.of(avgt(BenchmarkKey.JNA_BASELINE, 100, 2, 3),
                avgt(OPEN_CLOSE, 3000, 20, 4)), Fixtures.fingerprint("container", "container", "none"), null);
        ComparisonRow row = Comparison.ofRunDir(tmp, CompareOptions.defaults()).rows().stream()
                .filter(r -> r.key().benchmark().equals(OPEN_CLOSE)).findFirst().orElseThrow();
        NetOfJna net = row.net();
        assertEquals(2, net.jnaCalls());
        assertEquals(row.score() - 2 * 100, net.score(), 5);
        assertEquals(row.baselineScore() - 2 * 100, net.baselineScore(), 5);
        assertEquals(2800.0 / 1800, net.ratio(), 0.02);
        assertTrue(net.test().ratio().hasBounds());
        assertTrue(net.test().ratio().contains(2800.0 / 1800), net.test().ratio().toString());
        assertEquals(Verdict.SLOWER, net.test().verdict());
    }

    @Test
    void theNetIntervalIsWiderThanTheRawOneWhenTheBaselineIsMostOfTheScore() {
        // A syscall of 300 ns of which the JNA call is 250: the kernel's 50 ns carry both measurements' noise.
        RatioTester tester = new RatioTester(CompareOptions.defaults());
        Metric env = VerdictTest.forks(300, 3, 6, 1);
        Metric envJna = VerdictTest.forks(250, 3, 6, 2);
        Metric base = VerdictTest.forks(300, 3, 6, 3);
        Metric baseJna = VerdictTest.forks(250, 3, 6, 4);
        RatioTest raw = tester.test(env, base, Direction.LOWER_IS_BETTER, 1);
        NetOfJna net = tester.net(env, envJna, base, baseJna, 1, 1);
        double rawWidth = Math.log(raw.ratio().high() / raw.ratio().low());
        double netWidth = net.test().ratio().hasBounds()
                ? Math.log(net.test().ratio().high() / Math.max(1e-9, net.test().ratio().low())) : Double.POSITIVE_INFINITY;
        assertTrue(netWidth > 3 * rawWidth, "net " + net.test().ratio() + " vs raw " + raw.ratio());
        assertTrue(net.test().verdict() != Verdict.SAME, "so wide an interval cannot show equivalence");
    }

    @Test
    void theNetIntervalCoversTheTrueNetRatio() {
        // True nets: (400 - 100) / (300 - 100) = 1.5; three forks per measurement.
        Random random = new Random(5);
        int trials = 400;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            Stats.LinearMean a = Stats.LinearMean.of(normal(random, 400, 8))
                    .minus(Stats.LinearMean.of(normal(random, 100, 3)), 1);
            Stats.LinearMean b = Stats.LinearMean.of(normal(random, 300, 8))
                    .minus(Stats.LinearMean.of(normal(random, 100, 3)), 1);
            Stats.Interval ci = Stats.fieller(a, b, 0.95).ratio();
            if (!ci.hasBounds() || ci.contains(1.5)) {
                covered++;
            }
        }
        assertTrue(covered >= 0.93 * trials, "covered " + covered + " of " + trials);
    }

    private static double[] normal(Random random, double mean, double sd) {
        return new double[] {mean + sd * random.nextGaussian(), mean + sd * random.nextGaussian(),
            mean + sd * random.nextGaussian()};
    }
}
