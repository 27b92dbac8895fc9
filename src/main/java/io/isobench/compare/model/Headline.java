package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.stats.BootstrapBudget;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import io.isobench.suite.Area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The headline table: one line per area (and one for all benchmarks), one column per compared environment. Each
 * cell is the geometric mean of the relative costs of the area's benchmark methods (1.10 = 10 % slower than the
 * baseline): a method's cost is the geometric mean of its rows, so a method weighs the same whatever its number of
 * parameter combinations. Harness rows (the JNA baseline) measure the tool, not the isolation, and are left out.
 * The interval (level 1 - alpha) is a t-interval over rounds when every row is paired by round (the rounds' area
 * costs, as the rows' own paired test), otherwise a percentile bootstrap over the methods; with one method and no
 * rounds there is none.
 */
public record Headline(List<String> columns, List<Line> lines) {

    /** How the interval of a cell was drawn. */
    public enum Basis {
        ROUNDS, BENCHMARKS, NONE;

        public String word() {
            return this == ROUNDS ? "rounds" : this == BENCHMARKS ? "benchmarks" : "none";
        }
    }

    /** A summary of the rows of one area in one environment. */
    public record Cell(double cost, double low, double high, Basis basis, int benchmarks, int rows, int faster,
                       int slower, int same, int inconclusive, int invalid) {
        public double overheadPct() {
            return (cost - 1) * 100;
        }
    }

    /** One area (null for "all") and its cells by column. */
    public record Line(Area area, Map<String, Cell> cells) {
        public String title() {
            return area == null ? "All" : area.title();
        }
    }

    static Headline of(List<Pair> pairs, List<ComparisonRow> rows, CompareOptions options, BootstrapBudget budget) {
        List<String> columns = new ArrayList<>();
        pairs.forEach(p -> columns.add(p.environment().label()));
        List<ComparisonRow> measured = rows.stream().filter(r -> !r.harness()).toList();
        List<Line> lines = new ArrayList<>();
        for (Area area : Area.values()) {
            List<ComparisonRow> inArea = measured.stream().filter(r -> r.area() == area).toList();
            if (!inArea.isEmpty()) {
                lines.add(line(area, columns, inArea, options, budget));
            }
        }
        if (lines.size() > 1) {
            lines.add(line(null, columns, measured, options, budget));
        }
        return new Headline(columns, lines);
    }

    private static Line line(Area area, List<String> columns, List<ComparisonRow> rows, CompareOptions options,
                             BootstrapBudget budget) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String column : columns) {
            List<ComparisonRow> mine = rows.stream().filter(r -> r.environment().equals(column)).toList();
            if (!mine.isEmpty()) {
                cells.put(column, cell(mine, options, budget));
            }
        }
        return new Line(area, cells);
    }

    static Cell cell(List<ComparisonRow> rows, CompareOptions options, BootstrapBudget budget) {
        Map<String, List<ComparisonRow>> byMethod = new LinkedHashMap<>();
        rows.stream().filter(ComparisonRow::valid)
                .forEach(r -> byMethod.computeIfAbsent(r.key().benchmark(), k -> new ArrayList<>()).add(r));
        List<List<ComparisonRow>> methods = new ArrayList<>(byMethod.values());
        double cost = Math.exp(mean(methods.stream().mapToDouble(Headline::logCost).toArray()));
        double[] bounds = {Double.NaN, Double.NaN};
        Basis basis = Basis.NONE;
        TreeSet<Integer> rounds = new TreeSet<>();
        boolean paired = !methods.isEmpty();
        for (List<ComparisonRow> method : methods) {
            for (ComparisonRow r : method) {
                paired &= r.test().roundLogRatios().size() >= 2;
                rounds.addAll(r.test().roundLogRatios().keySet());
            }
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        double[] draws = new double[options.resamples()];
        if (paired && rounds.size() >= 2) {
            // Over rounds, a t-interval of the per-round area cost, as the rows' paired test: a percentile bootstrap
            // of five rounds knows five values and is far too narrow (an A/A run showed it excluding 1).
            basis = Basis.ROUNDS;
            double[] perRound = rounds.stream().mapToDouble(round -> meanOverMethods(methods, List.of(round)))
                    .filter(Double::isFinite).toArray();
            bounds = tInterval(perRound, 1 - options.alpha());
        } else if (methods.size() >= 2 && draws.length >= 10 && budget.take((long) draws.length * methods.size())) {
            basis = Basis.BENCHMARKS;
            double[] logs = methods.stream().mapToDouble(Headline::logCost).toArray();
            for (int i = 0; i < draws.length; i++) {
                double sum = 0;
                for (int j = 0; j < logs.length; j++) {
                    sum += logs[random.nextInt(logs.length)];
                }
                draws[i] = sum / logs.length;
            }
            bounds = percentiles(draws, 1 - options.alpha());
        }
        return new Cell(cost, Math.exp(bounds[0]), Math.exp(bounds[1]), basis, methods.size(), rows.size(),
                count(rows, Verdict.FASTER), count(rows, Verdict.SLOWER), count(rows, Verdict.SAME),
                count(rows, Verdict.INCONCLUSIVE), count(rows, Verdict.INVALID));
    }

    /** The mean log cost of a method: the mean over its rows. */
    private static double logCost(List<ComparisonRow> method) {
        return mean(method.stream().mapToDouble(r -> Math.log(r.cost())).toArray());
    }

    /** The mean over methods of the mean over rows of each row's mean log cost in the drawn rounds. */
    private static double meanOverMethods(List<List<ComparisonRow>> methods, List<Integer> drawn) {
        List<Double> methodLogs = new ArrayList<>();
        for (List<ComparisonRow> method : methods) {
            List<Double> rowLogs = new ArrayList<>();
            for (ComparisonRow r : method) {
                double sign = r.direction() == Direction.HIGHER_IS_BETTER ? -1 : 1;
                double[] logs = drawn.stream().filter(r.test().roundLogRatios()::containsKey)
                        .mapToDouble(round -> sign * r.test().roundLogRatios().get(round)).toArray();
                if (logs.length > 0) {
                    rowLogs.add(mean(logs));
                }
            }
            if (!rowLogs.isEmpty()) {
                methodLogs.add(mean(rowLogs.stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return mean(methodLogs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** mean +- t * sd / sqrt(n), with n - 1 degrees of freedom. */
    static double[] tInterval(double[] values, double level) {
        if (values.length < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = mean(values);
        double sd = Math.sqrt(java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1));
        double t = Stats.tDistribution(values.length - 1)
                .inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * sd / Math.sqrt(values.length);
        return new double[] {mean - half, mean + half};
    }

    private static double[] percentiles(double[] draws, double level) {
        double[] finite = java.util.Arrays.stream(draws).filter(Double::isFinite).toArray();
        return finite.length < 10 ? new double[] {Double.NaN, Double.NaN} : Stats.percentileBounds(finite, level);
    }

    private static double mean(double[] values) {
        return Stats.mean(values);
    }

    private static int count(List<ComparisonRow> rows, Verdict verdict) {
        return (int) rows.stream().filter(r -> r.verdict() == verdict).count();
    }
}
