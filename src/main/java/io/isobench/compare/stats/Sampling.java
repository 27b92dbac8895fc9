package io.isobench.compare.stats;

import java.util.Locale;

/**
 * What one sample of a row is. {@code ROUNDS}: the mean of one round of an interleaved run, paired with the
 * baseline's sample of the same round. {@code FORKS}: one JVM's mean, unpaired. {@code ITERATIONS}: one iteration of
 * a single JVM (not independent: never a verdict). {@code JMH_ERRORS}: no samples, only JMH's own 99.9 % errors.
 */
public enum Sampling {
    ROUNDS, FORKS, ITERATIONS, JMH_ERRORS;

    /** {@code paired} for rounds, {@code unpaired} otherwise (summary.json's {@code design}). */
    public String design() {
        return this == ROUNDS ? "paired" : "unpaired";
    }

    /** The word used in summary.json: round, fork, iteration or none. */
    public String unit() {
        return switch (this) {
            case ROUNDS -> "round";
            case FORKS -> "fork";
            case ITERATIONS -> "iteration";
            case JMH_ERRORS -> "none";
        };
    }

    /** Whether the samples are independent, so that a test on them can support a verdict. */
    public boolean independent() {
        return this == ROUNDS || this == FORKS;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
