package io.isobench.compare.input;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a jmh.json file: the key, the primary metric, the secondary metrics by (normalised) name and, for a
 * sample-mode entry, its distribution (null otherwise).
 */
public record BenchmarkResult(BenchmarkKey key, Metric primary, Map<String, Metric> secondary,
                              SampleDistribution distribution) {

    public BenchmarkResult {
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary == null ? Map.of() : secondary));
    }

    /** A result without a distribution (not sample mode). */
    public BenchmarkResult(BenchmarkKey key, Metric primary, Map<String, Metric> secondary) {
        this(key, primary, secondary, null);
    }

    /** The same result without round numbers (see {@link Metric#withoutRounds}). */
    public BenchmarkResult withoutRounds() {
        Map<String, Metric> plain = new LinkedHashMap<>();
        secondary.forEach((name, metric) -> plain.put(name, metric.withoutRounds()));
        return new BenchmarkResult(key, primary.withoutRounds(), plain, distribution);
    }
}
