package io.isobench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate: a row is a regression when its verdict is {@code slower} (significant) and its overhead
 * exceeds the threshold for its benchmark ({@code --fail-on-regression PCT}, overridden per benchmark by the
 * thresholds file).
 */
public final class RegressionGate {

    /** Exit code when the gate finds regressions. */
    public static final int EXIT_REGRESSION = 3;

    /** A significant slowdown beyond its threshold. */
    public record Regression(ComparisonRow row, double thresholdPct) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s in %s: %s slower than %s (threshold %s %%, p %s)",
                    row.key(), row.environment(), Format.overhead(row.cost()), row.baseline(),
                    Format.plain(thresholdPct), Format.p(row.pValue()));
        }
    }

    private RegressionGate() {
    }

    static List<Regression> find(List<ComparisonRow> rows, CompareOptions options) {
        List<Regression> found = new ArrayList<>();
        if (options.failOnRegressionPct() == null) {
            return found;
        }
        for (ComparisonRow row : rows) {
            double threshold = options.thresholds().forBenchmark(row.key().benchmark(),
                    options.failOnRegressionPct());
            if (row.verdict() == Verdict.SLOWER && row.overheadPct() > threshold) {
                found.add(new Regression(row, threshold));
            }
        }
        return found;
    }
}
