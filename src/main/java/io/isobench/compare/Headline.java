package io.isobench.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline table: one line per area (and one for all benchmarks), one column per compared environment; each
 * cell is the median relative cost over that area's valid rows (1.10 = 10 % slower than the baseline).
 */
public record Headline(List<String> columns, List<Line> lines) {

    /** A summary of the rows of one area in one environment. */
    public record Cell(double medianCost, int count, int slower, int faster, int same, int invalid) {
        public double overheadPct() {
            return (medianCost - 1) * 100;
        }
    }

    /** One area (null for "all") and its cells by column. */
    public record Line(Area area, Map<String, Cell> cells) {
        public String title() {
            return area == null ? "All" : area.title();
        }
    }

    static Headline of(List<Pair> pairs, List<ComparisonRow> rows) {
        List<String> columns = new ArrayList<>();
        pairs.forEach(p -> columns.add(p.environment().label()));
        List<Line> lines = new ArrayList<>();
        for (Area area : Area.values()) {
            List<ComparisonRow> inArea = rows.stream().filter(r -> r.area() == area).toList();
            if (!inArea.isEmpty()) {
                lines.add(line(area, columns, inArea));
            }
        }
        if (lines.size() > 1) {
            lines.add(line(null, columns, rows));
        }
        return new Headline(columns, lines);
    }

    private static Line line(Area area, List<String> columns, List<ComparisonRow> rows) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String column : columns) {
            List<ComparisonRow> mine = rows.stream().filter(r -> r.environment().equals(column)).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] costs = mine.stream().filter(ComparisonRow::valid).mapToDouble(ComparisonRow::cost).toArray();
            cells.put(column, new Cell(Stats.median(costs), costs.length,
                    count(mine, Verdict.SLOWER), count(mine, Verdict.FASTER), count(mine, Verdict.SAME),
                    count(mine, Verdict.INVALID)));
        }
        return new Line(area, cells);
    }

    private static int count(List<ComparisonRow> rows, Verdict verdict) {
        return (int) rows.stream().filter(r -> r.verdict() == verdict).count();
    }
}
