package io.isobench.compare.input;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A sample-mode result's distribution as JMH stored it, in the metric's unit: every sample of every fork and iteration
 * pooled from its {@code rawDataHistogram} ({@code values} ascending and distinct, {@code counts} how many samples had
 * each), and JMH's own percentiles over the same samples ({@code scorePercentiles}, by percent: 50.0, 90.0, 99.0,
 * 99.9 ...). Either part may be empty when the file lacks it.
 */
public record SampleDistribution(String unit, double[] values, double[] counts, SortedMap<Double, Double> percentiles) {

    public SampleDistribution {
        if (values.length != counts.length) {
            throw new IllegalArgumentException(values.length + " values for " + counts.length + " counts");
        }
        percentiles = Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
    }

    /**
     * The distribution of pooled {@code value -> count} bins (in any order; a value that is not a finite number, or a
     * count that is not a positive one, is left out) and JMH's percentiles.
     */
    static SampleDistribution of(String unit, Map<Double, Double> bins, Map<Double, Double> percentiles) {
        double[] values = bins.entrySet().stream().filter(b -> Double.isFinite(b.getKey())
                && Double.isFinite(b.getValue()) && b.getValue() > 0).mapToDouble(Map.Entry::getKey).sorted().toArray();
        double[] counts = Arrays.stream(values).map(bins::get).toArray();
        return new SampleDistribution(unit, values, counts, new TreeMap<>(percentiles));
    }

    /** How many samples the histogram holds. */
    public double total() {
        return Arrays.stream(counts).sum();
    }

    /** The share of samples at or below each value, in the order of {@link #values()}; the last is 1. */
    public double[] cumulative() {
        double total = total();
        double[] at = new double[counts.length];
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i];
            at[i] = sum / total;
        }
        return at;
    }

    /** JMH's percentile at this percent (50.0 for the median), or NaN when the file has none. */
    public double percentile(double percent) {
        Double v = percentiles.get(percent);
        return v == null ? Double.NaN : v;
    }

    /** The same distribution in another unit: every value and percentile times {@code factor}. */
    public SampleDistribution convert(double factor, String newUnit) {
        SortedMap<Double, Double> scaled = new TreeMap<>();
        percentiles.forEach((p, v) -> scaled.put(p, v * factor));
        return new SampleDistribution(newUnit, Arrays.stream(values).map(v -> v * factor).toArray(), counts, scaled);
    }
}
