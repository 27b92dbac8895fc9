package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.BootstrapBudget;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Computes one {@link ComparisonRow}: unit alignment, the test of the ratio, the standard errors and noise flags,
 * secondary metrics, net of JNA.
 */
final class RowCalculator {

    private final CompareOptions options;
    private final RatioTester tester;

    RowCalculator(CompareOptions options, BootstrapBudget budget) {
        this.options = options;
        this.tester = new RatioTester(options, budget);
    }

    ComparisonRow compare(String envLabel, String baseLabel, BenchmarkResult env, BenchmarkResult base,
                          Map<BenchmarkKey, BenchmarkResult> envAll, Map<BenchmarkKey, BenchmarkResult> baseAll) {
        BenchmarkKey key = base.key();
        Metric b = base.primary();
        Metric e = env.primary();
        String unit = b.unit();
        Direction direction = Direction.of(key.mode(), unit);
        long seed = options.seed() * 31 + (envLabel + "|" + baseLabel + "|" + key).hashCode();
        String note = "";
        RatioTest test;
        if (e.unit().equals(unit)) {
            test = tester.test(e, b, direction, seed);
        } else if (Double.isNaN(Units.factor(e.unit(), unit))) {
            test = RatioTest.invalid(direction, "units differ (" + e.unit() + " vs " + unit + ")");
        } else {
            note = "converted from " + e.unit();
            e = e.convert(Units.factor(e.unit(), unit), unit);
            test = tester.test(e, b, direction, seed);
        }
        if (RatioTester.pairingLost(e, b)) {
            note = join(note, UNPAIRED + ", " + common(e, b) + " in common");
        }
        double level = 1 - options.alpha();
        double envError = halfWidth(e, level);
        double baseError = halfWidth(b, level);
        double rel = Math.abs(envError / e.score());
        boolean noisy = rel > options.noiseThreshold();
        boolean baselineNoisy = Math.abs(baseError / b.score()) > options.noiseThreshold();
        int calls = JnaCalls.of(key);
        NetOfJna net = calls > 0 && test.valid() ? net(key, calls, e, b, envAll, baseAll, seed) : null;
        return new ComparisonRow(key, envLabel, baseLabel, unit, direction, e.score(), envError, b.score(),
                baseError, test, rel, noisy, baselineNoisy, note, net, secondary(env, base, test, seed));
    }

    /** The note of a row whose sides ran in rounds but share fewer than two: its test is unpaired. */
    static final String UNPAIRED = "unpaired: the sides share fewer than two rounds";

    private static String common(Metric e, Metric b) {
        List<Integer> rounds = new ArrayList<>(e.roundMeans().keySet());
        rounds.retainAll(b.roundMeans().keySet());
        return rounds.size() == 1 ? "only round " + rounds.get(0) : "none";
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }

    /**
     * The half-width of a metric's score at {@code level} (1 - alpha), from the spread of its independent samples
     * rather than JMH's pooled 99.9 % error over iterations (which leaves out the variance between forks and
     * rounds): Student's t with n - 1 degrees of freedom times the standard error of its n round means when it ran in
     * two or more rounds, else of its fork means, else (one fork) of its iterations, which understates it; without
     * iterations, JMH's error brought to {@code level} as a normal half-width.
     */
    static double halfWidth(Metric m, double level) {
        double[] samples = m.roundMeans().values().stream().mapToDouble(Double::doubleValue).toArray();
        if (samples.length < 2) {
            samples = m.forkMeans().length >= 2 ? m.forkMeans() : m.samples();
        }
        if (samples.length < 2) {
            return m.scoreError() / Stats.normalQuantile(JMH_ERROR_LEVEL) * Stats.normalQuantile(level);
        }
        return Stats.tDistribution(samples.length - 1).inverseCumulativeProbability(1 - (1 - level) / 2)
                * Stats.standardError(samples);
    }

    /** The level of JMH's own score error. */
    private static final double JMH_ERROR_LEVEL = 0.999;

    /**
     * The secondary metrics both sides report in the primary metric's unit (user counters, not profilers). One that
     * is a fixed multiple of the primary on both sides is shown with the primary's test, not tested again.
     */
    private List<SecondaryRow> secondary(BenchmarkResult env, BenchmarkResult base, RatioTest primary, long seed) {
        List<SecondaryRow> rows = new ArrayList<>();
        for (Map.Entry<String, Metric> entry : base.secondary().entrySet()) {
            Metric b = entry.getValue();
            Metric e = env.secondary().get(entry.getKey());
            if (e == null || !b.unit().equals(base.primary().unit()) || !e.unit().equals(b.unit())) {
                continue;
            }
            double k = multiple(b, base.primary());
            if (Double.isFinite(k) && k == multiple(e, env.primary()) && primary.valid()) {
                rows.add(new SecondaryRow(entry.getKey(), b.unit(), e.score(), b.score(),
                        primary.describedAs(ofPrimary(k)), k));
                continue;
            }
            Direction direction = Direction.of(base.key().mode(), b.unit());
            rows.add(new SecondaryRow(entry.getKey(), b.unit(), e.score(), b.score(),
                    tester.test(e, b, direction, seed + entry.getKey().hashCode()), Double.NaN));
        }
        return rows;
    }

    /** The method text of a secondary metric shown with its primary's test. */
    static String ofPrimary(double k) {
        return "the row's own test: this metric is the primary score \u00d7 " + Format.num(k) + " in every sample";
    }

    /**
     * The factor k when every per-iteration sample of {@code secondary} is k times the same sample of
     * {@code primary} (to a relative 1e-9, for the rounding of the JSON), else NaN.
     */
    static double multiple(Metric secondary, Metric primary) {
        double[] s = secondary.samples();
        double[] p = primary.samples();
        if (s.length == 0 || s.length != p.length || !(p[0] != 0)) {
            return Double.NaN;
        }
        double k = s[0] / p[0];
        for (int i = 0; i < s.length; i++) {
            if (!(Math.abs(s[i] - k * p[i]) <= 1e-9 * Math.abs(s[i]))) {
                return Double.NaN;
            }
        }
        // One factor for both sides: round it to nine significant digits, so that two sides' k compare equal.
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.9g", k));
    }

    /** Net of the JNA baseline benchmark of each side, in ns/op; null when either side lacks it. */
    private NetOfJna net(BenchmarkKey key, int calls, Metric env, Metric base,
                         Map<BenchmarkKey, BenchmarkResult> envAll, Map<BenchmarkKey, BenchmarkResult> baseAll,
                         long seed) {
        Metric envJna = nanos(jna(key, envAll));
        Metric baseJna = nanos(jna(key, baseAll));
        Metric envNs = nanos(env);
        Metric baseNs = nanos(base);
        if (envJna == null || baseJna == null || envNs == null || baseNs == null) {
            return null;
        }
        return tester.net(envNs, envJna, baseNs, baseJna, calls, seed);
    }

    /** A time-per-operation metric in ns/op, or null when it is not one (or is null). */
    private static Metric nanos(Metric m) {
        if (m == null) {
            return null;
        }
        double factor = Units.factor(m.unit(), "ns/op");
        return Double.isFinite(factor) && factor > 0 ? m.convert(factor, "ns/op") : null;
    }

    /** The JNA baseline result of an environment: same mode preferred, else avgt, else any. */
    private static Metric jna(BenchmarkKey key, Map<BenchmarkKey, BenchmarkResult> all) {
        BenchmarkResult sameMode = null;
        BenchmarkResult avgt = null;
        BenchmarkResult any = null;
        for (BenchmarkResult r : all.values()) {
            if (!r.key().isJnaBaseline()) {
                continue;
            }
            if (r.key().mode().equals(key.mode()) && sameMode == null) {
                sameMode = r;
            }
            if (r.key().mode().equals("avgt") && avgt == null) {
                avgt = r;
            }
            if (any == null) {
                any = r;
            }
        }
        BenchmarkResult chosen = sameMode != null ? sameMode : avgt != null ? avgt : any;
        return chosen == null || !chosen.primary().valid() ? null : chosen.primary();
    }
}
