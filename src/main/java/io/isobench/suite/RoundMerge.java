package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.util.ListStatistics;
import org.openjdk.jmh.util.MultisetStatistics;
import org.openjdk.jmh.util.Statistics;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges the JMH results of one round into an environment's {@code jmh.json}: a benchmark configuration measured in
 * several rounds stays one entry of JMH's own format, whose forks are the rounds' forks, so that JMH's tools still read
 * it. {@link #ROUNDS} names the round of each fork, in the order of {@code rawData}; score, error, confidence and
 * percentiles are recomputed over all forks with JMH's own statistics, as JMH computes them for a run of several forks.
 */
public final class RoundMerge {

    /** The field of a result entry that gives each fork's round: one number per element of rawData. */
    public static final String ROUNDS = "isobenchRounds";
    /** The confidence level of JMH's scoreError and scoreConfidence. */
    private static final double JMH_CONFIDENCE = 0.999;
    private static final List<Double> PERCENTILES = List.of(0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0);

    private RoundMerge() {
    }

    /** Adds {@code step}'s entries (JMH's JSON of one round) to {@code merged}, tagging their forks with {@code round}. */
    public static void merge(ArrayNode merged, JsonNode step, int round) {
        for (JsonNode entry : step) {
            ObjectNode existing = find(merged, entry);
            int forks = forks(entry.path("primaryMetric"));
            if (existing == null) {
                ObjectNode copy = entry.deepCopy();
                ArrayNode rounds = copy.putArray(ROUNDS);
                for (int i = 0; i < forks; i++) {
                    rounds.add(round);
                }
                merged.add(copy);
                continue;
            }
            appendForks((ObjectNode) existing.get("primaryMetric"), entry.path("primaryMetric"));
            JsonNode secondary = entry.path("secondaryMetrics");
            ObjectNode existingSecondary = existing.has("secondaryMetrics") && existing.get("secondaryMetrics").isObject()
                    ? (ObjectNode) existing.get("secondaryMetrics") : existing.putObject("secondaryMetrics");
            for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> metric = it.next();
                if (existingSecondary.get(metric.getKey()) instanceof ObjectNode known) {
                    appendForks(known, metric.getValue());
                } else {
                    existingSecondary.set(metric.getKey(), metric.getValue().deepCopy());
                }
            }
            ArrayNode rounds = existing.has(ROUNDS) && existing.get(ROUNDS).isArray()
                    ? (ArrayNode) existing.get(ROUNDS) : existing.putArray(ROUNDS);
            for (int i = 0; i < forks; i++) {
                rounds.add(round);
            }
            existing.put("forks", forks(existing.path("primaryMetric")));
        }
    }

    private static ObjectNode find(ArrayNode merged, JsonNode entry) {
        for (JsonNode candidate : merged) {
            if (candidate.path("benchmark").equals(entry.path("benchmark"))
                    && candidate.path("mode").equals(entry.path("mode"))
                    && candidate.path("params").equals(entry.path("params"))) {
                return (ObjectNode) candidate;
            }
        }
        return null;
    }

    private static int forks(JsonNode metric) {
        JsonNode raw = metric.has("rawDataHistogram") ? metric.get("rawDataHistogram") : metric.path("rawData");
        return raw.isArray() ? raw.size() : 0;
    }

    /** Appends the other metric's forks and recomputes the summary over all of them. */
    private static void appendForks(ObjectNode metric, JsonNode other) {
        String field = metric.has("rawDataHistogram") ? "rawDataHistogram" : "rawData";
        ArrayNode forks = metric.has(field) && metric.get(field).isArray() ? (ArrayNode) metric.get(field) : metric.putArray(field);
        other.path(field).forEach(fork -> forks.add(fork.deepCopy()));
        Statistics statistics = field.equals("rawData") ? iterations(forks) : samples(forks);
        if (statistics.getN() == 0) {
            return;
        }
        metric.put("score", statistics.getMean());
        putNumber(metric, "scoreError", statistics.getMeanErrorAt(JMH_CONFIDENCE));
        ArrayNode confidence = metric.putArray("scoreConfidence");
        for (double bound : statistics.getConfidenceIntervalAt(JMH_CONFIDENCE)) {
            addNumber(confidence, bound);
        }
        ObjectNode percentiles = metric.putObject("scorePercentiles");
        for (double p : PERCENTILES) {
            putNumber(percentiles, String.valueOf(p), statistics.getPercentile(p));
        }
    }

    /** Throughput and average time: one value per iteration. */
    private static Statistics iterations(ArrayNode forks) {
        ListStatistics statistics = new ListStatistics();
        forks.forEach(fork -> fork.forEach(value -> statistics.addValue(value.asDouble())));
        return statistics;
    }

    /** Sample mode: per fork, per iteration, a list of [value, count]. */
    private static Statistics samples(ArrayNode forks) {
        MultisetStatistics statistics = new MultisetStatistics();
        forks.forEach(fork -> fork.forEach(iteration -> iteration.forEach(bin ->
                statistics.addValue(bin.path(0).asDouble(), bin.path(1).asLong()))));
        return statistics;
    }

    /** JMH writes NaN and infinities as the strings "NaN", "+INF", "-INF"; so does this. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.isNaN(value) ? "NaN" : value > 0 ? "+INF" : "-INF");
        }
    }

    private static void addNumber(ArrayNode node, double value) {
        if (Double.isFinite(value)) {
            node.add(value);
        } else {
            node.add(Double.isNaN(value) ? "NaN" : value > 0 ? "+INF" : "-INF");
        }
    }
}
