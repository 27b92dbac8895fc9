package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.Verdict;
import io.isobench.schema.Contradiction;
import io.isobench.suite.ClaimCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which rows are not comparable: those whose evidence contradicts what the row claims to measure on either
 * side, as that side's environment.json lists it ({@code contradicted}) or as the row's claims ({@link ClaimCheck})
 * find it in that side's jmh.json (results of plain JMH, or written before the suite checked). Two such numbers
 * measure different work, so the row gets {@link Verdict#NOT_COMPARABLE} with the evidence of both sides as its
 * reason, and so do its secondary metrics; the comparison keeps it out of the false-discovery family, the headline and
 * the gate.
 */
final class NotComparable {

    private NotComparable() {
    }

    /** The row with its evidence, and not comparable when either side contradicts a claim. */
    static ComparisonRow judge(ComparisonRow row, Pair pair, BenchmarkResult env, BenchmarkResult base) {
        List<Contradiction> envContradictions = contradictions(pair.environment(), row.key(), env);
        List<Contradiction> baseContradictions = contradictions(pair.baseline(), row.key(), base);
        List<RowEvidence> evidence = RowEvidence.of(env, envContradictions, base, baseContradictions);
        if (envContradictions.isEmpty() && baseContradictions.isEmpty()) {
            return row.with(row.test(), row.secondary(), evidence);
        }
        List<String> reasons = new ArrayList<>();
        for (RowEvidence e : evidence) {
            if (!e.contradicted()) {
                continue;
            }
            List<String> claims = new ArrayList<>();
            List<String> where = new ArrayList<>();
            for (Map.Entry<String, RowEvidence.Side> side : sides(row, e).entrySet()) {
                if (side.getValue() != null && side.getValue().contradicted()) {
                    where.add(side.getKey());
                    side.getValue().contradicts().stream().filter(c -> !claims.contains(c)).forEach(claims::add);
                }
            }
            reasons.add("the evidence contradicts the claim \"" + String.join("\", \"", claims) + "\" in "
                    + String.join(" and ", where) + " (" + RowEvidence.sideBySide(e.kind(), sides(row, e)) + ")");
        }
        String reason = String.join("; ", reasons);
        List<SecondaryRow> secondary = row.secondary().stream().map(s -> new SecondaryRow(s.name(), s.unit(),
                s.score(), s.baselineScore(), s.test().adjusted(Double.NaN, Verdict.NOT_COMPARABLE,
                        "its row is not comparable"), s.multiple())).toList();
        return row.with(row.test().adjusted(Double.NaN, Verdict.NOT_COMPARABLE, reason), secondary, evidence);
    }

    /** The sides of a row's evidence by label, the environment first. */
    private static Map<String, RowEvidence.Side> sides(ComparisonRow row, RowEvidence e) {
        Map<String, RowEvidence.Side> sides = new LinkedHashMap<>();
        sides.put(row.environment(), e.environment());
        sides.put(row.baseline(), e.baseline());
        return sides;
    }

    /**
     * The claims of a row that an environment's evidence contradicts: those its environment.json lists for the row's
     * benchmark and parameters, and those the row's claims find in its results (null: the environment lacks the row).
     */
    static List<Contradiction> contradictions(EnvironmentInput input, BenchmarkKey key, BenchmarkResult result) {
        Map<String, Contradiction> found = new LinkedHashMap<>();
        for (Contradiction c : input.fingerprint().contradicted()) {
            if (c.benchmark().equals(key.benchmark()) && c.params().equals(key.params())) {
                found.putIfAbsent(c.evidence() + "|" + c.claim(), c);
            }
        }
        if (result != null) {
            for (Contradiction c : ClaimCheck.check(key.benchmark(), key.params(), name -> {
                Metric metric = result.secondary().get(name);
                return metric == null ? null : metric.forks();
            })) {
                found.putIfAbsent(c.evidence() + "|" + c.claim(), c);
            }
        }
        return List.copyOf(found.values());
    }
}
