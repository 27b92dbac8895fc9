package io.isobench.compare.stats;

import java.util.Locale;

/**
 * The verdict on one benchmark in one environment against the baseline. {@code FASTER}/{@code SLOWER}: the test's p
 * is below alpha and the (1 - alpha) interval of the ratio excludes 1. {@code SAME}: the whole (1 - 2 alpha) interval
 * lies within the equivalence margin around 1 (from 1 / (1 + margin) to 1 + margin), so a difference larger than the
 * margin is ruled out by two one-sided tests at alpha each (TOST; at alpha 0.05 the 90 % interval, as equivalence
 * tests use). {@code INCONCLUSIVE}: anything else, with the reason (too few samples, interval too wide, one fork).
 * {@code INVALID}: no usable ratio (a score that is NaN, infinite, zero or negative, or units that cannot be
 * compared).
 */
public enum Verdict {
    FASTER, SLOWER, SAME, INCONCLUSIVE, INVALID;

    /** A verdict and, unless faster or slower, why. */
    public record Decision(Verdict verdict, String reason) {
    }

    /**
     * Decides from a ratio (environment / baseline) with its 1 - alpha interval, its 1 - 2 alpha interval
     * ({@code equivalence}, for {@code same}) and the p-value of "the ratio is 1". Only call it for a real test
     * (independent samples on both sides); otherwise the row is inconclusive.
     */
    public static Decision decide(Direction direction, Stats.Interval ratio, Stats.Interval equivalence, double pValue,
                                  double alpha, double margin) {
        double r = ratio.estimate();
        if (!Double.isFinite(r) || r <= 0) {
            return new Decision(INVALID, "the ratio is not a positive number");
        }
        if (!ratio.hasBounds()) {
            return new Decision(INCONCLUSIVE, "unbounded interval: the samples are too few or too spread");
        }
        if (Double.isFinite(pValue) && pValue < alpha && !ratio.contains(1.0)) {
            boolean higher = r > 1.0;
            return new Decision(higher == (direction == Direction.HIGHER_IS_BETTER) ? FASTER : SLOWER, "");
        }
        return equivalence(equivalence, alpha, margin, "");
    }

    /**
     * {@code SAME} when the whole 1 - 2 alpha interval lies within the margin (TOST), else {@code INCONCLUSIVE} with
     * {@code why} (or, when empty, that the interval reaches beyond the margin). Also used after the false-discovery
     * adjustment takes a row's {@code faster}/{@code slower} away: its equivalence is checked as any other row's.
     */
    public static Decision equivalence(Stats.Interval equivalence, double alpha, double margin, String why) {
        if (equivalence.hasBounds() && equivalence.low() >= 1 / (1 + margin) && equivalence.high() <= 1 + margin) {
            return new Decision(SAME, "");
        }
        return new Decision(INCONCLUSIVE, !why.isEmpty() ? why : equivalence.hasBounds()
                ? "the " + Format.plain(Math.round(equivalenceLevel(alpha) * 1000) / 10.0)
                        + " % interval reaches beyond the \u00b1" + Format.plain(margin * 100) + " % margin"
                : "no equivalence interval");
    }

    /** The level of the interval {@code same} is decided on: 1 - 2 alpha (90 % at alpha 0.05). */
    public static double equivalenceLevel(double alpha) {
        return 1 - 2 * alpha;
    }

    /** The word used in reports and summary.json. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the row was judged: a real test said faster, slower or same. */
    public boolean judged() {
        return this == FASTER || this == SLOWER || this == SAME;
    }
}
