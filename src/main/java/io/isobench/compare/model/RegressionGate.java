package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.Verdict;
import io.isobench.schema.ExitCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The regression gate: a row is a regression when its verdict is {@code slower} (a real test: independent samples,
 * p below alpha after the false-discovery adjustment, interval clear of 1) and the lower bound of its cost interval
 * is above the threshold for its benchmark ({@code --fail-on-regression PCT}, overridden per benchmark by the
 * thresholds file): the slowdown is shown to exceed the threshold, not only estimated to. A row the gate cannot judge
 * is listed as such: one without a real test (inconclusive or invalid), or one whose interval reaches past the
 * threshold without lying wholly above it (the data allow a slowdown beyond the threshold and one within it).
 */
public final class RegressionGate {

    /** Exit code when the gate finds regressions ({@link ExitCode#PARTIAL} is a partial run, another thing). */
    public static final int EXIT_REGRESSION = ExitCode.REGRESSION;

    /** A significant slowdown beyond its threshold. */
    public record Regression(ComparisonRow row, double thresholdPct) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s in %s: %s %s slower than %s (threshold %s %%, p %s)",
                    row.key(), row.environment(), Format.overhead(row.cost()), costInterval(row), row.baseline(),
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
            double threshold = threshold(row, options);
            if (row.verdict() == Verdict.SLOWER && row.costLow() > 1 + threshold / 100) {
                found.add(new Regression(row, threshold));
            }
        }
        return found;
    }

    private static double threshold(ComparisonRow row, CompareOptions options) {
        return options.thresholds().forBenchmark(row.key().benchmark(), options.failOnRegressionPct());
    }

    /**
     * The rows the gate could not judge: no real test, or an interval that reaches past the threshold without lying
     * wholly above it; empty without {@code --fail-on-regression}.
     */
    static List<ComparisonRow> unjudged(List<ComparisonRow> rows, CompareOptions options) {
        return options.failOnRegressionPct() == null ? List.of()
                : rows.stream().filter(r -> !r.verdict().judged() || straddles(r, threshold(r, options))).toList();
    }

    /** Whether the row's cost interval holds both a slowdown above the threshold and one at or below it. */
    private static boolean straddles(ComparisonRow row, double thresholdPct) {
        double limit = 1 + thresholdPct / 100;
        return !(row.costLow() > limit) && row.costHigh() > limit;
    }

    /** One line for a row the gate could not judge. */
    public static String describeUnjudged(ComparisonRow row) {
        String why = row.reason().isEmpty() ? Format.overhead(row.cost()) + " " + costInterval(row)
                + ": the interval reaches past the threshold without lying above it" : row.reason();
        return row.key() + " in " + row.environment() + ": " + row.verdict().word() + " (" + why + ")";
    }

    /** The cost interval as overheads: {@code [+25.0 %, +35.1 %]}. */
    private static String costInterval(ComparisonRow row) {
        return "[" + Format.overhead(row.costLow()) + ", " + Format.overhead(row.costHigh()) + "]";
    }
}
