package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.TwoStage;
import io.isobench.compare.stats.Verdict;
import io.isobench.schema.PrecisionRecord;

import java.util.Optional;
import java.util.TreeMap;

/**
 * The rows of a run asked for a precision: each row that the launcher planned after its pilot
 * ({@link PrecisionRecord}) is tested by Stein's two-stage procedure ({@link TwoStage}) on all its rounds, with the
 * pilot's standard deviation and degrees of freedom, so that its interval keeps its coverage although its number of
 * rounds was chosen from data; its note says whether it reached the precision and in how many rounds.
 */
final class PlannedRows {

    private PlannedRows() {
    }

    /** The benchmark a planned row names. */
    static BenchmarkKey key(PrecisionRecord.Row planned) {
        return new BenchmarkKey(planned.benchmark(), planned.mode(), new TreeMap<>(planned.params()));
    }

    /** Whether a planned row is this environment's benchmark against this baseline. */
    static boolean names(PrecisionRecord.Row planned, String environment, String baseline, BenchmarkKey key) {
        return planned.environment().equals(environment) && planned.baseline().equals(baseline)
                && key(planned).equals(key);
    }

    /** The planned row of an environment's benchmark against its baseline, if the run planned one. */
    static Optional<PrecisionRecord.Row> find(PrecisionRecord plan, String environment, String baseline,
                                              BenchmarkKey key) {
        if (plan == null) {
            return Optional.empty();
        }
        return plan.rows().stream().filter(r -> names(r, environment, baseline, key)).findFirst();
    }

    /** The row tested as planned, or as it is when it was not planned or is not paired by round. */
    static ComparisonRow apply(ComparisonRow row, PrecisionRecord plan, CompareOptions options) {
        Optional<PrecisionRecord.Row> planned = find(plan, row.environment(), row.baseline(), row.key());
        RatioTest t = row.test();
        if (planned.isEmpty() || t.sampling() != Sampling.ROUNDS || t.roundLogRatios().size() < 2
                || !(planned.get().pilotSd() > 0) || t.verdict() == Verdict.INVALID) {
            return row;
        }
        PrecisionRecord.Row p = planned.get();
        double[] logs = t.roundLogRatios().values().stream().mapToDouble(Double::doubleValue).toArray();
        TwoStage.Plan stage = new TwoStage.Plan(p.pilotRounds(), p.pilotSd(), p.rounds(), p.reachesPrecision(),
                p.trim());
        double alpha = options.alpha();
        Stats.Tested main = TwoStage.test(logs, stage, 1 - alpha);
        Stats.Interval equivalence = TwoStage.test(logs, stage, Verdict.equivalenceLevel(alpha)).ratio();
        Verdict.Decision decision = Verdict.decide(t.direction(), main.ratio(), equivalence, main.pValue(), alpha,
                options.equivalence());
        RatioTest stein = new RatioTest(t.direction(), main.ratio(), equivalence, main.pValue(), Sampling.ROUNDS,
                t.envSamples(), t.baselineSamples(), t.pairs(), 1 - alpha, method(p), decision,
                t.roundLogRatios());
        return row.planned(stein, note(plan, p, logs.length));
    }

    /**
     * The method of a planned row's test: {@code Stein's two-stage t on the 20 % trimmed mean of per-round log ratios
     * (pilot of 10 rounds, its winsorized SD 0.042)}, or on their mean for a pilot that was not trimmed.
     */
    static String method(PrecisionRecord.Row p) {
        return p.trim() > 0
                ? "Stein's two-stage t on the " + Math.round(100 * p.trim()) + " % trimmed mean of per-round log ratios "
                        + "(pilot of " + p.pilotRounds() + " rounds, its winsorized SD " + Format.num(p.pilotSd()) + ")"
                : "Stein's two-stage t on per-round log ratios (pilot of " + p.pilotRounds() + " rounds, its SD "
                        + Format.num(p.pilotSd()) + ")";
    }

    /**
     * {@code precision ±5 % reached: 9 rounds paired, 7 needed}, or why not: the budget, or steps that failed.
     */
    static String note(PrecisionRecord plan, PrecisionRecord.Row row, int paired) {
        String asked = "precision " + Format.plusMinusPercent(plan.precision());
        if (row.reachedWith(paired)) {
            return asked + " reached: " + paired + " rounds paired, " + row.neededRounds() + " needed";
        }
        if (!row.reachesPrecision()) {
            return asked + " not reached: the budget gave " + row.rounds() + " rounds of " + row.neededRounds()
                    + " needed";
        }
        return asked + " not reached: " + paired + " rounds paired of " + row.neededRounds() + " needed (steps failed)";
    }
}
