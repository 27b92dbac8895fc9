package io.isobench.compare.input;

import io.isobench.schema.EnvironmentKind;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One environment's results as loaded: its label in the report (the env name, or {@code <run-id>/<env>} when two
 * inputs share an env name), the env name, the run id (the run directory's name), where it came from, its
 * benchmark results and, when present, its fingerprint and footprint. {@code previousRun} marks the environments
 * of {@code --baseline-run}.
 */
public record EnvironmentInput(String label, String env, String runId, Path source, List<BenchmarkResult> results,
                               FingerprintInput fingerprint, FootprintInput footprint, boolean previousRun) {

    public EnvironmentInput {
        results = List.copyOf(results);
    }

    public EnvironmentInput withLabel(String newLabel) {
        return new EnvironmentInput(newLabel, env, runId, source, results, fingerprint, footprint, previousRun);
    }

    /** Results by key, in file order. */
    public Map<BenchmarkKey, BenchmarkResult> byKey() {
        Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>();
        results.forEach(r -> map.put(r.key(), r));
        return Collections.unmodifiableMap(map);
    }

    /** The kind the fingerprint records; for results older than it, what the env name says. */
    public EnvironmentKind environmentKind() {
        return EnvironmentKind.of(fingerprint.kind(), env);
    }

    /** {@link #environmentKind()}'s id: host, container, vm, other, or a registered kind's. */
    public String kind() {
        return environmentKind().id();
    }

    /** Whether the environment ran under QEMU's TCG emulation. */
    public boolean isTcg() {
        return fingerprint.isTcg() || (fingerprint.accel() == null && env.endsWith("-tcg"));
    }
}
