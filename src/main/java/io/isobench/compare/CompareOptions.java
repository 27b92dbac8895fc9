package io.isobench.compare;

import io.isobench.compare.input.Thresholds;

/**
 * How to compare.
 *
 * @param baseline            env name or label of the baseline; null means {@code host} (or, when no input is
 *                            called host, the first environment)
 * @param alpha               significance level of the tests, below 0.5; intervals are at level 1 - alpha, and
 *                            {@code same} is decided on the 1 - 2 alpha interval (TOST)
 * @param equivalence         the margin (fraction, 0.05 = 5 %) within which a whole interval means {@code same}
 * @param noiseThreshold      relative error (fraction, 0.05 = 5 %) above which a result is flagged noisy
 * @param ramBytes            the RAM for "instances that fit"
 * @param allowMismatch       compare although JVM builds, jar hashes or profiles differ
 * @param failOnRegressionPct the regression gate's default threshold in percent, or null for no gate
 * @param thresholds          per-benchmark overrides of that threshold
 * @param resamples           bootstrap resamples per row
 * @param seed                bootstrap seed
 * @param title               a subtitle for the reports, or null
 */
public record CompareOptions(String baseline, double alpha, double equivalence, double noiseThreshold, long ramBytes,
                             boolean allowMismatch, Double failOnRegressionPct, Thresholds thresholds,
                             int resamples, long seed, String title) {

    public static final String DEFAULT_BASELINE = "host";
    public static final long DEFAULT_RAM = 64L << 30;
    public static final int DEFAULT_RESAMPLES = 2000;
    /** Far beyond what a percentile bound needs; more only costs time (see {@link io.isobench.compare.stats.BootstrapBudget}). */
    public static final int MAX_RESAMPLES = 100_000;
    public static final long DEFAULT_SEED = 20240601L;
    public static final double DEFAULT_EQUIVALENCE = 0.05;

    public CompareOptions {
        thresholds = thresholds == null ? Thresholds.none() : thresholds;
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be between 0 and 0.5 (same is decided on the 1 - 2 alpha "
                    + "interval)");
        }
        if (!(equivalence > 0 && equivalence < 1)) {
            throw new IllegalArgumentException("the equivalence margin must be between 0 and 100 %");
        }
        if (!(noiseThreshold >= 0)) {
            throw new IllegalArgumentException("the noise threshold must not be negative");
        }
        if (resamples < 0 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be between 0 and " + MAX_RESAMPLES);
        }
    }

    /** host baseline, alpha 0.05, 5 % equivalence margin, 5 % noise, 64 GiB, no mismatch, no gate, 2000 resamples. */
    public static CompareOptions defaults() {
        return new CompareOptions(null, 0.05, DEFAULT_EQUIVALENCE, 0.05, DEFAULT_RAM, false, null, Thresholds.none(),
                DEFAULT_RESAMPLES, DEFAULT_SEED, null);
    }

    public CompareOptions withBaseline(String value) {
        return new CompareOptions(value, alpha, equivalence, noiseThreshold, ramBytes, allowMismatch, failOnRegressionPct,
                thresholds, resamples, seed, title);
    }

    public CompareOptions withAlpha(double value) {
        return new CompareOptions(baseline, value, equivalence, noiseThreshold, ramBytes, allowMismatch, failOnRegressionPct,
                thresholds, resamples, seed, title);
    }
}
