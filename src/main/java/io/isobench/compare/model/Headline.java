package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import io.isobench.suite.Area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The headline table: one line per area (and one for all benchmarks), one column per compared environment. Each
 * cell is the geometric mean of the relative costs of the area's benchmark methods (1.10 = 10 % slower than the
 * baseline): a method's cost is the geometric mean of its rows, so a method weighs the same whatever its number of
 * parameter combinations. Harness rows (the JNA baseline) measure the tool, not the isolation, and are left out.
 *
 * <p>The interval (level 1 - alpha) answers for these methods: how precisely was their mean cost measured? When every
 * row is paired by round it is a t-interval over the rounds that every row ran in (balanced: a round in which only
 * some methods ran would weigh those alone), and the cost is the mean over the same rounds, so that both describe
 * the same data. Otherwise each row's own error (the half-width of its log interval, over the normal quantile) is
 * propagated into the mean, rows taken as independent; a bootstrap over the methods would treat each method's cost
 * as exact and measure only how much the methods differ from each other (on A/A data it excluded 0). When a row has
 * no interval of its own (one fork, no spread, unbounded), the cell has none either, and says why. The table's cells
 * are one family: each cell's p-value (of the same t-test, or of the propagated normal) is adjusted with every other
 * cell's (Benjamini-Hochberg), and only a cell whose q is at most alpha is called slower or faster.
 */
public record Headline(List<String> columns, List<Line> lines) {

    /** How the interval of a cell was drawn. */
    public enum Basis {
        ROUNDS, ROW_ERRORS, NONE;

        /** The word of summary.json's {@code intervalOver}: rounds, rows or none. */
        public String word() {
            return this == ROUNDS ? "rounds" : this == ROW_ERRORS ? "rows" : "none";
        }
    }

    /**
     * A summary of the rows of one area in one environment. {@code rounds} is how many rounds the interval and cost
     * come from when the basis is rounds (0 otherwise); {@code why} says why there is no interval (empty when there
     * is one).
     */
    public record Cell(double cost, double low, double high, Basis basis, int rounds, String why, int benchmarks,
                       int rows, int faster, int slower, int same, int inconclusive, int invalid, double p, double q) {
        public double overheadPct() {
            return (cost - 1) * 100;
        }

        /**
         * Whether the cell's mean cost differs from the baseline's after the table's multiplicity: its q (the
         * Benjamini-Hochberg adjusted p over every cell of the table with an interval) at most alpha. Alone, a 95 %
         * interval that excludes 1 is one test among the table's dozens, and an A/A table would colour one in twenty.
         */
        public boolean differs(double alpha) {
            return q <= alpha;
        }

        Cell withQ(double adjusted) {
            return new Cell(cost, low, high, basis, rounds, why, benchmarks, rows, faster, slower, same, inconclusive,
                    invalid, p, adjusted);
        }
    }

    /** One area (null for "all") and its cells by column. */
    public record Line(Area area, Map<String, Cell> cells) {
        public String title() {
            return area == null ? "All" : area.title();
        }
    }

    static Headline of(List<Pair> pairs, List<ComparisonRow> rows, CompareOptions options) {
        List<String> columns = new ArrayList<>();
        pairs.forEach(p -> columns.add(p.environment().label()));
        List<ComparisonRow> measured = rows.stream().filter(r -> !r.harness()).toList();
        List<Line> lines = new ArrayList<>();
        for (Area area : Area.values()) {
            List<ComparisonRow> inArea = measured.stream().filter(r -> r.area() == area).toList();
            if (!inArea.isEmpty()) {
                lines.add(line(area, columns, inArea, options));
            }
        }
        if (lines.size() > 1) {
            lines.add(line(null, columns, measured, options));
        }
        return new Headline(columns, adjusted(lines));
    }

    /** The lines with each cell's q: the table's p-values adjusted together (Benjamini-Hochberg); NaN without one. */
    static List<Line> adjusted(List<Line> lines) {
        List<Cell> tested = lines.stream().flatMap(l -> l.cells().values().stream()).filter(c -> Double.isFinite(c.p()))
                .toList();
        double[] q = FalseDiscovery.adjustedPValues(tested.stream().mapToDouble(Cell::p).toArray());
        java.util.IdentityHashMap<Cell, Double> byCell = new java.util.IdentityHashMap<>();
        for (int i = 0; i < q.length; i++) {
            byCell.put(tested.get(i), q[i]);
        }
        List<Line> out = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            line.cells().forEach((column, cell) -> cells.put(column, cell.withQ(byCell.getOrDefault(cell, Double.NaN))));
            out.add(new Line(line.area(), cells));
        }
        return out;
    }

    private static Line line(Area area, List<String> columns, List<ComparisonRow> rows, CompareOptions options) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String column : columns) {
            List<ComparisonRow> mine = rows.stream().filter(r -> r.environment().equals(column)).toList();
            if (!mine.isEmpty()) {
                cells.put(column, cell(mine, options));
            }
        }
        return new Line(area, cells);
    }

    static Cell cell(List<ComparisonRow> rows, CompareOptions options) {
        Map<String, List<ComparisonRow>> byMethod = new LinkedHashMap<>();
        rows.stream().filter(ComparisonRow::valid)
                .forEach(r -> byMethod.computeIfAbsent(r.key().benchmark(), k -> new ArrayList<>()).add(r));
        List<List<ComparisonRow>> methods = new ArrayList<>(byMethod.values());
        double level = 1 - options.alpha();
        double logCost = mean(methods.stream().mapToDouble(Headline::logCost).toArray());
        double[] bounds = {Double.NaN, Double.NaN};
        double p = Double.NaN;
        Basis basis = Basis.NONE;
        String why = "";
        List<Integer> balanced = balancedRounds(methods);
        if (balanced.size() >= 2) {
            // A t-interval of the per-round area cost, as the rows' paired test: a percentile bootstrap of five rounds
            // knows five values and is far too narrow (an A/A run showed it excluding 1).
            basis = Basis.ROUNDS;
            double[] perRound = balanced.stream().mapToDouble(round -> meanOverMethods(methods, round)).toArray();
            logCost = mean(perRound);
            bounds = tInterval(perRound, level);
            p = tPValue(perRound);
        } else if (!methods.isEmpty()) {
            why = withoutError(methods);
            if (why.isEmpty()) {
                basis = Basis.ROW_ERRORS;
                double se = Math.sqrt(propagatedVariance(methods));
                double half = Stats.normalQuantile(level) * se;
                bounds = new double[] {logCost - half, logCost + half};
                p = se > 0 ? 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution()
                        .cumulativeProbability(Math.abs(logCost) / se)) : Double.NaN;
            }
        }
        return new Cell(Math.exp(logCost), Math.exp(bounds[0]), Math.exp(bounds[1]), basis,
                basis == Basis.ROUNDS ? balanced.size() : 0, why, methods.size(), rows.size(),
                count(rows, Verdict.FASTER), count(rows, Verdict.SLOWER), count(rows, Verdict.SAME),
                count(rows, Verdict.INCONCLUSIVE), count(rows, Verdict.INVALID), p, Double.NaN);
    }

    /** The two-sided p-value of a one-sample t-test that the values' mean is 0; NaN without spread. */
    static double tPValue(double[] values) {
        double se = Stats.standardError(values);
        if (!(se > 0)) {
            return Double.NaN;
        }
        double t = Math.abs(mean(values)) / se;
        return 2 * (1 - Stats.tDistribution(values.length - 1).cumulativeProbability(t));
    }

    /** The rounds in which every row of every method was paired; empty unless every row is paired. */
    private static List<Integer> balancedRounds(List<List<ComparisonRow>> methods) {
        TreeSet<Integer> common = null;
        for (List<ComparisonRow> method : methods) {
            for (ComparisonRow r : method) {
                if (r.test().roundLogRatios().size() < 2) {
                    return List.of();
                }
                if (common == null) {
                    common = new TreeSet<>(r.test().roundLogRatios().keySet());
                } else {
                    common.retainAll(r.test().roundLogRatios().keySet());
                }
            }
        }
        return common == null ? List.of() : List.copyOf(common);
    }

    /** Why the rows' errors cannot be propagated (a row without a real, bounded interval), or empty. */
    private static String withoutError(List<List<ComparisonRow>> methods) {
        long untested = methods.stream().flatMap(List::stream).filter(r -> !r.test().sampling().independent()).count();
        if (untested > 0) {
            return untested + (untested == 1 ? " row has" : " rows have") + " no independent samples (one fork, or JMH's errors only)";
        }
        long unbounded = methods.stream().flatMap(List::stream).filter(r -> !Double.isFinite(r.costLow())
                || !Double.isFinite(r.costHigh()) || !(r.costLow() > 0)).count();
        return unbounded == 0 ? "" : unbounded + (unbounded == 1 ? " row has" : " rows have") + " no bounded interval";
    }

    /**
     * The variance of the cell's mean log cost: the mean over methods of the mean over each method's rows, so each
     * row's squared standard error weighs (1 / (methods × its method's rows))².
     */
    private static double propagatedVariance(List<List<ComparisonRow>> methods) {
        double variance = 0;
        for (List<ComparisonRow> method : methods) {
            double weight = 1.0 / (methods.size() * method.size());
            for (ComparisonRow r : method) {
                double se = logSe(r);
                variance += weight * weight * se * se;
            }
        }
        return variance;
    }

    /**
     * A row's standard error of its log cost, read back from its interval: half the interval's width in logs over the
     * normal quantile of its level (a t-interval is wider than the normal one, so this errs on the wide side).
     */
    private static double logSe(ComparisonRow r) {
        return (Math.log(r.costHigh()) - Math.log(r.costLow())) / (2 * Stats.normalQuantile(r.test().level()));
    }

    /** The mean log cost of a method: the mean over its rows. */
    private static double logCost(List<ComparisonRow> method) {
        return mean(method.stream().mapToDouble(r -> Math.log(r.cost())).toArray());
    }

    /** The mean over methods of the mean over rows of each row's log cost in one round (in which every row ran). */
    private static double meanOverMethods(List<List<ComparisonRow>> methods, int round) {
        double[] methodLogs = new double[methods.size()];
        for (int m = 0; m < methodLogs.length; m++) {
            methodLogs[m] = mean(methods.get(m).stream().mapToDouble(r -> (r.direction() == Direction.HIGHER_IS_BETTER
                    ? -1 : 1) * r.test().roundLogRatios().get(round)).toArray());
        }
        return mean(methodLogs);
    }

    /** mean +- t * sd / sqrt(n), with n - 1 degrees of freedom. */
    static double[] tInterval(double[] values, double level) {
        if (values.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = mean(values);
        double t = Stats.tDistribution(values.length - 1)
                .inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * Stats.standardError(values);
        return new double[] {mean - half, mean + half};
    }

    private static double mean(double[] values) {
        return Stats.mean(values);
    }

    private static int count(List<ComparisonRow> rows, Verdict verdict) {
        return (int) rows.stream().filter(r -> r.verdict() == verdict).count();
    }
}
