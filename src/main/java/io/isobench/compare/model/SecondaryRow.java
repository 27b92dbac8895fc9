package io.isobench.compare.model;

import io.isobench.compare.stats.RatioTest;

/**
 * A secondary metric that both sides of a row report in the benchmark's own unit (JMH's {@code @AuxCounters}, such
 * as the MiB moved per second beside the operations per second), compared like the primary metric. When every
 * sample of it is the same fixed multiple of the primary's on both sides ({@code multiple}, NaN otherwise), as MiB/s
 * is of ops/s at a fixed size per operation, it says nothing the primary does not: it is shown with the primary's
 * test and is not tested a second time (a second test of the same numbers would only count twice among the tests the
 * false-discovery rate is controlled over).
 */
public record SecondaryRow(String name, String unit, double score, double baselineScore, RatioTest test,
                           double multiple) {

    /** The metric's name with its unit: {@code mebibytes} in {@code ops/s} reads {@code mebibytes/s}. */
    public String label() {
        return unit.startsWith("ops/") ? name + unit.substring(3) : name + " (" + unit + ")";
    }

    /** Whether it is a fixed multiple of the primary metric, shown with the primary's test rather than tested. */
    public boolean ofPrimary() {
        return Double.isFinite(multiple);
    }

    /** The same metric with another test (after the false-discovery-rate adjustment). */
    SecondaryRow withTest(RatioTest newTest) {
        return new SecondaryRow(name, unit, score, baselineScore, newTest, multiple);
    }
}
