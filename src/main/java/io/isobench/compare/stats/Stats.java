package io.isobench.compare.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics of a comparison: the ratio of means with a confidence interval, and Welch's two-sided t-test from
 * commons-math3. The interval is Fieller's (with Welch's degrees of freedom, so it agrees with the test) when a side
 * has fewer than {@link #BOOTSTRAP_MIN_SAMPLES} samples, and a percentile bootstrap (fixed seed) from there on: with
 * two samples a side a bootstrap knows only three means per side, and its interval is far too narrow.
 *
 * <p>Above {@link #BOOTSTRAP_MAX_SAMPLES} samples on a side the interval is Fieller's again, the analytic interval
 * rather than a subsample: there each side's mean is normal to within a fraction of a percent of its spread (the
 * central limit theorem; the Berry-Esseen bound shrinks as one over the square root of n), Fieller's interval is exact
 * for normal means, and the bootstrap's own Monte Carlo error (its 2.5 % bound rests on 50 of 2000 draws) is larger
 * than what separates the two. The bootstrap costs resamples × samples draws per row, four million at a thousand
 * samples a side and eight billion for one fork of two million iterations; Fieller's costs one pass over the samples.
 * A subsample would throw information away to buy the same speed. What a whole comparison may spend on bootstraps
 * is capped too ({@link BootstrapBudget}).
 */
public final class Stats {

    /** A point estimate with a confidence interval; the bounds are NaN when there is no interval. */
    public record Interval(double estimate, double low, double high) {
        public boolean hasBounds() {
            return Double.isFinite(low) && Double.isFinite(high);
        }

        public boolean contains(double value) {
            return hasBounds() && low <= value && value <= high;
        }
    }

    /** From this many samples on each side the percentile bootstrap is used; below, Fieller's interval. */
    public static final int BOOTSTRAP_MIN_SAMPLES = 10;
    /** Above this many samples on a side, Fieller's interval again: see the class comment. */
    public static final int BOOTSTRAP_MAX_SAMPLES = 1000;

    private Stats() {
    }

    /**
     * The interval of mean(a) / mean(b) for these sample sizes: Fieller's below {@link #BOOTSTRAP_MIN_SAMPLES} and
     * above {@link #BOOTSTRAP_MAX_SAMPLES}, a bootstrap between.
     */
    public static Interval ratioInterval(double[] a, double[] b, int resamples, long seed, double confidence) {
        return bootstraps(a.length, b.length)
                ? bootstrapRatio(a, b, resamples, seed, confidence)
                : fiellerRatio(a, b, confidence);
    }

    /** Whether samples of these sizes get a bootstrap interval (else Fieller's). */
    public static boolean bootstraps(int a, int b) {
        return Math.min(a, b) >= BOOTSTRAP_MIN_SAMPLES && Math.max(a, b) <= BOOTSTRAP_MAX_SAMPLES;
    }

    /** The draws {@link #bootstrapRatio} makes, for {@link BootstrapBudget}. */
    public static long bootstrapDraws(int a, int b, int resamples) {
        return (long) resamples * (a + b);
    }

    /**
     * Fieller's {@code confidence} interval of mean(a) / mean(b) for independent samples with unequal variances: the
     * ratios r for which mean(a) - r mean(b) is not significantly different from 0 by Welch's t, with the
     * Welch-Satterthwaite degrees of freedom at the point estimate. When mean(b) itself is not significantly
     * different from 0 the set is unbounded, and the bounds are NaN (no interval can be given).
     */
    public static Interval fiellerRatio(double[] a, double[] b, double confidence) {
        double estimate = mean(a) / mean(b);
        if (a.length < 2 || b.length < 2 || mean(b) == 0 || !allFinite(a) || !allFinite(b)) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        return fieller(LinearMean.of(a), LinearMean.of(b), confidence).ratio();
    }

    /** A ratio with its interval and the two-sided p-value of "the ratio is 1". */
    public record Tested(Interval ratio, double pValue) {
    }

    /**
     * A linear combination of independent sample means (such as a score minus twice a JNA baseline): its value,
     * and the squared standard error and degrees of freedom of each part, for Welch-Satterthwaite.
     */
    public record LinearMean(double value, double[] variances, double[] dfs) {

        /** The mean of one sample (at least two values). */
        public static LinearMean of(double[] samples) {
            return new LinearMean(mean(samples), new double[] {StatUtils.variance(samples) / samples.length},
                    new double[] {samples.length - 1});
        }

        /** this - k * other, the two independent. */
        public LinearMean minus(LinearMean other, double k) {
            double[] v = Arrays.copyOf(variances, variances.length + other.variances.length);
            double[] d = Arrays.copyOf(dfs, dfs.length + other.dfs.length);
            for (int i = 0; i < other.variances.length; i++) {
                v[variances.length + i] = k * k * other.variances[i];
                d[dfs.length + i] = other.dfs[i];
            }
            return new LinearMean(value - k * other.value, v, d);
        }

        public double variance() {
            return Arrays.stream(variances).sum();
        }

        /** Welch-Satterthwaite: this plus {@code scale} times {@code other}, as sums of squared errors. */
        double df(LinearMean other, double scale) {
            double sum = variance() + scale * other.variance();
            double denominator = 0;
            for (int i = 0; i < variances.length; i++) {
                denominator += variances[i] * variances[i] / dfs[i];
            }
            for (int i = 0; i < other.variances.length; i++) {
                denominator += scale * scale * other.variances[i] * other.variances[i] / other.dfs[i];
            }
            return sum * sum / denominator;
        }
    }

    /**
     * Fieller's interval of a / b for independent estimates with unequal variances, and Welch's p-value of
     * a = b: the ratios r for which a - r b is not significantly different from 0, with Welch-Satterthwaite degrees
     * of freedom at the point estimate. Unbounded (NaN bounds) when b is not clear of 0 or the degrees of freedom
     * are undefined (no variance on the side that matters); with no variance at all, no p-value either (NaN).
     */
    public static Tested fieller(LinearMean a, LinearMean b, double confidence) {
        double ma = a.value();
        double mb = b.value();
        double estimate = ma / mb;
        double va = a.variance();
        double vb = b.variance();
        if (va == 0 && vb == 0) {
            return new Tested(new Interval(estimate, Double.NaN, Double.NaN), Double.NaN);
        }
        double dfTest = a.df(b, 1);
        double p = dfTest > 0 && Double.isFinite(dfTest)
                ? 2 * tDistribution(dfTest).cumulativeProbability(-Math.abs(ma - mb) / Math.sqrt(va + vb))
                : Double.NaN;
        double df = a.df(b, estimate * estimate);
        if (mb == 0 || !(df > 0) || !Double.isFinite(df)) {
            return new Tested(new Interval(estimate, Double.NaN, Double.NaN), p);
        }
        double t = tDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double t2 = t * t;
        double qa = mb * mb - t2 * vb; // (ma - r mb)^2 = t^2 (va + r^2 vb), as qa r^2 + qb r + qc = 0
        if (qa <= 0) {
            return new Tested(new Interval(estimate, Double.NaN, Double.NaN), p);
        }
        double qb = -2 * ma * mb;
        double qc = ma * ma - t2 * va;
        double root = Math.sqrt(qb * qb - 4 * qa * qc);
        return new Tested(new Interval(estimate, (-qb - root) / (2 * qa), (-qb + root) / (2 * qa)), p);
    }

    /**
     * The paired test of per-round ratios: a one-sample t-test on the log ratios (one per round in which both sides
     * ran). The estimate is the geometric-mean ratio and the interval exp(mean ± t se), that of the geometric mean.
     * Needs two or more positive, finite ratios, and some spread: with none there is no error to estimate, so no
     * interval and no p-value (NaN), rather than a p of 0 or 1 that would look like evidence.
     */
    public static Tested pairedLogRatio(double[] ratios, double confidence) {
        double[] logs = Arrays.stream(ratios).map(Math::log).toArray();
        double m = mean(logs);
        double estimate = Math.exp(m);
        if (logs.length < 2 || !allFinite(logs)) {
            return new Tested(new Interval(estimate, Double.NaN, Double.NaN), Double.NaN);
        }
        double se = Math.sqrt(StatUtils.variance(logs) / logs.length);
        if (se == 0) {
            return new Tested(new Interval(estimate, Double.NaN, Double.NaN), Double.NaN);
        }
        TDistribution t = tDistribution(logs.length - 1);
        double half = t.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
        return new Tested(new Interval(estimate, Math.exp(m - half), Math.exp(m + half)),
                2 * t.cumulativeProbability(-Math.abs(m) / se));
    }

    /** Whether every value is the same (no spread to estimate a variance from). */
    public static boolean constant(double[] values) {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    public static double mean(double[] values) {
        return values.length == 0 ? Double.NaN : StatUtils.mean(values);
    }

    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /**
     * The {@code confidence} interval (e.g. 0.95) of mean(a) / mean(b) by a percentile bootstrap: each of
     * {@code resamples} rounds draws a and b with replacement. Needs at least two values on each side and a
     * non-zero mean of b; otherwise the bounds are NaN.
     */
    public static Interval bootstrapRatio(double[] a, double[] b, int resamples, long seed, double confidence) {
        return bootstrapRatio(a, b, resamples, seed, new double[] {confidence})[0];
    }

    /**
     * {@link #bootstrapRatio(double[], double[], int, long, double)} at several levels from the same draws (the
     * 1 - alpha interval of the tests and the 1 - 2 alpha interval of equivalence), one interval per level.
     */
    public static Interval[] bootstrapRatio(double[] a, double[] b, int resamples, long seed, double[] levels) {
        double estimate = mean(a) / mean(b);
        Interval[] intervals = new Interval[levels.length];
        Arrays.fill(intervals, new Interval(estimate, Double.NaN, Double.NaN));
        if (a.length < 2 || b.length < 2 || resamples < 10 || !allFinite(a) || !allFinite(b)) {
            return intervals;
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            double meanB = resampleMean(b, random);
            if (meanB != 0) {
                ratios[kept++] = resampleMean(a, random) / meanB;
            }
        }
        if (kept < 10) {
            return intervals;
        }
        double[] draws = Arrays.copyOf(ratios, kept);
        for (int i = 0; i < levels.length; i++) {
            double[] bounds = percentileBounds(draws, levels[i]);
            intervals[i] = new Interval(estimate, bounds[0], bounds[1]);
        }
        return intervals;
    }

    /** The central {@code confidence} range of bootstrap draws (R-7 percentiles): {low, high}. */
    public static double[] percentileBounds(double[] draws, double confidence) {
        double tail = (1 - confidence) / 2 * 100;
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(draws);
        return new double[] {percentile.evaluate(tail), percentile.evaluate(100 - tail)};
    }

    private static double resampleMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }

    /**
     * Welch's two-sided t-test p-value for equal means (commons-math3 {@link TTest#tTest(double[], double[])}).
     * NaN with fewer than two values on a side, and when neither side has any variance (nothing to test against).
     */
    public static double welchPValue(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2 || !allFinite(a) || !allFinite(b)) {
            return Double.NaN;
        }
        double varA = StatUtils.variance(a);
        double varB = StatUtils.variance(b);
        if (varA == 0 && varB == 0) {
            return Double.NaN;
        }
        return new TTest().tTest(a, b);
    }

    /**
     * The ratio s / t with an approximate interval from the two scores' own error half-widths (first-order
     * propagation of relative errors), for inputs without per-iteration data.
     */
    public static Interval ratioFromErrors(double s, double sError, double t, double tError) {
        double ratio = s / t;
        if (!Double.isFinite(sError) || !Double.isFinite(tError) || s == 0 || t == 0) {
            return new Interval(ratio, Double.NaN, Double.NaN);
        }
        double rel = Math.sqrt(Math.pow(sError / s, 2) + Math.pow(tError / t, 2));
        return new Interval(ratio, ratio * (1 - rel), ratio * (1 + rel));
    }

    /**
     * The standard error of the mean of {@code values}: their standard deviation over the square root of their
     * count. NaN with fewer than two values.
     */
    public static double standardError(double[] values) {
        return values.length < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(values) / values.length);
    }

    /** The two-sided standard normal quantile of a central {@code confidence} range (1.96 for 0.95). */
    public static double normalQuantile(double confidence) {
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }

    /** A t distribution without the random generator commons-math seeds for sampling (nothing here samples from it). */
    public static TDistribution tDistribution(double df) {
        return new TDistribution(null, df);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
