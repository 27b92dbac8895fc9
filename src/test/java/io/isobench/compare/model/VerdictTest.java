package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.Metric;
import io.isobench.compare.report.ReportText;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four verdicts, the margin, alpha as the interval level, zero and constant scores. */
class VerdictTest {

    private static final double ALPHA = 0.05;
    private static final double MARGIN = 0.05;

    private static Verdict.Decision decide(double estimate, double low, double high, double p) {
        Stats.Interval interval = new Stats.Interval(estimate, low, high);
        return Verdict.decide(Direction.LOWER_IS_BETTER, interval, interval, p, ALPHA, MARGIN);
    }

    @Test
    void fasterAndSlowerNeedASmallPAndAnIntervalClearOfOne() {
        assertEquals(Verdict.SLOWER, decide(1.5, 1.3, 1.7, 0.001).verdict());
        assertEquals(Verdict.FASTER, decide(0.6, 0.5, 0.7, 0.001).verdict());
        Stats.Interval more = new Stats.Interval(1.5, 1.3, 1.7);
        assertEquals(Verdict.FASTER, Verdict.decide(Direction.HIGHER_IS_BETTER, more, more, 0.001, ALPHA, MARGIN)
                .verdict(), "more throughput is faster");
    }

    @Test
    void sameOnlyWhenTheWholeIntervalIsInsideTheMargin() {
        assertEquals(Verdict.SAME, decide(1.01, 0.97, 1.04, 0.6).verdict());
        assertEquals(Verdict.SAME, decide(1.0, 1 / 1.05, 1.05, 0.9).verdict(), "the margin's edges are inside");
        Verdict.Decision wide = decide(1.01, 0.9, 1.12, 0.6);
        assertEquals(Verdict.INCONCLUSIVE, wide.verdict());
        assertTrue(wide.reason().contains("margin"), wide.reason());
    }

    @Test
    void sameIsDecidedOnThe90PercentIntervalTwoOneSidedTests() {
        // TOST at alpha = 0.05: each one-sided test at 5 %, i.e. the 90 % interval within the margin. The 95 %
        // interval [0.94, 1.06] reaches past +-5 %, the 90 % one [0.955, 1.045] does not: same.
        Stats.Interval at95 = new Stats.Interval(1.0, 0.94, 1.06);
        Stats.Interval at90 = new Stats.Interval(1.0, 0.955, 1.045);
        assertEquals(Verdict.SAME, Verdict.decide(Direction.LOWER_IS_BETTER, at95, at90, 0.9, ALPHA, MARGIN).verdict());
        Verdict.Decision wide = Verdict.decide(Direction.LOWER_IS_BETTER, at95, at95, 0.9, ALPHA, MARGIN);
        assertEquals(Verdict.INCONCLUSIVE, wide.verdict());
        assertEquals("the 90 % interval reaches beyond the \u00b15 % margin", wide.reason());
        assertEquals(0.90, Verdict.equivalenceLevel(ALPHA), 1e-12);
    }

    @Test
    void theTesterDecidesSameOnThe90PercentIntervalOfThePairedTest() {
        // Five rounds whose log ratios are 0.045 x {-2, -1, 0, 1, 2} / sd: the 95 % interval [0.946, 1.057] reaches
        // past 1.05; the 90 % interval [0.958, 1.044] lies within +-5 %. With the 95 % interval this was inconclusive.
        double[][] env = new double[5][];
        double[][] base = new double[5][];
        int[] rounds = {1, 2, 3, 4, 5};
        for (int i = 0; i < 5; i++) {
            base[i] = new double[] {100};
            env[i] = new double[] {100 * Math.exp(0.045 * (i - 2) / Math.sqrt(2.5))};
        }
        RatioTest t = new RatioTester(CompareOptions.defaults()).test(new Metric(100, Double.NaN, "ns/op", env, rounds),
                new Metric(100, Double.NaN, "ns/op", base, rounds), Direction.LOWER_IS_BETTER, 1);
        assertEquals(Sampling.ROUNDS, t.sampling());
        assertTrue(t.ratio().high() > 1.05, t.ratio().toString());
        assertEquals(Stats.pairedLogRatio(java.util.Arrays.stream(env).mapToDouble(e -> e[0] / 100).toArray(), 0.90)
                .ratio(), t.equivalence());
        assertEquals(Verdict.SAME, t.verdict());
    }

    @Test
    void aRowHundredsOfTimesSlowerWithAHugeIntervalIsNeverSame() {
        // The example report's old "same": a VM 184 times slower, interval [0, 1101], two iterations.
        Verdict.Decision d = decide(184, 0, 1101, 0.2);
        assertEquals(Verdict.INCONCLUSIVE, d.verdict());
        assertEquals(Verdict.INCONCLUSIVE, decide(184, Double.NaN, Double.NaN, Double.NaN).verdict());
    }

    @Test
    void significantButInsideTheMarginIsStillFasterOrSlower() {
        // A tiny, well-measured difference: the test says slower; the margin does not hide it.
        assertEquals(Verdict.SLOWER, decide(1.02, 1.01, 1.03, 0.001).verdict());
    }

    @Test
    void zeroNegativeAndNonFiniteRatiosAreInvalid() {
        assertEquals(Verdict.INVALID, decide(0, Double.NaN, Double.NaN, Double.NaN).verdict());
        assertEquals(Verdict.INVALID, decide(-1, -2, 0, 0.01).verdict());
        assertEquals(Verdict.INVALID, decide(Double.NaN, 1, 2, 0.01).verdict());
    }

    @Test
    void theIntervalLevelFollowsAlpha() {
        Metric env = forks(105, 2, 4, 1);
        Metric base = forks(100, 2, 4, 2);
        RatioTest at95 = new RatioTester(CompareOptions.defaults()).test(env, base, Direction.LOWER_IS_BETTER, 1);
        RatioTest at80 = new RatioTester(CompareOptions.defaults().withAlpha(0.2))
                .test(env, base, Direction.LOWER_IS_BETTER, 1);
        assertEquals(0.95, at95.level(), 1e-12);
        assertEquals(0.80, at80.level(), 1e-12);
        assertTrue(at80.ratio().high() - at80.ratio().low() < at95.ratio().high() - at95.ratio().low(),
                at80.ratio() + " vs " + at95.ratio());
        assertEquals(at95.pValue(), at80.pValue(), 1e-12, "alpha changes the decision, not the p-value");
    }

    @Test
    void oneJvmPerSideIsNeverFasterSlowerOrSame() {
        RatioTest t = new RatioTester(CompareOptions.defaults())
                .test(forks(200, 1, 20, 3), forks(100, 1, 20, 4), Direction.LOWER_IS_BETTER, 1);
        assertEquals(Sampling.ITERATIONS, t.sampling());
        assertTrue(t.ratio().low() > 1.5, "the iterations alone would call it");
        assertEquals(Verdict.INCONCLUSIVE, t.verdict());
        assertEquals(RatioTester.ONE_FORK, t.reason());
    }

    @Test
    void withoutIterationsTheIntervalComesFromJmhErrorsAndIsLabelled() {
        RatioTest t = new RatioTester(CompareOptions.defaults()).test(new Metric(200, 10, "ns/op", null),
                new Metric(100, 5, "ns/op", null), Direction.LOWER_IS_BETTER, 1);
        assertEquals(Sampling.JMH_ERRORS, t.sampling());
        assertEquals(0.999, t.level(), 1e-12);
        assertTrue(ReportText.interval(t).endsWith("JMH 99.9 %"), ReportText.interval(t));
        assertEquals(Verdict.INCONCLUSIVE, t.verdict());
    }

    @Test
    void zeroScoresAndZeroVarianceNeverCrash() {
        RatioTester tester = new RatioTester(CompareOptions.defaults());
        Metric zeros = new Metric(0, 0, "ns/op", new double[][] {{0, 0}, {0, 0}});
        Metric constant = new Metric(5, 0, "ns/op", new double[][] {{5, 5}, {5, 5}});
        RatioTest zero = tester.test(zeros, forks(100, 2, 4, 5), Direction.LOWER_IS_BETTER, 1);
        assertEquals(Verdict.INVALID, zero.verdict());
        assertTrue(zero.reason().contains("score is 0"), zero.reason());
        assertEquals(Verdict.INVALID, tester.test(forks(100, 2, 4, 6), zeros, Direction.LOWER_IS_BETTER, 1).verdict());
        RatioTest flat = tester.test(constant, constant, Direction.LOWER_IS_BETTER, 1);
        assertEquals(Verdict.INCONCLUSIVE, flat.verdict());
        assertTrue(flat.reason().contains("no spread"), flat.reason());
        assertTrue(Double.isNaN(flat.pValue()) && !flat.ratio().hasBounds(), "no test: " + flat);
        assertFalse(flat.tested(), "so it takes no part in the false-discovery adjustment");
        // One side constant, the other not: a test is possible and nothing divides by zero.
        RatioTest half = tester.test(constant, new Metric(5, 0.1, "ns/op", new double[][] {{5.1}, {4.9}}),
                Direction.LOWER_IS_BETTER, 1);
        assertTrue(Double.isFinite(half.pValue()), half.toString());
    }

    /** {@code n} forks of 10 iterations around {@code mean}, fork means spread by {@code sd}. */
    static Metric forks(double mean, int n, double sd, long seed) {
        Random random = new Random(seed);
        double[][] raw = new double[n][10];
        double sum = 0;
        for (int f = 0; f < n; f++) {
            double forkMean = mean + sd * random.nextGaussian();
            for (int i = 0; i < 10; i++) {
                raw[f][i] = forkMean + 0.01 * mean * random.nextGaussian();
                sum += raw[f][i];
            }
        }
        return new Metric(sum / (n * 10), Double.NaN, "ns/op", raw);
    }

    @Test
    void aSpentBootstrapBudgetFallsBackToFiellerAndSaysSo() {
        double[][] env = new double[20][];
        double[][] base = new double[20][];
        for (int f = 0; f < 20; f++) {
            env[f] = new double[] {110 + f % 3};
            base[f] = new double[] {100 + f % 4};
        }
        Metric e = new Metric(111, 1, "ns/op", env);
        Metric b = new Metric(101.5, 1, "ns/op", base);
        long draws = io.isobench.compare.stats.Stats.bootstrapDraws(20, 20, CompareOptions.DEFAULT_RESAMPLES);
        RatioTester tester = new RatioTester(CompareOptions.defaults(), new io.isobench.compare.stats.BootstrapBudget(draws));
        assertEquals("percentile bootstrap, Welch's t-test", tester.test(e, b, Direction.LOWER_IS_BETTER, 1).method());
        RatioTest second = tester.test(e, b, Direction.LOWER_IS_BETTER, 1);
        assertEquals("Fieller (Welch df; the comparison's bootstrap budget was spent), Welch's t-test", second.method());
        assertEquals(Verdict.SLOWER, second.verdict(), "still a real test");
    }
}
