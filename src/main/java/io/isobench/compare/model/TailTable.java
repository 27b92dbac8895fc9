package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.SampleDistribution;
import io.isobench.compare.stats.Units;
import io.isobench.suite.Area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency distributions of the rows measured in JMH's sample mode, as JMH stored them: per benchmark, one line per
 * environment (each baseline before the environments compared with it), in the unit of the benchmark's first line.
 * Computed once from a comparison for the page's tail plots and the percentile tables.
 */
public record TailTable(List<Plot> plots) {

    /** JMH's mode name of sample mode. */
    public static final String SAMPLE_MODE = "sample";

    /**
     * One environment's distribution of a benchmark; {@code against} names the environments it is the baseline of in
     * this plot (empty for an environment compared with a baseline).
     */
    public record Line(String label, List<String> against, SampleDistribution distribution) {

        public Line {
            against = List.copyOf(against);
        }

        public boolean baseline() {
            return !against.isEmpty();
        }
    }

    /** One benchmark's distributions, every line in {@code unit}. */
    public record Plot(BenchmarkKey key, String unit, List<Line> lines) {

        public Plot {
            lines = List.copyOf(lines);
        }
    }

    public TailTable {
        plots = List.copyOf(plots);
    }

    /** The distributions of every sample-mode row of the comparison that has one on some side. */
    public static TailTable of(Comparison c) {
        Map<String, EnvironmentInput> inputs = new LinkedHashMap<>();
        c.environments().forEach(e -> inputs.put(e.label(), e));
        Map<BenchmarkKey, Map<String, List<String>>> sides = new LinkedHashMap<>();
        for (ComparisonRow r : c.rows()) {
            if (SAMPLE_MODE.equals(r.key().mode())) {
                Map<String, List<String>> lines = sides.computeIfAbsent(r.key(), k -> new LinkedHashMap<>());
                lines.computeIfAbsent(r.baseline(), b -> new ArrayList<>()).add(r.environment());
                lines.putIfAbsent(r.environment(), new ArrayList<>());
            }
        }
        List<Plot> plots = new ArrayList<>();
        sides.forEach((key, lines) -> {
            String unit = null;
            List<Line> drawn = new ArrayList<>();
            for (Map.Entry<String, List<String>> side : lines.entrySet()) {
                EnvironmentInput input = inputs.get(side.getKey());
                BenchmarkResult result = input == null ? null : input.byKey().get(key);
                SampleDistribution d = result == null ? null : result.distribution();
                if (d == null || d.values().length == 0 && d.percentiles().isEmpty()) {
                    continue;
                }
                unit = unit == null ? d.unit() : unit;
                double factor = Units.factor(d.unit(), unit);
                if (Double.isFinite(factor)) {
                    drawn.add(new Line(side.getKey(), side.getValue(), factor == 1 ? d : d.convert(factor, unit)));
                }
            }
            if (!drawn.isEmpty()) {
                plots.add(new Plot(key, unit, drawn));
            }
        });
        return new TailTable(plots);
    }

    /** The plots of one area, in the comparison's row order. */
    public List<Plot> in(Area area) {
        return plots.stream().filter(p -> p.key().area() == area).toList();
    }

    public boolean isEmpty() {
        return plots.isEmpty();
    }
}
