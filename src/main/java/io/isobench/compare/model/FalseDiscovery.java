package io.isobench.compare.model;

import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Benjamini-Hochberg false-discovery-rate adjustment over the rows that one environment is compared on. A report
 * tests dozens of rows at once: at alpha = 0.05 each, an A/A comparison of 40 identical rows calls two of them
 * different on average. Adjusted, the expected share of false {@code faster}/{@code slower} verdicts among all of them
 * stays below alpha, and when nothing differs (an A/A run) the chance of any false verdict does too. A row keeps
 * {@code faster}/{@code slower} only when its adjusted p is below alpha; otherwise it becomes {@code inconclusive} and
 * says why. Only rows with a real test (independent samples, a p-value) take part.
 */
final class FalseDiscovery {

    private FalseDiscovery() {
    }

    static List<ComparisonRow> adjust(List<ComparisonRow> rows, double alpha) {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            RatioTest test = rows.get(i).test();
            if (test.sampling().independent() && Double.isFinite(test.pValue())) {
                families.computeIfAbsent(rows.get(i).environment() + "|" + rows.get(i).baseline(), k -> new ArrayList<>()).add(i);
            }
        }
        List<ComparisonRow> adjusted = new ArrayList<>(rows);
        for (List<Integer> family : families.values()) {
            double[] p = family.stream().mapToDouble(i -> rows.get(i).test().pValue()).toArray();
            double[] q = adjustedPValues(p);
            for (int k = 0; k < family.size(); k++) {
                ComparisonRow row = rows.get(family.get(k));
                RatioTest test = row.test();
                boolean decided = test.verdict() == Verdict.FASTER || test.verdict() == Verdict.SLOWER;
                RatioTest next = decided && q[k] >= alpha
                        ? test.adjusted(q[k], Verdict.INCONCLUSIVE, "p = " + Format.num(test.pValue())
                                + " alone, but not significant among the " + family.size()
                                + " rows compared (false-discovery-rate adjusted p = " + Format.num(q[k]) + ")")
                        : test.adjusted(q[k], test.verdict(), test.reason());
                adjusted.set(family.get(k), row.withTest(next));
            }
        }
        return adjusted;
    }

    /** Benjamini-Hochberg adjusted p-values, in the order given: min over j >= i of m / j * p(j), at most 1. */
    static double[] adjustedPValues(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
