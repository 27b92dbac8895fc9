package io.isobench.compare.stats;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The comparison of one metric (or a derived value such as the net of JNA) with its baseline: the ratio
 * environment / baseline with its interval, the p-value, what the samples were and how many, the interval's level
 * and method, and the verdict with its reason. {@code roundLogRatios} holds the per-round log ratios of a paired
 * row (empty otherwise), for the headline's t-interval over rounds. {@code equivalence} is the same ratio's
 * 1 - 2 alpha interval, on which {@code same} is decided (two one-sided tests at alpha each, TOST); its bounds are NaN
 * when the row has no real test.
 */
public record RatioTest(Direction direction, Stats.Interval ratio, double pValue, Sampling sampling,
                        int envSamples, int baselineSamples, int pairs, double level, String method,
                        Verdict verdict, String reason, SortedMap<Integer, Double> roundLogRatios, double pAdjusted,
                        Stats.Interval equivalence) {

    private static final Stats.Interval NONE = new Stats.Interval(Double.NaN, Double.NaN, Double.NaN);

    public RatioTest {
        roundLogRatios = roundLogRatios == null ? new TreeMap<>() : new TreeMap<>(roundLogRatios);
        equivalence = equivalence == null ? NONE : equivalence;
    }

    /**
     * A test before the false-discovery-rate adjustment over its comparison's rows
     * ({@link io.isobench.compare.model.FalseDiscovery}).
     */
    public RatioTest(Direction direction, Stats.Interval ratio, double pValue, Sampling sampling, int envSamples,
                     int baselineSamples, int pairs, double level, String method, Verdict verdict, String reason,
                     SortedMap<Integer, Double> roundLogRatios) {
        this(direction, ratio, pValue, sampling, envSamples, baselineSamples, pairs, level, method, verdict, reason,
                roundLogRatios, Double.NaN, NONE);
    }

    /** A test before the false-discovery-rate adjustment, with the 1 - 2 alpha interval its {@code same} used. */
    public RatioTest(Direction direction, Stats.Interval ratio, Stats.Interval equivalence, double pValue,
                     Sampling sampling, int envSamples, int baselineSamples, int pairs, double level, String method,
                     Verdict.Decision decision, SortedMap<Integer, Double> roundLogRatios) {
        this(direction, ratio, pValue, sampling, envSamples, baselineSamples, pairs, level, method,
                decision.verdict(), decision.reason(), roundLogRatios, Double.NaN, equivalence);
    }

    /** The same test with its adjusted p-value and the verdict that follows from it. */
    public RatioTest adjusted(double adjustedP, Verdict newVerdict, String newReason) {
        return new RatioTest(direction, ratio, pValue, sampling, envSamples, baselineSamples, pairs, level, method,
                newVerdict, newReason, roundLogRatios, adjustedP, equivalence);
    }

    /** The same test under another method text (a metric shown with the test of another it is a multiple of). */
    public RatioTest describedAs(String newMethod) {
        return new RatioTest(direction, ratio, pValue, sampling, envSamples, baselineSamples, pairs, level, newMethod,
                verdict, reason, roundLogRatios, pAdjusted, equivalence);
    }

    /** Whether this is a real test that takes part in the false-discovery-rate adjustment: independent samples, a p. */
    public boolean tested() {
        return sampling.independent() && Double.isFinite(pValue);
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

    /** Whether this row's rounds are judged for far ones: paired by round in {@value FarRounds#MIN_ROUNDS} or more. */
    public boolean farRoundsJudged() {
        return sampling == Sampling.ROUNDS && roundLogRatios.size() >= FarRounds.MIN_ROUNDS;
    }

    /** The rounds whose log cost lies far from this row's others ({@link FarRounds}); none where not judged. */
    public List<FarRounds.Far> farRounds() {
        if (!farRoundsJudged()) {
            return List.of();
        }
        SortedMap<Integer, Double> logCosts = new TreeMap<>();
        roundLogRatios.forEach((round, log) ->
                logCosts.put(round, direction == Direction.HIGHER_IS_BETTER ? -log : log));
        return FarRounds.of(logCosts);
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
