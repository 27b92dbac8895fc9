package io.isobench.compare;

import java.util.Locale;

/**
 * The verdict on one benchmark in one environment against the baseline. {@code FASTER}/{@code SLOWER} need both
 * Welch's p below alpha and a ratio interval that excludes 1 (when there is no p-value, e.g. without per-iteration
 * data, the interval alone decides). {@code SAME} is no significant difference. {@code INVALID} is a score that is
 * NaN or infinite on either side, or units that cannot be compared.
 */
public enum Verdict {
    FASTER, SLOWER, SAME, INVALID;

    public static Verdict decide(Direction direction, Stats.Interval ratio, double pValue, double alpha) {
        double r = ratio.estimate();
        if (!Double.isFinite(r) || r <= 0) {
            return INVALID;
        }
        boolean testable = Double.isFinite(pValue) || ratio.hasBounds();
        boolean significant = testable
                && (!Double.isFinite(pValue) || pValue < alpha)
                && (!ratio.hasBounds() || !ratio.contains(1.0));
        if (!significant || r == 1.0) {
            return SAME;
        }
        boolean higher = r > 1.0;
        return higher == (direction == Direction.HIGHER_IS_BETTER) ? FASTER : SLOWER;
    }

    /** The word used in reports and summary.json. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
