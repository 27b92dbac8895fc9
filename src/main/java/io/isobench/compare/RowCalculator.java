package io.isobench.compare;

import java.util.Map;

/** Computes one {@link ComparisonRow}: unit alignment, ratio interval, Welch p-value, verdict, noise, net of JNA. */
final class RowCalculator {

    private static final double CONFIDENCE = 0.95;
    /** The note on rows tested on one JVM's iterations; the report explains it once. */
    static final String ONE_FORK = "1 fork";

    private final CompareOptions options;

    RowCalculator(CompareOptions options) {
        this.options = options;
    }

    ComparisonRow compare(String envLabel, String baseLabel, BenchmarkResult env, BenchmarkResult base,
                          Map<BenchmarkKey, BenchmarkResult> envAll, Map<BenchmarkKey, BenchmarkResult> baseAll) {
        BenchmarkKey key = base.key();
        Metric b = base.primary();
        Metric e = env.primary();
        String unit = b.unit();
        Direction direction = Direction.of(key.mode(), unit);
        String note = "";
        if (!e.unit().equals(unit)) {
            double factor = Units.factor(e.unit(), unit);
            if (Double.isNaN(factor)) {
                return invalid(key, envLabel, baseLabel, direction, e, b,
                        "units differ (" + e.unit() + " vs " + unit + ")");
            }
            note = "converted from " + e.unit();
            e = e.convert(factor, unit);
        }
        if (!e.valid() || !b.valid()) {
            String side = !e.valid() ? "this environment" : "the baseline";
            return invalid(key, envLabel, baseLabel, direction, e, b,
                    "score is " + Format.num(!e.valid() ? e.score() : b.score()) + " in " + side);
        }
        if (b.score() == 0) {
            return invalid(key, envLabel, baseLabel, direction, e, b, "baseline score is 0");
        }
        // With two or more forks on both sides, each fork's mean is one sample: iterations of one JVM are not
        // independent (JIT decisions, memory layout), and treating them as such calls run-to-run noise significant.
        boolean byFork = e.forkMeans().length >= 2 && b.forkMeans().length >= 2;
        double[] es = byFork ? e.forkMeans() : e.samples();
        double[] bs = byFork ? b.forkMeans() : b.samples();
        if (!byFork) {
            note = join(note, ONE_FORK);
        }
        if (!finite(es) || !finite(bs)) {
            return invalid(key, envLabel, baseLabel, direction, e, b, "an iteration score is NaN or infinite");
        }
        Stats.Interval ratio;
        double p;
        double pointRatio = e.score() / b.score();
        if (es.length >= 2 && bs.length >= 2) {
            long seed = options.seed() * 31 + (envLabel + "|" + baseLabel + "|" + key).hashCode();
            Stats.Interval interval = Stats.ratioInterval(es, bs, options.resamples(), seed, CONFIDENCE);
            // Scores are positive, so is their ratio: a Fieller bound below 0 only says "anything down to 0".
            ratio = new Stats.Interval(pointRatio, Math.max(0, interval.low()), interval.high());
            if (!ratio.hasBounds()) {
                note = join(note, "unbounded interval");
            }
            p = Stats.welchPValue(es, bs);
        } else {
            ratio = Stats.ratioFromErrors(e.score(), e.scoreError(), b.score(), b.scoreError());
            p = Double.NaN;
            note = join(note, ratio.hasBounds() ? "no per-iteration scores: interval from JMH's score errors"
                    : "too few iterations to test");
        }
        Verdict verdict = Verdict.decide(direction, ratio, p, options.alpha());
        double rel = e.relativeError();
        boolean noisy = rel > options.noiseThreshold();
        boolean baselineNoisy = b.relativeError() > options.noiseThreshold();
        NetOfJna net = key.area() == Area.SYSCALL && !key.isJnaBaseline() && key.callsThroughJna()
                ? net(key, env.primary(), base.primary(), envAll, baseAll) : null;
        return new ComparisonRow(key, envLabel, baseLabel, unit, direction, e.score(), e.scoreError(), b.score(),
                b.scoreError(), ratio, p, verdict, rel, noisy, baselineNoisy, note, net);
    }

    private ComparisonRow invalid(BenchmarkKey key, String envLabel, String baseLabel, Direction direction,
                                  Metric e, Metric b, String why) {
        return new ComparisonRow(key, envLabel, baseLabel, b.unit(), direction, e.score(), e.scoreError(),
                b.score(), b.scoreError(), new Stats.Interval(Double.NaN, Double.NaN, Double.NaN), Double.NaN,
                Verdict.INVALID, e.relativeError(), false, false, why, null);
    }

    /** Net of the JNA baseline benchmark of each side, in ns/op; null when either side lacks it. */
    private static NetOfJna net(BenchmarkKey key, Metric env, Metric base,
                                Map<BenchmarkKey, BenchmarkResult> envAll,
                                Map<BenchmarkKey, BenchmarkResult> baseAll) {
        Metric envJna = jna(key, envAll);
        Metric baseJna = jna(key, baseAll);
        if (envJna == null || baseJna == null) {
            return null;
        }
        double envNs = Units.toNanosPerOp(env.score(), env.unit());
        double baseNs = Units.toNanosPerOp(base.score(), base.unit());
        double envJnaNs = Units.toNanosPerOp(envJna.score(), envJna.unit());
        double baseJnaNs = Units.toNanosPerOp(baseJna.score(), baseJna.unit());
        if (!Double.isFinite(envNs + baseNs + envJnaNs + baseJnaNs)) {
            return null;
        }
        return NetOfJna.of(envNs, envJnaNs, baseNs, baseJnaNs);
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

    private static boolean finite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "; " + b;
    }
}
