package io.isobench.compare.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of a jmh.json file: the key, the primary metric and the secondary metrics by (normalised) name. */
public record BenchmarkResult(BenchmarkKey key, Metric primary, Map<String, Metric> secondary) {

    public BenchmarkResult {
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary == null ? Map.of() : secondary));
    }

    /** The same result without round numbers (see {@link Metric#withoutRounds}). */
    public BenchmarkResult withoutRounds() {
        Map<String, Metric> plain = new LinkedHashMap<>();
        secondary.forEach((name, metric) -> plain.put(name, metric.withoutRounds()));
        return new BenchmarkResult(key, primary.withoutRounds(), plain);
    }
}
