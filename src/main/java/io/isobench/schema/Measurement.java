package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;

/**
 * A footprint value measured repeatedly: {@code {"median": m, "samples": [...]}}. A plain number reads as a median
 * without samples; samples without a median read with their median.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measurement(double median, List<Double> samples) {

    public Measurement {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    @JsonCreator
    static Measurement read(@JsonProperty("median") Double median, @JsonProperty("samples") List<Double> samples) {
        if (median == null && (samples == null || samples.isEmpty())) {
            throw new IllegalArgumentException("has neither a median nor samples");
        }
        if (samples != null && samples.contains(null)) {
            throw new IllegalArgumentException("has a sample that is not a number");
        }
        return median != null ? new Measurement(median, samples) : of(samples);
    }

    /** A single number. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Measurement single(double value) {
        return new Measurement(value, List.of());
    }

    /** The samples with their median. */
    public static Measurement of(List<Double> samples) {
        return new Measurement(median(samples), samples);
    }

    public static double median(List<Double> samples) {
        double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(median);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(median);
    }

    @Override
    public String toString() {
        return median + " " + Arrays.toString(samples.toArray());
    }
}
