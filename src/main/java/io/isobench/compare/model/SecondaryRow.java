package io.isobench.compare.model;

import io.isobench.compare.stats.RatioTest;

/**
 * A secondary metric that both sides of a row report in the benchmark's own unit (JMH's {@code @AuxCounters}, such
 * as the MiB moved per second beside the operations per second), compared like the primary metric.
 */
public record SecondaryRow(String name, String unit, double score, double baselineScore, RatioTest test) {

    /** The metric's name with its unit: {@code mebibytes} in {@code ops/s} reads {@code mebibytes/s}. */
    public String label() {
        return unit.startsWith("ops/") ? name + unit.substring(3) : name + " (" + unit + ")";
    }
}
