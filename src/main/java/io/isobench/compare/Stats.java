package io.isobench.compare;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics of a comparison: the ratio of means with a percentile-bootstrap confidence interval (fixed seed),
 * and Welch's two-sided t-test from commons-math3.
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

    private Stats() {
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
