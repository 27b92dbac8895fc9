package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.Verdict;
import io.isobench.schema.ExitCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate: a row is a regression when its verdict is {@code slower} (a real test: independent samples,
 * p below alpha, interval clear of 1) and its overhead exceeds the threshold for its benchmark
 * ({@code --fail-on-regression PCT}, overridden per benchmark by the thresholds file). Rows without a real test
 * (inconclusive or invalid) cannot fail it; they are listed as not judged.
 */
public final class RegressionGate {

    /** Exit code when the gate finds regressions ({@link ExitCode#PARTIAL} is a partial run, another thing). */
    public static final int EXIT_REGRESSION = ExitCode.REGRESSION;

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

    /** The rows the gate could not judge (no real test); empty without {@code --fail-on-regression}. */
    static List<ComparisonRow> unjudged(List<ComparisonRow> rows, CompareOptions options) {
        return options.failOnRegressionPct() == null ? List.of()
                : rows.stream().filter(r -> !r.verdict().judged()).toList();
    }

    /** One line for a row the gate could not judge. */
    public static String describeUnjudged(ComparisonRow row) {
        return row.key() + " in " + row.environment() + ": " + row.verdict().word() + " (" + row.reason() + ")";
    }
}
