package io.isobench.compare;

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

    private Stats() {
    }

    /** The interval of mean(a) / mean(b) for these sample sizes: Fieller's below {@link #BOOTSTRAP_MIN_SAMPLES}. */
    public static Interval ratioInterval(double[] a, double[] b, int resamples, long seed, double confidence) {
        return Math.min(a.length, b.length) < BOOTSTRAP_MIN_SAMPLES
                ? fiellerRatio(a, b, confidence)
                : bootstrapRatio(a, b, resamples, seed, confidence);
    }

    /**
     * Fieller's {@code confidence} interval of mean(a) / mean(b) for independent samples with unequal variances: the
     * ratios r for which mean(a) - r mean(b) is not significantly different from 0 by Welch's t, with the
     * Welch-Satterthwaite degrees of freedom at the point estimate. When mean(b) itself is not significantly
     * different from 0 the set is unbounded, and the bounds are NaN (no interval can be given).
     */
    public static Interval fiellerRatio(double[] a, double[] b, double confidence) {
        double ma = mean(a);
        double mb = mean(b);
        double estimate = ma / mb;
        if (a.length < 2 || b.length < 2 || mb == 0 || !allFinite(a) || !allFinite(b)) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double va = StatUtils.variance(a) / a.length; // squared standard errors of the means
        double vb = StatUtils.variance(b) / b.length;
        if (va == 0 && vb == 0) {
            return new Interval(estimate, estimate, estimate);
        }
        double ua = va;
        double ub = estimate * estimate * vb;
        double df = (ua + ub) * (ua + ub) / (ua * ua / (a.length - 1) + ub * ub / (b.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double t2 = t * t;
        double qa = mb * mb - t2 * vb; // (ma - r mb)^2 = t^2 (va + r^2 vb), as qa r^2 + qb r + qc = 0
        if (qa <= 0) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double qb = -2 * ma * mb;
        double qc = ma * ma - t2 * va;
        double root = Math.sqrt(qb * qb - 4 * qa * qc);
        return new Interval(estimate, (-qb - root) / (2 * qa), (-qb + root) / (2 * qa));
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
        double estimate = mean(a) / mean(b);
        if (a.length < 2 || b.length < 2 || resamples < 10 || !allFinite(a) || !allFinite(b)) {
            return new Interval(estimate, Double.NaN, Double.NaN);
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
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double[] valid = Arrays.copyOf(ratios, kept);
        double tail = (1 - confidence) / 2 * 100;
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(valid);
        return new Interval(estimate, percentile.evaluate(tail), percentile.evaluate(100 - tail));
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
     * NaN with fewer than two values on a side; when both sides have no variance, 1 for equal means, else 0.
     */
    public static double welchPValue(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2 || !allFinite(a) || !allFinite(b)) {
            return Double.NaN;
        }
        double varA = StatUtils.variance(a);
        double varB = StatUtils.variance(b);
        if (varA == 0 && varB == 0) {
            return StatUtils.mean(a) == StatUtils.mean(b) ? 1.0 : 0.0;
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

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
