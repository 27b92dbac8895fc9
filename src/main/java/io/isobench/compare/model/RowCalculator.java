package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.BootstrapBudget;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Computes one {@link ComparisonRow}: unit alignment, the test of the ratio, noise, secondary metrics, net of JNA. */
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
        double rel = e.relativeError();
        boolean noisy = rel > options.noiseThreshold();
        boolean baselineNoisy = b.relativeError() > options.noiseThreshold();
        int calls = JnaCalls.of(key);
        NetOfJna net = calls > 0 && test.valid() ? net(key, calls, e, b, envAll, baseAll, seed) : null;
        return new ComparisonRow(key, envLabel, baseLabel, unit, direction, e.score(), e.scoreError(), b.score(),
                b.scoreError(), test, rel, noisy, baselineNoisy, note, net, secondary(env, base, seed), List.of());
    }

    /** The secondary metrics both sides report in the primary metric's unit (user counters, not profilers). */
    private List<SecondaryRow> secondary(BenchmarkResult env, BenchmarkResult base, long seed) {
        List<SecondaryRow> rows = new ArrayList<>();
        for (Map.Entry<String, Metric> entry : base.secondary().entrySet()) {
            Metric b = entry.getValue();
            Metric e = env.secondary().get(entry.getKey());
            if (e == null || !b.unit().equals(base.primary().unit()) || !e.unit().equals(b.unit())) {
                continue;
            }
            Direction direction = Direction.of(base.key().mode(), b.unit());
            rows.add(new SecondaryRow(entry.getKey(), b.unit(), e.score(), b.score(),
                    tester.test(e, b, direction, seed + entry.getKey().hashCode())));
        }
        return rows;
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
