package io.isobench.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** JMH result entries as jmh.json holds them, made up for tests of what the suite reads from them. */
public final class JmhEntries {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JmhEntries() {
    }

    /**
     * An entry of one fork with one measured iteration, whose secondary metrics have the given values and whose primary
     * metric is 1.0.
     */
    public static ObjectNode entry(String benchmark, Map<String, String> params, Map<String, Double> secondaries) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("benchmark", benchmark);
        entry.put("mode", "avgt");
        ObjectNode p = entry.putObject("params");
        params.forEach(p::put);
        primary(entry, List.of(List.of(1.0)));
        ObjectNode secondary = entry.putObject("secondaryMetrics");
        secondaries.forEach((name, value) -> {
            ObjectNode metric = secondary.putObject(name);
            metric.put("score", value);
            metric.put("scoreUnit", "#");
            metric.putArray("rawData").addArray().add(value);
        });
        return entry;
    }

    /** Replaces the entry's primary metric with these iterations, per fork. */
    public static ObjectNode primary(ObjectNode entry, List<List<Double>> forks) {
        ObjectNode primary = entry.putObject("primaryMetric");
        primary.put("score", 1.0);
        primary.put("scoreUnit", "ns/op");
        ArrayNode raw = primary.putArray("rawData");
        forks.forEach(fork -> {
            ArrayNode iterations = raw.addArray();
            fork.forEach(iterations::add);
        });
        return entry;
    }

    public static ArrayNode results(ObjectNode... entries) {
        ArrayNode results = MAPPER.createArrayNode();
        for (ObjectNode entry : entries) {
            results.add(entry);
        }
        return results;
    }
}
