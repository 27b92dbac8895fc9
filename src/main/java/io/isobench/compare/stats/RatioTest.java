package io.isobench.compare.stats;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The comparison of one metric (or a derived value such as the net of JNA) with its baseline: the ratio
 * environment / baseline with its interval, the p-value, what the samples were and how many, the interval's level
 * and method, and the verdict with its reason. {@code roundLogRatios} holds the per-round log ratios of a paired
 * row (empty otherwise), for the headline's bootstrap over rounds.
 */
public record RatioTest(Direction direction, Stats.Interval ratio, double pValue, Sampling sampling,
                        int envSamples, int baselineSamples, int pairs, double level, String method,
                        Verdict verdict, String reason, SortedMap<Integer, Double> roundLogRatios, double pAdjusted) {

    private static final Stats.Interval NONE = new Stats.Interval(Double.NaN, Double.NaN, Double.NaN);

    public RatioTest {
        roundLogRatios = roundLogRatios == null ? new TreeMap<>() : new TreeMap<>(roundLogRatios);
    }

    /**
     * A test before the false-discovery-rate adjustment over its comparison's rows
     * ({@link io.isobench.compare.model.FalseDiscovery}).
     */
    public RatioTest(Direction direction, Stats.Interval ratio, double pValue, Sampling sampling, int envSamples,
                     int baselineSamples, int pairs, double level, String method, Verdict verdict, String reason,
                     SortedMap<Integer, Double> roundLogRatios) {
        this(direction, ratio, pValue, sampling, envSamples, baselineSamples, pairs, level, method, verdict, reason,
                roundLogRatios, Double.NaN);
    }

    /** The same test with its adjusted p-value and the verdict that follows from it. */
    public RatioTest adjusted(double adjustedP, Verdict newVerdict, String newReason) {
        return new RatioTest(direction, ratio, pValue, sampling, envSamples, baselineSamples, pairs, level, method,
                newVerdict, newReason, roundLogRatios, adjustedP);
    }

    /** A comparison that has no usable ratio, and why. */
    public static RatioTest invalid(Direction direction, String reason) {
        return new RatioTest(direction, NONE, Double.NaN, Sampling.JMH_ERRORS, 0, 0, 0, Double.NaN, "", Verdict.INVALID,
                reason, null);
    }

    public boolean valid() {
        return verdict != Verdict.INVALID;
    }

    /** The ratio turned so that above 1 is slower. */
    public double cost() {
        return direction.cost(ratio.estimate());
    }

    /** Lower bound of the cost interval (NaN when none). */
    public double costLow() {
        return direction == Direction.HIGHER_IS_BETTER ? 1.0 / ratio.high() : ratio.low();
    }

    /** Upper bound of the cost interval (NaN when none). */
    public double costHigh() {
        return direction == Direction.HIGHER_IS_BETTER ? 1.0 / ratio.low() : ratio.high();
    }

    /** A compact text of the samples: {@code 5 pairs}, {@code 2+2 forks}, {@code 10+10 it.}, {@code none}. */
    public String samplesText() {
        return switch (sampling) {
            case ROUNDS -> pairs + " pairs";
            case FORKS -> envSamples + "+" + baselineSamples + " forks";
            case ITERATIONS -> envSamples + "+" + baselineSamples + " it. (1 fork)";
            case JMH_ERRORS -> "none";
        };
    }
}
