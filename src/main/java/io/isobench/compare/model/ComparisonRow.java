package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import io.isobench.suite.Area;

import java.util.List;

/**
 * One benchmark in one environment against its baseline. {@code test} holds the ratio (environment score / baseline
 * score, in the baseline's unit) with its 1 - alpha interval, the p-value, the design and sample counts, and the
 * verdict with its reason; cost is the ratio turned so that above 1 is slower whichever way the unit points.
 * {@code scoreError} and {@code baselineScoreError} are each side's 1 - alpha half-width, from the standard error of
 * its round means (else its fork means; see {@link RowCalculator#halfWidth}), {@code relativeError} this
 * environment's over its score, and {@code noisy} that relative error above the threshold: this side alone cannot
 * resolve a difference of that size. {@code net} is set for syscall rows
 * that call through JNA when both environments have the JNA baseline benchmark; {@code secondary} holds the
 * secondary metrics both sides report in the benchmark's unit; {@code evidence} what each side's evidence counters show
 * ({@link RowEvidence}: not performance numbers, never tested).
 */
public record ComparisonRow(BenchmarkKey key, String environment, String baseline, String unit,
                            Direction direction, double score, double scoreError, double baselineScore,
                            double baselineScoreError, RatioTest test, double relativeError, boolean noisy,
                            boolean baselineNoisy, String note, NetOfJna net, List<SecondaryRow> secondary,
                            List<RowEvidence> evidence) {

    /** The same row with another test (after the false-discovery-rate adjustment). */
    ComparisonRow withTest(RatioTest newTest) {
        return with(newTest, secondary, evidence);
    }

    /** The same row with another test, secondary metrics and evidence ({@link NotComparable}). */
    ComparisonRow with(RatioTest newTest, List<SecondaryRow> newSecondary, List<RowEvidence> newEvidence) {
        return new ComparisonRow(key, environment, baseline, unit, direction, score, scoreError, baselineScore,
                baselineScoreError, newTest, relativeError, noisy, baselineNoisy, note, net, newSecondary, newEvidence);
    }

    /** The same row with the test of its precision plan ({@link PlannedRows}) and that plan's note added. */
    ComparisonRow planned(RatioTest newTest, String planNote) {
        return new ComparisonRow(key, environment, baseline, unit, direction, score, scoreError, baselineScore,
                baselineScoreError, newTest, relativeError, noisy, baselineNoisy,
                note.isEmpty() ? planNote : note + "; " + planNote, net, secondary, evidence);
    }

    /** The same row with other tests of its net and secondary metrics (after the false-discovery-rate adjustment). */
    ComparisonRow withDerived(NetOfJna newNet, List<SecondaryRow> newSecondary) {
        return new ComparisonRow(key, environment, baseline, unit, direction, score, scoreError, baselineScore,
                baselineScoreError, test, relativeError, noisy, baselineNoisy, note, newNet, newSecondary, evidence);
    }

    public ComparisonRow {
        secondary = List.copyOf(secondary);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Area area() {
        return key.area();
    }

    public Stats.Interval ratio() {
        return test.ratio();
    }

    public double pValue() {
        return test.pValue();
    }

    public Verdict verdict() {
        return test.verdict();
    }

    /** Why the row is inconclusive or invalid; empty for faster, slower and same. */
    public String reason() {
        return test.reason();
    }

    public double cost() {
        return test.cost();
    }

    /** Lower bound of the cost interval (NaN when none). */
    public double costLow() {
        return test.costLow();
    }

    /** Upper bound of the cost interval (NaN when none). */
    public double costHigh() {
        return test.costHigh();
    }

    /** (cost - 1) in percent: how much slower the environment is. */
    public double overheadPct() {
        return (cost() - 1) * 100;
    }

    public boolean valid() {
        return test.valid();
    }

    /** Whether the row's evidence lets it be compared at all (its verdict is not {@code not comparable}). */
    public boolean comparable() {
        return test.verdict() != Verdict.NOT_COMPARABLE;
    }

    /** Whether this row is a harness row (the JNA baseline), which measures the tool rather than the isolation. */
    public boolean harness() {
        return key.isJnaBaseline();
    }
}
