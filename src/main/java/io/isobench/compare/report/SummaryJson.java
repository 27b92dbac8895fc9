package io.isobench.compare.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.Json;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.Confounds;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.model.FootprintTable;
import io.isobench.compare.model.Headline;
import io.isobench.compare.model.RegressionGate;
import io.isobench.compare.model.SecondaryRow;
import io.isobench.compare.model.ThreadScaling;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;

import java.util.Map;

/**
 * summary.json for machines. Top level: {@code schema}, {@code mode} (baseline | baseline-run), {@code baselines},
 * {@code environments}, {@code comparisons} (one per benchmark and environment: benchmark, mode, params, area,
 * environment, baseline, unit, score, scoreError, baselineScore, baselineScoreError, then the test: ratio, ratioLow,
 * ratioHigh, cost, costLow, costHigh, overheadPct, intervalLevel, intervalMethod, pValue, design (paired |
 * unpaired), sample (round | fork | iteration | none), envSamples, baselineSamples, pairs (paired only), verdict
 * (faster | slower | same | inconclusive | invalid), reason; then relativeError, noisy, baselineNoisy, note,
 * netOfJna (jnaCalls, score, baselineScore and a test) and secondary (name, unit, score, baselineScore and a test)),
 * {@code headline} (cost, costLow, costHigh, intervalOver, benchmarks, rows and verdict counts), {@code confounds},
 * {@code timeline}, {@code threadScaling}, {@code density} (per series of density.json), {@code footprint}, {@code fingerprintMismatches}, {@code missing}, {@code banners},
 * {@code notes}, {@code gate} (with the rows it could not judge, {@code unjudged}). Numbers that are NaN or
 * infinite are written as null.
 */
public final class SummaryJson {

    public static final String SCHEMA = "isobench-compare/2";

    private SummaryJson() {
    }

    public static String render(Comparison c) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree(c)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary.json could not be written", e);
        }
    }

    public static ObjectNode tree(Comparison c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("schema", SCHEMA);
        root.put("mode", c.isBaselineRun() ? "baseline-run" : "baseline");
        root.put("title", c.options().title());
        ArrayNode baselines = root.putArray("baselines");
        c.baselineLabels().forEach(baselines::add);
        ArrayNode envs = root.putArray("environments");
        for (EnvironmentInput e : c.environments()) {
            ObjectNode n = envs.addObject();
            n.put("label", e.label());
            n.put("env", e.env());
            n.put("runId", e.runId());
            n.put("kind", e.kind());
            n.put("accel", e.fingerprint().accel());
            n.put("profile", e.fingerprint().profile());
            n.put("source", e.source().toString());
            n.put("previousRun", e.previousRun());
            n.put("benchmarks", e.results().size());
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (ComparisonRow r : c.rows()) {
            ObjectNode n = comparisons.addObject();
            key(n, r.key());
            n.put("area", r.area().id());
            n.put("environment", r.environment());
            n.put("baseline", r.baseline());
            n.put("unit", r.unit());
            n.put("higherIsBetter", r.direction() == Direction.HIGHER_IS_BETTER);
            number(n, "score", r.score());
            number(n, "scoreError", r.scoreError());
            number(n, "baselineScore", r.baselineScore());
            number(n, "baselineScoreError", r.baselineScoreError());
            test(n, r.test());
            number(n, "relativeError", r.relativeError());
            n.put("noisy", r.noisy());
            n.put("baselineNoisy", r.baselineNoisy());
            n.put("note", r.note());
            if (r.net() == null) {
                n.putNull("netOfJna");
            } else {
                ObjectNode net = n.putObject("netOfJna");
                net.put("unit", "ns/op");
                net.put("jnaCalls", r.net().jnaCalls());
                number(net, "score", r.net().score());
                number(net, "baselineScore", r.net().baselineScore());
                test(net, r.net().test());
            }
            ArrayNode secondary = n.putArray("secondary");
            for (SecondaryRow s : r.secondary()) {
                ObjectNode m = secondary.addObject();
                m.put("name", s.name());
                m.put("unit", s.unit());
                number(m, "score", s.score());
                number(m, "baselineScore", s.baselineScore());
                test(m, s.test());
            }
        }
        ArrayNode headline = root.putArray("headline");
        for (Headline.Line line : c.headline().lines()) {
            for (Map.Entry<String, Headline.Cell> cell : line.cells().entrySet()) {
                ObjectNode n = headline.addObject();
                n.put("area", line.area() == null ? "all" : line.area().id());
                n.put("environment", cell.getKey());
                Headline.Cell v = cell.getValue();
                number(n, "cost", v.cost());
                number(n, "costLow", v.low());
                number(n, "costHigh", v.high());
                n.put("intervalOver", v.basis().word());
                number(n, "overheadPct", v.overheadPct());
                n.put("benchmarks", v.benchmarks());
                n.put("rows", v.rows());
                n.put("faster", v.faster());
                n.put("slower", v.slower());
                n.put("same", v.same());
                n.put("inconclusive", v.inconclusive());
                n.put("invalid", v.invalid());
            }
        }
        ArrayNode confounds = root.putArray("confounds");
        for (Confounds.Confound d : c.confounds()) {
            ObjectNode n = confounds.addObject();
            n.put("environment", d.environment());
            n.put("baseline", d.baseline());
            n.put("what", d.what());
            n.put("baselineValue", d.baselineValue());
            n.put("value", d.value());
            n.put("why", d.why());
        }
        if (c.timeline() == null) {
            root.putNull("timeline");
        } else {
            ObjectNode t = root.putObject("timeline");
            if (c.timeline().seed() == null) {
                t.putNull("seed");
            } else {
                t.put("seed", c.timeline().seed());
            }
            t.put("rounds", c.timeline().rounds());
            t.put("steps", c.timeline().steps().size());
            t.put("notOk", c.timeline().steps().stream().filter(s -> !s.status().equals("ok")).count());
        }
        ArrayNode scaling = root.putArray("threadScaling");
        for (ThreadScaling.Line line : c.threadScaling().lines()) {
            ObjectNode l = scaling.addObject();
            l.put("environment", line.label());
            l.put("cpus", line.cpus());
            l.put("oneThread", line.oneThread());
            l.put("allCpus", line.allCpus());
            l.put("unit", line.unit());
            l.put("scaling", line.scaling());
        }
        density(root, c.density());
        ObjectNode footprint = root.putObject("footprint");
        footprint.put("ramBytes", c.footprint().ramBytes());
        ArrayNode fpEnvs = footprint.putArray("environments");
        for (FootprintTable.Entry e : c.footprint().entries()) {
            ObjectNode n = fpEnvs.addObject();
            n.put("environment", e.label());
            n.put("kind", e.kind());
            number(n, "imageBytes", e.imageBytes());
            number(n, "startMillis", e.startMillis());
            n.put("startKey", e.startKey());
            number(n, "idleMemoryBytes", e.idleMemoryBytes());
            if (e.instances() < 0) {
                n.putNull("instancesInRam");
            } else {
                n.put("instancesInRam", e.instances());
            }
            ObjectNode values = n.putObject("values");
            e.raw().values().forEach((key, v) -> {
                if (v.isText()) {
                    values.put(key, v.text());
                    return;
                }
                ObjectNode value = values.putObject(key);
                number(value, "median", v.median());
                ArrayNode samples = value.putArray("samples");
                v.samples().forEach(samples::add);
            });
        }
        ArrayNode mismatches = root.putArray("fingerprintMismatches");
        c.fingerprints().mismatches().forEach(mismatches::add);
        ArrayNode missing = root.putArray("missing");
        for (Comparison.Missing m : c.missing()) {
            ObjectNode n = missing.addObject();
            key(n, m.key());
            n.put("presentIn", m.presentIn());
            n.put("missingIn", m.missingIn());
            n.put("reason", m.reason());
        }
        ArrayNode banners = root.putArray("banners");
        c.banners().forEach(banners::add);
        ArrayNode notes = root.putArray("notes");
        c.notes().forEach(notes::add);
        ObjectNode gate = root.putObject("gate");
        if (c.options().failOnRegressionPct() == null) {
            gate.putNull("failOnRegressionPct");
        } else {
            gate.put("failOnRegressionPct", c.options().failOnRegressionPct());
        }
        gate.put("failed", c.failsGate());
        ArrayNode regressions = gate.putArray("regressions");
        for (RegressionGate.Regression reg : c.regressions()) {
            ObjectNode n = regressions.addObject();
            key(n, reg.row().key());
            n.put("environment", reg.row().environment());
            n.put("baseline", reg.row().baseline());
            number(n, "overheadPct", reg.row().overheadPct());
            number(n, "thresholdPct", reg.thresholdPct());
            number(n, "pValue", reg.row().pValue());
        }
        ArrayNode unjudged = gate.putArray("unjudged");
        for (ComparisonRow row : c.unjudged()) {
            ObjectNode n = unjudged.addObject();
            key(n, row.key());
            n.put("environment", row.environment());
            n.put("verdict", row.verdict().word());
            n.put("reason", row.reason());
        }
        return root;
    }

    /** The fields of one test: ratio and interval, cost, p, design and samples, verdict and reason. */
    private static void test(ObjectNode n, RatioTest t) {
        number(n, "ratio", t.ratio().estimate());
        number(n, "ratioLow", t.ratio().low());
        number(n, "ratioHigh", t.ratio().high());
        number(n, "cost", t.cost());
        number(n, "costLow", t.costLow());
        number(n, "costHigh", t.costHigh());
        number(n, "overheadPct", (t.cost() - 1) * 100);
        number(n, "intervalLevel", t.level());
        n.put("intervalMethod", t.method());
        number(n, "pValue", t.pValue());
        number(n, "pAdjusted", t.pAdjusted());
        n.put("design", t.sampling().design());
        n.put("sample", t.sampling().unit());
        n.put("envSamples", t.envSamples());
        n.put("baselineSamples", t.baselineSamples());
        if (t.sampling() == Sampling.ROUNDS) {
            n.put("pairs", t.pairs());
        }
        n.put("verdict", t.verdict().word());
        n.put("reason", t.reason());
    }

    private static void key(ObjectNode n, BenchmarkKey key) {
        n.put("benchmark", key.benchmark());
        n.put("mode", key.mode());
        ObjectNode params = n.putObject("params");
        key.params().forEach(params::put);
    }

    /** {@code density}: one object per series of the run's density.json, or null without one. */
    static void density(ObjectNode root, DensityTable d) {
        if (d == null) {
            root.putNull("density");
            return;
        }
        ArrayNode series = root.putArray("density");
        for (DensityTable.Row r : d.rows()) {
            ObjectNode n = series.addObject();
            n.put("kind", r.label());
            n.put("instances", r.instances());
            number(n, "marginalBytes", r.marginalBytes());
            number(n, "firstBytes", r.firstBytes());
            number(n, "hostProcessesPssBytes", r.pssBytes());
            number(n, "startToReadyMillis", r.startMillis());
            n.put("stopReason", r.stopReason());
        }
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
