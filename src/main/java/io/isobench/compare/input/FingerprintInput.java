package io.isobench.compare.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareException;
import io.isobench.schema.Caveat;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.Contradiction;
import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.Fingerprint;
import io.isobench.schema.Problem;
import io.isobench.schema.Unsteady;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An environment's environment.json as the comparison reads it: the typed {@link EnvironmentRecord} the suite and the
 * launcher wrote, and the file it came from. For the report's fingerprint table, {@link #values()} shows the record
 * flattened: nested objects become dotted keys ({@code jvm.vmVersion}, {@code vulnerabilities.spectre_v2}), lists
 * of values are joined, and the {@code skipped}/{@code failed} lists are counted.
 */
public record FingerprintInput(Path file, EnvironmentRecord record, Map<String, String> values) {

    public FingerprintInput {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    private FingerprintInput(Path file, EnvironmentRecord record) {
        this(file, record, record == null ? Map.of() : flatten(record));
    }

    /** The fingerprint of an input that has no environment.json. */
    public static FingerprintInput none() {
        return new FingerprintInput(null, null);
    }

    /** The fingerprint of an environment directory whose environment.json ({@code file}) does not exist. */
    public static FingerprintInput absent(Path file) {
        return new FingerprintInput(file, null);
    }

    /** This fingerprint with one more value (what the comparison learns beside environment.json). */
    public FingerprintInput with(String key, String value) {
        if (value == null || record == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(key, value);
        return new FingerprintInput(file, record, more);
    }

    /** Reads environment.json, or returns {@link #absent} when the file does not exist. */
    public static FingerprintInput read(Path file) throws CompareException {
        if (!UntrustedFile.present(file)) {
            return absent(file);
        }
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new CompareException(file, "is not an environment fingerprint (expected a JSON object)");
        }
        return new FingerprintInput(file, Json.bind(file, root, EnvironmentRecord.class));
    }

    private static Map<String, String> flatten(EnvironmentRecord record) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : io.isobench.schema.ResultJson.toTree(record).properties()) {
            String key = field.getKey();
            if (key.equals(io.isobench.schema.SchemaVersion.FIELD)) {
                continue; // the file's layout, not the environment's
            }
            if (key.equals("skipped") || key.equals("failed")) {
                values.put(key, Integer.toString(field.getValue().size()));
            } else {
                flatten(key, field.getValue(), values);
            }
        }
        return values;
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
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            out.put(prefix, String.join(" ", items));
        } else {
            out.put(prefix, node.asText());
        }
    }

    /** A value as the fingerprint table shows it ({@code jvm.vmVersion}), or null. */
    public String get(String key) {
        return values.get(key);
    }

    /** The environment's fingerprint proper (kernel, CPU, JVM, ...); every field null when there is no file. */
    public Fingerprint facts() {
        return record == null ? Fingerprint.named(null) : record.fingerprint();
    }

    /** The container runtime the launcher recorded, or null. */
    public ContainerRuntime containerRuntime() {
        return record == null ? null : record.containerRuntime();
    }

    /** The neighbours the environment ran beside, or null. */
    public io.isobench.schema.Neighbours neighbours() {
        return record == null ? null : record.neighbours();
    }

    /** The launcher's kernel, or null when the launcher did not record it. */
    public String hostKernel() {
        return record == null ? null : record.hostKernel();
    }

    public List<Problem> skipped() {
        return record == null ? List.of() : record.skipped();
    }

    public List<Problem> failed() {
        return record == null ? List.of() : record.failed();
    }

    /** The rows whose evidence contradicted their claim, as the suite listed them (empty before schema 2.3). */
    public List<Contradiction> contradicted() {
        return record == null ? List.of() : record.contradicted();
    }

    /** The rows whose measured iterations still trended, as the suite listed them. */
    public List<Unsteady> unsteady() {
        return record == null ? List.of() : record.unsteady();
    }

    /** What about the whole environment moves its numbers, as the suite read it from the fingerprint. */
    public List<Caveat> caveats() {
        return record == null ? List.of() : record.caveats();
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
        return record == null ? null : record.status();
    }

    public String env() {
        return facts().env();
    }

    public String kind() {
        return facts().kind();
    }

    public String accel() {
        return facts().accel();
    }

    public String profile() {
        return facts().profile();
    }

    public String runId() {
        return facts().runId();
    }

    public boolean isTcg() {
        return "tcg".equalsIgnoreCase(accel());
    }
}
