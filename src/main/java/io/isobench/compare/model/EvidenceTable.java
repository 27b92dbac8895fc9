package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.evidence.Evidence;
import io.isobench.schema.Contradiction;
import io.isobench.schema.Unsteady;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The rows that are not comparable with the evidence of every environment side by side (one line per row and kind of
 * evidence, one column per environment), and the rows that the suite found still trending in some environment
 * ({@link Unsteady}), for the report's section on them.
 */
public record EvidenceTable(List<String> columns, List<Line> lines, List<Trend> unsteady) {

    /**
     * One kind of evidence of a row that is not comparable: the claims any environment contradicts with it, and each
     * environment's side (null where it lacks the row or the evidence), in column order.
     */
    public record Line(BenchmarkKey key, Evidence kind, List<String> claims, List<RowEvidence.Side> sides) {
    }

    /** A row that still trended in one environment. */
    public record Trend(String environment, Unsteady row) {
    }

    static EvidenceTable of(List<EnvironmentInput> environments, List<ComparisonRow> rows) {
        List<String> columns = environments.stream().map(EnvironmentInput::label).toList();
        TreeSet<BenchmarkKey> keys = new TreeSet<>();
        rows.stream().filter(r -> !r.comparable()).forEach(r -> keys.add(r.key()));
        List<Line> lines = new ArrayList<>();
        for (BenchmarkKey key : keys) {
            List<BenchmarkResult> results = new ArrayList<>();
            List<List<Contradiction>> contradictions = new ArrayList<>();
            for (EnvironmentInput env : environments) {
                BenchmarkResult result = env.byKey().get(key);
                results.add(result);
                contradictions.add(NotComparable.contradictions(env, key, result));
            }
            for (Evidence kind : Evidence.values()) {
                List<RowEvidence.Side> sides = new ArrayList<>();
                List<String> claims = new ArrayList<>();
                for (int i = 0; i < environments.size(); i++) {
                    RowEvidence.Side side = RowEvidence.Side.of(kind, results.get(i), contradictions.get(i));
                    sides.add(side);
                    if (side != null) {
                        side.contradicts().stream().filter(c -> !claims.contains(c)).forEach(claims::add);
                    }
                }
                if (sides.stream().anyMatch(s -> s != null)) {
                    lines.add(new Line(key, kind, claims, sides));
                }
            }
        }
        List<Trend> unsteady = new ArrayList<>();
        environments.forEach(env -> env.fingerprint().unsteady().forEach(u -> unsteady.add(new Trend(env.label(), u))));
        return new EvidenceTable(columns, lines, unsteady);
    }

    public boolean isEmpty() {
        return lines.isEmpty() && unsteady.isEmpty();
    }
}
