package io.isobench.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An environment's footprint (footprint.json): a flat object whose values are a number or
 * {@code {"median": n, "samples": [n...]}}. Keys depend on the kind of environment (imageBytes, jvmStartMillis,
 * bootToJvmReadyMillis, idleMemoryBytes ...); unknown keys are kept.
 */
public record Footprint(Map<String, Value> values) {

    /**
     * One footprint measurement: its median and the samples it came from (empty for a single number); or, for an
     * unknown key whose value is not a number, that value as text (median NaN).
     */
    public record Value(double median, List<Double> samples, String text) {
        public Value {
            samples = List.copyOf(samples);
        }

        public Value(double median, List<Double> samples) {
            this(median, samples, null);
        }

        public double min() {
            return samples.stream().mapToDouble(Double::doubleValue).min().orElse(median);
        }

        public double max() {
            return samples.stream().mapToDouble(Double::doubleValue).max().orElse(median);
        }

        public boolean isText() {
            return text != null;
        }
    }

    /** The keys the project defines; their values must be numbers or {median, samples}. */
    public static final Set<String> KNOWN_KEYS = Set.of("jvmStartMillis", "idleMemoryBytes", "imageBytes",
            "startToReadyMillis", "writableLayerBytes", "baseImageBytes", "kernelInitrdBytes", "overlayBytes",
            "bootToInitMillis", "bootToJvmReadyMillis");

    public Footprint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Footprint none() {
        return new Footprint(Map.of());
    }

    /** Reads footprint.json, or returns {@link #none()} when the file does not exist. */
    public static Footprint read(Path file) throws CompareException {
        if (!Files.exists(file)) {
            return none();
        }
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new CompareException(file, "is not a footprint (expected a JSON object)");
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode node = field.getValue();
            Double plain = Json.number(node);
            if (plain != null) {
                values.put(field.getKey(), new Value(plain, List.of()));
            } else if (!KNOWN_KEYS.contains(field.getKey()) && !looksLikeMeasurement(node)) {
                values.put(field.getKey(), new Value(Double.NaN, List.of(),
                        node.isValueNode() ? node.asText() : node.toString()));
            } else if (node.isObject()) {
                List<Double> samples = new ArrayList<>();
                for (JsonNode sample : node.path("samples")) {
                    Double v = Json.number(sample);
                    if (v == null) {
                        throw new CompareException(file, field.getKey() + " has a non-numeric sample");
                    }
                    samples.add(v);
                }
                Double median = Json.number(node.get("median"));
                if (median == null) {
                    if (samples.isEmpty()) {
                        throw new CompareException(file, field.getKey() + " has neither a median nor samples");
                    }
                    median = Stats.median(samples.stream().mapToDouble(Double::doubleValue).toArray());
                }
                values.put(field.getKey(), new Value(median, samples));
            } else if (!node.isNull()) {
                throw new CompareException(file, field.getKey() + " is neither a number nor {median, samples}");
            }
        }
        return new Footprint(values);
    }

    private static boolean looksLikeMeasurement(JsonNode node) {
        return node.isObject() && (node.has("median") || node.has("samples"));
    }

    /** The median of a key, or NaN when absent. */
    public double median(String key) {
        Value v = values.get(key);
        return v == null ? Double.NaN : v.median();
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
