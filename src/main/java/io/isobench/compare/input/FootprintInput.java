package io.isobench.compare.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareException;
import io.isobench.schema.Footprint;
import io.isobench.schema.Measurement;
import io.isobench.schema.ResultJson;
import io.isobench.schema.SchemaVersion;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's footprint.json as the comparison reads it: the typed {@link Footprint} the
 * launcher wrote and, for the report's table of every value, {@link #values()}: each field that was measured, by its
 * key in the file, as a number, a measurement or a text.
 */
public record FootprintInput(Footprint record, Map<String, Value> values) {

    /**
     * One footprint value as the report shows it: its median and the samples it came from (empty for a single
     * number); or, for a value that is not a number (the image's tag), that value as text (median NaN).
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

    public FootprintInput {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private FootprintInput(Footprint record) {
        this(record, record == null ? Map.of() : values(record));
    }

    public static FootprintInput none() {
        return new FootprintInput(null);
    }

    /** Reads footprint.json, or returns {@link #none()} when the file does not exist. */
    public static FootprintInput read(Path file) throws CompareException {
        if (!UntrustedFile.present(file)) {
            return none();
        }
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new CompareException(file, "is not a footprint (expected a JSON object)");
        }
        return new FootprintInput(Json.bind(file, root, Footprint.class));
    }

    private static Map<String, Value> values(Footprint record) {
        Map<String, Value> values = new LinkedHashMap<>();
        JsonNode root = ResultJson.toTree(record);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove(SchemaVersion.FIELD);
        add(values, "", root);
        return values;
    }

    /**
     * Adds an object's fields under {@code prefix}: numbers and texts as they are, measurements (objects with a median)
     * as medians with samples, other objects (the image as shipped) field by field as {@code shipped.osBytes}.
     */
    private static void add(Map<String, Value> values, String prefix, JsonNode object) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = prefix + field.getKey();
            JsonNode node = field.getValue();
            if (node.isNumber()) {
                values.put(key, new Value(node.doubleValue(), List.of()));
            } else if (node.isObject() && (node.has("median") || node.has("samples"))) {
                Measurement m = ResultJson.toValue(node, Measurement.class);
                values.put(key, new Value(m.median(), m.samples()));
            } else if (node.isObject()) {
                add(values, key + ".", node);
            } else {
                values.put(key, new Value(Double.NaN, List.of(), node.asText()));
            }
        }
    }

    /** The footprint as the launcher wrote it; every field null when there is none. */
    public Footprint measured() {
        return record != null ? record : Footprint.empty();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
