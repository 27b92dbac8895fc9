package io.isobench.compare.input;

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

    /** host, container, vm or other: from the fingerprint, else from the env name. */
    public String kind() {
        String kind = fingerprint.kind();
        if (kind != null && !kind.isBlank()) {
            return kind;
        }
        if (env.equals("host") || env.startsWith("host-")) {
            return "host";
        }
        if (env.startsWith("container")) {
            return "container";
        }
        if (env.startsWith("vm")) {
            return "vm";
        }
        return "other";
    }

    /** Whether the environment ran under QEMU's TCG emulation. */
    public boolean isTcg() {
        return fingerprint.isTcg() || (fingerprint.accel() == null && env.endsWith("-tcg"));
    }
}
