package io.isobench.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's fingerprint (environment.json), flattened: nested objects become dotted keys
 * ({@code jvm.vmVersion}, {@code vulnerabilities.spectre_v2}), lists of values are joined, and the
 * {@code skipped}/{@code failed} lists are kept apart. Unknown keys are kept like known ones.
 */
public record Fingerprint(Path file, Map<String, String> values, List<Problem> skipped, List<Problem> failed) {

    /** A benchmark that an environment skipped or that failed there, with the reason. */
    public record Problem(String benchmark, String reason) {
    }

    public Fingerprint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        skipped = List.copyOf(skipped);
        failed = List.copyOf(failed);
    }

    /** The fingerprint of an input that has no environment.json. */
    public static Fingerprint none() {
        return new Fingerprint(null, Map.of(), List.of(), List.of());
    }

    /** The fingerprint of an environment directory whose environment.json ({@code file}) does not exist. */
    public static Fingerprint absent(Path file) {
        return new Fingerprint(file, Map.of(), List.of(), List.of());
    }

    /** Reads environment.json, or returns {@link #absent} when the file does not exist. */
    public static Fingerprint read(Path file) throws CompareException {
        if (!Files.exists(file)) {
            return absent(file);
        }
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new CompareException(file, "is not an environment fingerprint (expected a JSON object)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<Problem> skipped = new ArrayList<>();
        List<Problem> failed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String key = field.getKey();
            if ((key.equals("skipped") || key.equals("failed")) && field.getValue().isArray()) {
                List<Problem> target = key.equals("skipped") ? skipped : failed;
                for (JsonNode item : field.getValue()) {
                    target.add(item.isObject()
                            ? new Problem(item.path("benchmark").asText(""), item.path("reason").asText(""))
                            : new Problem(item.asText(), ""));
                }
                values.put(key, Integer.toString(field.getValue().size()));
            } else {
                flatten(key, field.getValue(), values);
            }
        }
        return new Fingerprint(file, values, skipped, failed);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.put(prefix, "{}");
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
            }
            if (scalars) {
                List<String> items = new ArrayList<>();
                node.forEach(item -> items.add(item.asText()));
                out.put(prefix, String.join(" ", items));
            } else {
                out.put(prefix, node.toString());
            }
        } else if (node.isNull()) {
            out.put(prefix, "null");
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** A flattened value, or null. */
    public String get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Whether the input is an environment directory whose environment.json is missing (or empty). */
    public boolean fileMissing() {
        return file != null && values.isEmpty();
    }

    /** The run's status as the launcher or suite last wrote it (running, interrupted, complete, ...), or null. */
    public String status() {
        return get("status");
    }

    public String env() {
        return get("env");
    }

    public String kind() {
        return get("kind");
    }

    public String accel() {
        return get("accel");
    }

    public String profile() {
        return get("profile");
    }

    public String runId() {
        return get("runId");
    }

    public boolean isTcg() {
        return "tcg".equalsIgnoreCase(accel());
    }
}
