package io.isobench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * summary.json for machines. Top level: {@code schema}, {@code mode} (baseline | baseline-run),
 * {@code baselines}, {@code environments}, {@code comparisons} (one per benchmark and environment: benchmark, mode,
 * params, area, environment, baseline, unit, score, scoreError, baselineScore, baselineScoreError, ratio, ratioLow,
 * ratioHigh, cost, costLow, costHigh, overheadPct, pValue, verdict, relativeError, noisy, baselineNoisy, note,
 * netOfJna), {@code headline}, {@code footprint}, {@code fingerprintMismatches}, {@code missing}, {@code banners},
 * {@code notes}, {@code gate}. Numbers that are NaN or infinite are written as null.
 */
public final class SummaryJson {

    public static final String SCHEMA = "isobench-compare/1";

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
            n.put("benchmark", r.key().benchmark());
            n.put("mode", r.key().mode());
            ObjectNode params = n.putObject("params");
            r.key().params().forEach(params::put);
            n.put("area", r.area().id());
            n.put("environment", r.environment());
            n.put("baseline", r.baseline());
            n.put("unit", r.unit());
            n.put("higherIsBetter", r.direction() == Direction.HIGHER_IS_BETTER);
            number(n, "score", r.score());
            number(n, "scoreError", r.scoreError());
            number(n, "baselineScore", r.baselineScore());
            number(n, "baselineScoreError", r.baselineScoreError());
            number(n, "ratio", r.ratio().estimate());
            number(n, "ratioLow", r.ratio().low());
            number(n, "ratioHigh", r.ratio().high());
            number(n, "cost", r.cost());
            number(n, "costLow", r.costLow());
            number(n, "costHigh", r.costHigh());
            number(n, "overheadPct", r.overheadPct());
            number(n, "pValue", r.pValue());
            n.put("verdict", r.verdict().word());
            number(n, "relativeError", r.relativeError());
            n.put("noisy", r.noisy());
            n.put("baselineNoisy", r.baselineNoisy());
            n.put("note", r.note());
            if (r.net() == null) {
                n.putNull("netOfJna");
            } else {
                ObjectNode net = n.putObject("netOfJna");
                net.put("unit", "ns/op");
                number(net, "score", r.net().score());
                number(net, "baselineScore", r.net().baselineScore());
                number(net, "ratio", r.net().ratio());
            }
        }
        ArrayNode headline = root.putArray("headline");
        for (Headline.Line line : c.headline().lines()) {
            for (Map.Entry<String, Headline.Cell> cell : line.cells().entrySet()) {
                ObjectNode n = headline.addObject();
                n.put("area", line.area() == null ? "all" : line.area().id());
                n.put("environment", cell.getKey());
                number(n, "medianCost", cell.getValue().medianCost());
                number(n, "overheadPct", cell.getValue().overheadPct());
                n.put("count", cell.getValue().count());
                n.put("slower", cell.getValue().slower());
                n.put("faster", cell.getValue().faster());
                n.put("same", cell.getValue().same());
                n.put("invalid", cell.getValue().invalid());
            }
        }
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
            n.put("benchmark", m.key().benchmark());
            n.put("mode", m.key().mode());
            ObjectNode params = n.putObject("params");
            m.key().params().forEach(params::put);
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
            n.put("benchmark", reg.row().key().benchmark());
            n.put("mode", reg.row().key().mode());
            ObjectNode params = n.putObject("params");
            reg.row().key().params().forEach(params::put);
            n.put("environment", reg.row().environment());
            n.put("baseline", reg.row().baseline());
            number(n, "overheadPct", reg.row().overheadPct());
            number(n, "thresholdPct", reg.thresholdPct());
            number(n, "pValue", reg.row().pValue());
        }
        return root;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
