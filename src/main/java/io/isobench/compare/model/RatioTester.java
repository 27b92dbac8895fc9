package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.BootstrapBudget;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Compares one metric of an environment with the same metric of its baseline (both in the same unit). The samples
 * are chosen in this order: rounds paired by round number when both sides have two or more rounds in common
 * (paired t-test on the log ratios); fork means when both sides have two or more forks (Welch's test, Fieller's
 * interval or, from ten to a thousand samples a side, a bootstrap within the comparison's {@link BootstrapBudget});
 * one JVM's iterations (an interval is shown, but the row is
 * inconclusive); JMH's own errors (likewise). Every interval is at level 1 - alpha; {@code same} is decided on the
 * 1 - 2 alpha interval of the same method (TOST). Samples with no spread at all give no test (no interval, no
 * p-value): nothing can be estimated from them, and a p of 0 or 1 would look like evidence.
 */
final class RatioTester {

    /** The reason of rows whose samples are one JVM's iterations; the report explains it once. */
    static final String ONE_FORK = "one fork per side: iterations of one JVM are not independent";

    /** The reason of rows whose samples have no spread; {@link TestNotes} counts them. */
    static final String NO_SPREAD = "no spread in the samples: no error to estimate, so no test";

    private final CompareOptions options;
    private final BootstrapBudget budget;

    /** A tester with a comparison's budget of its own. */
    RatioTester(CompareOptions options) {
        this(options, BootstrapBudget.perComparison());
    }

    RatioTester(CompareOptions options, BootstrapBudget budget) {
        this.options = options;
        this.budget = budget;
    }

    private double level() {
        return 1 - options.alpha();
    }

    private double equivalenceLevel() {
        return Verdict.equivalenceLevel(options.alpha());
    }

    private Verdict.Decision decide(Direction direction, Stats.Interval ratio, Stats.Interval equivalence, double p) {
        return Verdict.decide(direction, ratio, equivalence, p, options.alpha(), options.equivalence());
    }

    /**
     * Whether both metrics ran in rounds of an interleaved run, at least one side in two or more, but they share
     * fewer than two, so that their test falls back from paired to unpaired (a run of one round is never paired, and
     * is not a fallback).
     */
    static boolean pairingLost(Metric e, Metric b) {
        SortedMap<Integer, Double> common = new TreeMap<>(e.roundMeans());
        common.keySet().retainAll(b.roundMeans().keySet());
        return !e.roundMeans().isEmpty() && !b.roundMeans().isEmpty()
                && Math.max(e.roundMeans().size(), b.roundMeans().size()) >= 2 && common.size() < 2;
    }

    RatioTest test(Metric e, Metric b, Direction direction, long seed) {
        String bad = unusable(e, "this environment");
        bad = bad != null ? bad : unusable(b, "the baseline");
        if (bad != null) {
            return RatioTest.invalid(direction, bad);
        }
        SortedMap<Integer, Double> envRounds = e.roundMeans();
        SortedMap<Integer, Double> baseRounds = b.roundMeans();
        List<Integer> common = new ArrayList<>(envRounds.keySet());
        common.retainAll(baseRounds.keySet());
        if (common.size() >= 2) {
            return paired(direction, envRounds, baseRounds, common);
        }
        double[] ef = e.forkMeans();
        double[] bf = b.forkMeans();
        if (ef.length >= 2 && bf.length >= 2) {
            return unpaired(direction, Sampling.FORKS, ef, bf, seed);
        }
        double[] ei = e.samples();
        double[] bi = b.samples();
        if (ei.length >= 2 && bi.length >= 2) {
            return unpaired(direction, Sampling.ITERATIONS, ei, bi, seed);
        }
        Stats.Interval fromErrors = Stats.ratioFromErrors(e.score(), e.scoreError(), b.score(), b.scoreError());
        return new RatioTest(direction, fromErrors, Double.NaN, Sampling.JMH_ERRORS, ei.length, bi.length, 0, 0.999,
                "JMH's 99.9 % score errors, propagated", Verdict.INCONCLUSIVE,
                ei.length == 0 && bi.length == 0 ? "no per-iteration scores: no test" : "too few iterations to test",
                null);
    }

    /** Why a metric cannot be compared (a score or sample that is not a positive number), or null. */
    private static String unusable(Metric m, String side) {
        if (!m.valid()) {
            return "score is " + Format.num(m.score()) + " in " + side;
        }
        if (m.score() <= 0) {
            return "score is " + Format.num(m.score()) + " in " + side + " (a ratio needs positive scores)";
        }
        for (double v : m.samples()) {
            if (!Double.isFinite(v)) {
                return "an iteration score is NaN or infinite in " + side;
            }
        }
        return null;
    }

    private RatioTest paired(Direction direction, SortedMap<Integer, Double> env, SortedMap<Integer, Double> base,
                             List<Integer> common) {
        double[] ratios = new double[common.size()];
        SortedMap<Integer, Double> logs = new TreeMap<>();
        for (int i = 0; i < ratios.length; i++) {
            int round = common.get(i);
            ratios[i] = env.get(round) / base.get(round);
            if (!(env.get(round) > 0) || !(base.get(round) > 0) || !Double.isFinite(ratios[i])) {
                return RatioTest.invalid(direction, "round " + round + " has a score of 0 or below on a side");
            }
            logs.put(round, Math.log(ratios[i]));
        }
        Stats.Tested t = Stats.pairedLogRatio(ratios, level());
        Stats.Interval equivalence = Stats.pairedLogRatio(ratios, equivalenceLevel()).ratio();
        Verdict.Decision d = Stats.constant(ratios) ? new Verdict.Decision(Verdict.INCONCLUSIVE, NO_SPREAD)
                : decide(direction, t.ratio(), equivalence, t.pValue());
        return new RatioTest(direction, t.ratio(), equivalence, t.pValue(), Sampling.ROUNDS, env.size(), base.size(),
                common.size(), level(), "paired t-test on per-round log ratios (geometric mean)", d, logs);
    }

    private RatioTest unpaired(Direction direction, Sampling sampling, double[] es, double[] bs, long seed) {
        String method;
        Stats.Interval[] intervals;
        double[] levels = {level(), equivalenceLevel()};
        if (!Stats.bootstraps(es.length, bs.length)) {
            method = Math.min(es.length, bs.length) < Stats.BOOTSTRAP_MIN_SAMPLES ? "Fieller (Welch df), Welch's t-test"
                    : "Fieller (Welch df; above " + Stats.BOOTSTRAP_MAX_SAMPLES + " samples a side), Welch's t-test";
            intervals = fieller(es, bs, levels);
        } else if (!budget.take(Stats.bootstrapDraws(es.length, bs.length, options.resamples()))) {
            method = "Fieller (Welch df; the comparison's bootstrap budget was spent), Welch's t-test";
            intervals = fieller(es, bs, levels);
        } else {
            method = "percentile bootstrap, Welch's t-test";
            intervals = Stats.bootstrapRatio(es, bs, options.resamples(), seed, levels);
        }
        Stats.Interval ratio = positive(intervals[0]);
        Stats.Interval equivalence = positive(intervals[1]);
        double p = Stats.welchPValue(es, bs);
        Verdict.Decision d;
        if (!sampling.independent()) {
            d = new Verdict.Decision(Verdict.INCONCLUSIVE, ONE_FORK);
        } else if (Stats.constant(es) && Stats.constant(bs)) {
            d = new Verdict.Decision(Verdict.INCONCLUSIVE, NO_SPREAD);
        } else {
            d = decide(direction, ratio, equivalence, p);
        }
        return new RatioTest(direction, ratio, equivalence, p, sampling, es.length, bs.length, 0, level(), method, d,
                null);
    }

    private static Stats.Interval[] fieller(double[] es, double[] bs, double[] levels) {
        return java.util.Arrays.stream(levels).mapToObj(level -> Stats.fiellerRatio(es, bs, level))
                .toArray(Stats.Interval[]::new);
    }

    /** Scores are positive, so is their ratio: a Fieller bound below 0 only says "anything down to 0". */
    private static Stats.Interval positive(Stats.Interval interval) {
        return new Stats.Interval(interval.estimate(), Math.max(0, interval.low()), interval.high());
    }

    /**
     * The net of JNA: {@code env - k envJna} against {@code base - k baseJna}, all in ns/op. Paired by round when all
     * four share two or more rounds; otherwise Fieller's interval for the ratio of the two differences, with the
     * variances of all four means and Welch-Satterthwaite degrees of freedom.
     */
    NetOfJna net(Metric env, Metric envJna, Metric base, Metric baseJna, int k, long seed) {
        Direction direction = Direction.LOWER_IS_BETTER;
        double envNet = env.score() - k * envJna.score();
        double baseNet = base.score() - k * baseJna.score();
        SortedMap<Integer, Double> envRounds = netRounds(env, envJna, k);
        SortedMap<Integer, Double> baseRounds = netRounds(base, baseJna, k);
        List<Integer> common = new ArrayList<>(envRounds.keySet());
        common.retainAll(baseRounds.keySet());
        if (common.size() >= 2) {
            return new NetOfJna(k, envNet, baseNet, test(roundMetric(envRounds), roundMetric(baseRounds), direction,
                    seed));
        }
        if (!(envNet > 0) || !(baseNet > 0)) {
            return new NetOfJna(k, envNet, baseNet, RatioTest.invalid(direction,
                    "the JNA baseline is not below the score on " + (envNet > 0 ? "the baseline" : "this environment")));
        }
        boolean byFork = env.forkMeans().length >= 2 && envJna.forkMeans().length >= 2
                && base.forkMeans().length >= 2 && baseJna.forkMeans().length >= 2;
        Sampling sampling = byFork ? Sampling.FORKS : Sampling.ITERATIONS;
        double[][] s = byFork
                ? new double[][] {env.forkMeans(), envJna.forkMeans(), base.forkMeans(), baseJna.forkMeans()}
                : new double[][] {env.samples(), envJna.samples(), base.samples(), baseJna.samples()};
        for (double[] sample : s) {
            if (sample.length < 2) {
                return new NetOfJna(k, envNet, baseNet, test(new Metric(envNet, Double.NaN, "ns/op", null),
                        new Metric(baseNet, Double.NaN, "ns/op", null), direction, seed));
            }
        }
        Stats.LinearMean a = Stats.LinearMean.of(s[0]).minus(Stats.LinearMean.of(s[1]), k);
        Stats.LinearMean b = Stats.LinearMean.of(s[2]).minus(Stats.LinearMean.of(s[3]), k);
        Stats.Tested t = Stats.fieller(a, b, level());
        Stats.Interval ratio = positive(t.ratio());
        Stats.Interval equivalence = positive(Stats.fieller(a, b, equivalenceLevel()).ratio());
        Verdict.Decision d = !byFork ? new Verdict.Decision(Verdict.INCONCLUSIVE, ONE_FORK)
                : a.variance() == 0 && b.variance() == 0 ? new Verdict.Decision(Verdict.INCONCLUSIVE, NO_SPREAD)
                : decide(direction, ratio, equivalence, t.pValue());
        return new NetOfJna(k, a.value(), b.value(), new RatioTest(direction, ratio, equivalence, t.pValue(), sampling,
                s[0].length, s[2].length, 0, level(), "Fieller on the differences (Welch-Satterthwaite df)", d, null));
    }

    /** Per-round net values of a side, for the rounds in which both the benchmark and the JNA baseline ran. */
    private static SortedMap<Integer, Double> netRounds(Metric m, Metric jna, int k) {
        SortedMap<Integer, Double> net = new TreeMap<>();
        SortedMap<Integer, Double> jnaRounds = jna.roundMeans();
        m.roundMeans().forEach((round, v) -> {
            if (jnaRounds.containsKey(round)) {
                net.put(round, v - k * jnaRounds.get(round));
            }
        });
        return net;
    }

    /** A metric with one single-iteration "fork" per round. */
    private static Metric roundMetric(SortedMap<Integer, Double> rounds) {
        double[][] forks = rounds.values().stream().map(v -> new double[] {v}).toArray(double[][]::new);
        int[] numbers = rounds.keySet().stream().mapToInt(Integer::intValue).toArray();
        double mean = rounds.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Metric(mean, Double.NaN, "ns/op", forks, numbers);
    }
}
