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
 * The Benjamini-Hochberg false-discovery-rate adjustment over the tests that one environment is compared on: every
 * row's test, and the tests of its secondary metrics (MiB/s, p50, p99) and of its net of JNA, one family. A report
 * tests dozens of rows at once: at alpha = 0.05 each, an A/A comparison of 40 identical rows calls two of them
 * different on average. Adjusted, the expected share of false {@code faster}/{@code slower} verdicts among all of them
 * stays below alpha, and when nothing differs (an A/A run) the chance of any false verdict does too. A test keeps
 * {@code faster}/{@code slower} only when its adjusted p is below alpha; otherwise its equivalence is checked as any
 * other test's ({@code same} when its 1 - 2 alpha interval lies within the margin), else it becomes
 * {@code inconclusive} and says why. Only real tests take part ({@link RatioTest#tested()}: independent samples, a
 * p-value; rows with no spread have none). A secondary metric that is a fixed multiple of its row's primary is the
 * same test, counted once, and takes the primary's adjusted test.
 */
final class FalseDiscovery {

    private FalseDiscovery() {
    }

    /** Where a test sits in a row: its primary test, its net of JNA, or secondary metric {@code index}. */
    private record Slot(int row, int secondary) {
        static final int PRIMARY = -1;
        static final int NET = -2;
    }

    static List<ComparisonRow> adjust(List<ComparisonRow> rows, double alpha, double margin) {
        Map<String, List<Slot>> families = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ComparisonRow row = rows.get(i);
            List<Slot> family = families.computeIfAbsent(row.environment() + "|" + row.baseline(),
                    k -> new ArrayList<>());
            family.add(new Slot(i, Slot.PRIMARY));
            if (row.net() != null) {
                family.add(new Slot(i, Slot.NET));
            }
            for (int s = 0; s < row.secondary().size(); s++) {
                if (!row.secondary().get(s).ofPrimary()) {
                    family.add(new Slot(i, s));
                }
            }
        }
        List<ComparisonRow> adjusted = new ArrayList<>(rows);
        for (List<Slot> all : families.values()) {
            List<Slot> family = all.stream().filter(slot -> test(rows, slot).tested()).toList();
            double[] q = adjustedPValues(family.stream().mapToDouble(slot -> test(rows, slot).pValue()).toArray());
            for (int k = 0; k < family.size(); k++) {
                Slot slot = family.get(k);
                adjusted.set(slot.row(), with(adjusted.get(slot.row()), slot,
                        afterAdjustment(test(rows, slot), q[k], family.size(), alpha, margin)));
            }
        }
        for (int i = 0; i < adjusted.size(); i++) {
            ComparisonRow row = adjusted.get(i);
            if (row.secondary().stream().anyMatch(SecondaryRow::ofPrimary)) {
                adjusted.set(i, row.withDerived(row.net(), row.secondary().stream().map(s -> s.ofPrimary()
                        ? s.withTest(row.test().describedAs(s.test().method())) : s).toList()));
            }
        }
        return adjusted;
    }

    private static RatioTest afterAdjustment(RatioTest test, double q, int family, double alpha, double margin) {
        boolean decided = test.verdict() == Verdict.FASTER || test.verdict() == Verdict.SLOWER;
        if (!decided || q < alpha) {
            return test.adjusted(q, test.verdict(), test.reason());
        }
        Verdict.Decision d = Verdict.equivalence(test.equivalence(), alpha, margin, "p = " + Format.num(test.pValue())
                + " alone, but not significant among the " + family + " tests of this comparison (false-discovery-rate "
                + "adjusted p = " + Format.num(q) + ")");
        return test.adjusted(q, d.verdict(), d.reason());
    }

    private static RatioTest test(List<ComparisonRow> rows, Slot slot) {
        ComparisonRow row = rows.get(slot.row());
        return slot.secondary() == Slot.PRIMARY ? row.test() : slot.secondary() == Slot.NET ? row.net().test()
                : row.secondary().get(slot.secondary()).test();
    }

    private static ComparisonRow with(ComparisonRow row, Slot slot, RatioTest test) {
        if (slot.secondary() == Slot.PRIMARY) {
            return row.withTest(test);
        }
        if (slot.secondary() == Slot.NET) {
            return row.withDerived(row.net().withTest(test), row.secondary());
        }
        List<SecondaryRow> secondary = new ArrayList<>(row.secondary());
        secondary.set(slot.secondary(), secondary.get(slot.secondary()).withTest(test));
        return row.withDerived(row.net(), secondary);
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
