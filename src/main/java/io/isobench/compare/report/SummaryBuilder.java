package io.isobench.compare.report;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.FootprintInput;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.model.FootprintTable;
import io.isobench.compare.model.Headline;
import io.isobench.compare.model.RowEvidence;
import io.isobench.compare.model.SchedulingTable;
import io.isobench.compare.model.SecondaryRow;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.FarRounds;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;
import io.isobench.schema.Summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.isobench.schema.Summary.finite;

/**
 * summary.json's content, built once from a comparison. It is data, not presentation: the numbers and words a
 * machine reads, taken from the comparison directly rather than from the report's document.
 */
public final class SummaryBuilder {

    private SummaryBuilder() {
    }

    public static Summary of(Comparison c) {
        List<Summary.HeadlineCell> headline = new ArrayList<>();
        for (Headline.Line line : c.headline().lines()) {
            line.cells().forEach((environment, cell) -> headline.add(headlineCell(line, environment, cell)));
        }
        return new Summary(Summary.SCHEMA, c.isBaselineRun() ? "baseline-run" : "baseline", c.options().title(),
                c.baselineLabels(), c.environments().stream().map(SummaryBuilder::input).toList(),
                c.rows().stream().map(SummaryBuilder::row).toList(), headline,
                c.confounds().stream().map(d -> new Summary.Confound(d.environment(), d.baseline(), d.what(),
                        d.baselineValue(), d.value(), d.why())).toList(),
                c.timeline() == null ? null : new Summary.Timeline(c.timeline().seed(), c.timeline().rounds(),
                        c.timeline().steps().size(),
                        c.timeline().steps().stream().filter(s -> !s.status().equals("ok")).count(),
                        c.farRounds().lines().stream().map(l -> new Summary.FarRounds(l.environment(), l.baseline(),
                                l.rows(), l.rounds(), l.above(), l.below(), finite(l.pValue()))).toList()),
                c.threadScaling().lines().stream().map(l -> new Summary.Scaling(l.label(), l.cpus(), l.oneThread(),
                        l.allCpus(), l.unit(), l.scaling(), finite(l.low()), finite(l.high()))).toList(),
                density(c.density()),
                new Summary.Footprints(c.footprint().ramBytes(),
                        c.footprint().entries().stream().map(SummaryBuilder::footprint).toList()),
                c.fingerprints().mismatches(),
                c.missing().stream().map(m -> new Summary.Missing(key(m.key()), m.presentIn(), m.missingIn(),
                        m.reason())).toList(),
                c.banners(), c.notes(),
                new Summary.Gate(c.options().failOnRegressionPct(), c.failsGate(),
                        c.regressions().stream().map(r -> new Summary.Regression(key(r.row().key()),
                                r.row().environment(), r.row().baseline(), finite(r.row().overheadPct()),
                                finite(r.thresholdPct()), finite(r.row().pValue()))).toList(),
                        c.unjudged().stream().map(r -> new Summary.Unjudged(key(r.key()), r.environment(),
                                r.verdict().word(), r.reason())).toList()),
                c.evidence().unsteady().stream().map(t -> new Summary.UnsteadyRow(t.environment(), t.row().benchmark(),
                        t.row().params(), finite(t.row().firstToLast()), t.row().forks())).toList(),
                c.precision(), scheduling(c));
    }

    private static List<Summary.Scheduling> scheduling(Comparison c) {
        SchedulingTable t = c.scheduling();
        SchedulingTable.Line base = t.baselineLine(c.baseline());
        return t.lines().stream().map(l -> new Summary.Scheduling(l.environment(), l.emulated(), l.forks(),
                finite(l.othersMedian()), finite(l.othersMax()), finite(l.preemptionsMedian()), l.forksByCpu(),
                finite(l.canaryCpu()), l.slowForks(), finite(l.canarySyscall()), finite(l.canaryMemory()),
                finite(l.canaryMemoryP90()), base == null || l == base || l.emulated() ? null : finite(l.canaryCpu() / base.canaryCpu()))).toList();
    }

    /** The summary of a run directory that holds only a density run. */
    public static Summary.DensityOnly densityOnly(DensityTable d) {
        return new Summary.DensityOnly(Summary.SCHEMA, density(d));
    }

    private static Summary.Input input(EnvironmentInput e) {
        return new Summary.Input(e.label(), e.env(), e.runId(), e.kind(), e.fingerprint().accel(),
                e.fingerprint().profile(), e.source().toString(), e.previousRun(), e.results().size());
    }

    private static Summary.Row row(ComparisonRow r) {
        return new Summary.Row(key(r.key()), r.area().id(), r.environment(), r.baseline(), r.unit(),
                r.direction() == Direction.HIGHER_IS_BETTER, finite(r.score()), finite(r.scoreError()),
                finite(r.baselineScore()), finite(r.baselineScoreError()), test(r.test()), finite(r.relativeError()),
                r.noisy(), r.baselineNoisy(), r.note(),
                r.net() == null ? null : new Summary.Net("ns/op", r.net().jnaCalls(), finite(r.net().score()),
                        finite(r.net().baselineScore()), test(r.net().test())),
                r.secondary().stream().map(SummaryBuilder::secondary).toList(),
                r.evidence().stream().map(e -> new Summary.EvidenceOfRow(e.kind().id(), evidence(e.environment()),
                        evidence(e.baseline()))).toList());
    }

    private static Summary.EvidenceSide evidence(RowEvidence.Side side) {
        return side == null ? null : new Summary.EvidenceSide(side.value(), side.byRound() ? "round" : "fork",
                side.samples(), side.contradicts());
    }

    private static Summary.Secondary secondary(SecondaryRow s) {
        return new Summary.Secondary(s.name(), s.unit(), s.test().direction() == Direction.HIGHER_IS_BETTER,
                finite(s.score()), finite(s.baselineScore()), finite(s.multiple()), test(s.test()));
    }

    private static Summary.TestResult test(RatioTest t) {
        return new Summary.TestResult(finite(t.ratio().estimate()), finite(t.ratio().low()), finite(t.ratio().high()),
                finite(t.cost()), finite(t.costLow()), finite(t.costHigh()), finite((t.cost() - 1) * 100),
                finite(t.level()), t.method(), finite(t.pValue()), finite(t.pAdjusted()), t.sampling().design(),
                t.sampling().unit(), t.envSamples(), t.baselineSamples(),
                t.sampling() == Sampling.ROUNDS ? t.pairs() : null, t.verdict().word(), t.reason(),
                t.farRoundsJudged() ? t.farRounds().stream().map(FarRounds.Far::round).toList() : null);
    }

    private static Summary.Key key(BenchmarkKey key) {
        return new Summary.Key(key.benchmark(), key.mode(), key.params());
    }

    private static Summary.HeadlineCell headlineCell(Headline.Line line, String environment, Headline.Cell v) {
        return new Summary.HeadlineCell(line.area() == null ? "all" : line.area().id(), environment, finite(v.cost()),
                finite(v.low()), finite(v.high()), v.basis().word(), v.rounds(), v.why().isEmpty() ? null : v.why(),
                finite(v.overheadPct()), v.benchmarks(), v.rows(),
                v.faster(), v.slower(), v.same(), v.inconclusive(), v.invalid(), finite(v.q()));
    }

    private static Summary.EnvironmentFootprint footprint(FootprintTable.Entry e) {
        Map<String, Summary.FootprintValue> values = new LinkedHashMap<>();
        e.raw().values().forEach((key, v) -> values.put(key, value(v)));
        return new Summary.EnvironmentFootprint(e.label(), e.kind(), finite(e.imageBytes()), finite(e.jvmStartMillis()),
                finite(e.startToReadyMillis()), e.startToReadyKey(), finite(e.bootToJvmReadyMillis()),
                finite(e.idleMemoryBytes()), e.instances() < 0 ? null : e.instances(),
                e.basis() == null ? null : e.basis().id(), e.densitySeries(), values);
    }

    private static Summary.FootprintValue value(FootprintInput.Value v) {
        return v.isText() ? new Summary.Text(v.text()) : new Summary.Sampled(finite(v.median()), v.samples());
    }

    /** One entry per series of the run's density.json, or null without one. */
    private static List<Summary.Density> density(DensityTable d) {
        if (d == null) {
            return null;
        }
        return d.rows().stream().map(r -> new Summary.Density(r.label(), r.instances(), finite(r.marginalBytes()),
                finite(r.firstBytes()), finite(r.pssBytes()), finite(r.startMillis()), r.stopReason())).toList();
    }
}
