package io.isobench.launcher.core;

import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.TwoStage;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a run asked for with {@code --precision PCT --budget TIME}: each paired row's 1 - alpha interval within
 * ±{@code precision} (a fraction), with rounds planned after a pilot and the rounds, pilot included, within
 * {@code budget} (see {@link PrecisionPlanner}).
 */
public record PrecisionGoal(double precision, Duration budget) {

    public PrecisionGoal {
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("--precision is a percentage above 0 and below 100");
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("--budget must be a positive time, such as 20m or 1h30m");
        }
    }

    /**
     * The goal of {@code --precision PCT} and {@code --budget TIME}, or null when neither is given; one given without
     * the other is a usage error.
     */
    public static PrecisionGoal of(Double percent, String budget) {
        if (percent == null && (budget == null || budget.isBlank())) {
            return null;
        }
        if (percent == null) {
            throw new IllegalArgumentException("--budget needs --precision PCT (the interval's half-width to plan for)");
        }
        if (budget == null || budget.isBlank()) {
            throw new IllegalArgumentException("--precision needs --budget TIME (the longest the rounds may take, "
                    + "such as 20m)");
        }
        return new PrecisionGoal(percent / 100, duration(budget));
    }

    /** {@code 90s}, {@code 20m}, {@code 1h30m}: hours, minutes and seconds, each with its unit. */
    static Duration duration(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (t.isEmpty() || !t.matches("(\\d+H)?(\\d+M)?(\\d+S)?")) {
                throw new DateTimeParseException("", t, 0);
            }
            return Duration.parse("PT" + t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--budget '" + text + "' is not a time: write it as 90s, 20m or 1h30m");
        }
    }

    /**
     * The most of the budget a pilot takes once it is trimmed: two thirds, so that at least a third is left for the
     * rounds planned after it (unless the six rounds of the smallest trimmed pilot take more). Chosen by replaying whole
     * runs (docs/measurements/precision-pilot-2026-12-06): a pilot of ten where ten rounds are short against the budget
     * (it estimates the spread better), fewer where they are not (the rounds after a pilot go only to the benchmarks
     * that need them, so a round of those buys more precision than a pilot round of every benchmark).
     */
    public static final double PILOT_SHARE = 2.0 / 3;

    /**
     * Whether a pilot of {@code planned} rounds ends after {@code round} of them, which took {@code elapsed}: from the
     * smallest pilot that is trimmed ({@link TwoStage#MIN_TRIMMED_PILOT} rounds) on, when one more round at the
     * pilot's pace so far would pass {@link #PILOT_SHARE} of the budget. The length depends on time alone, never on the
     * rounds' results, so the plan's validity is untouched.
     */
    public boolean pilotEndsAfter(int round, int planned, Duration elapsed) {
        if (round >= planned || round < TwoStage.MIN_TRIMMED_PILOT) {
            return false;
        }
        return elapsed.toMillis() / (double) round * (round + 1) > PILOT_SHARE * budget.toMillis();
    }

    /**
     * Whether a pilot of {@code planned} rounds expected to take {@code seconds} will end early by
     * {@link #pilotEndsAfter}'s rule: it can from six rounds on, and does where its rounds pass {@link #PILOT_SHARE}
     * of the budget.
     */
    public boolean pilotExpectedToEndEarly(int planned, double seconds) {
        return planned > TwoStage.MIN_TRIMMED_PILOT && seconds > PILOT_SHARE * budget.toSeconds();
    }

    /** When the pilot ends at the latest, from six rounds on: {@link #PILOT_SHARE} of the budget, in seconds. */
    public long pilotSeconds() {
        return Math.round(PILOT_SHARE * budget.toSeconds());
    }

    /** {@code ±5 %} */
    public String text() {
        return Format.plusMinusPercent(precision);
    }
}
