package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalseDiscoveryTest {

    @Test
    void adjustedPValuesAreBenjaminiHochbergs() {
        // p = 0.01, 0.04, 0.03, 0.5 -> sorted 0.01 (x4/1 = 0.04), 0.03 (x4/2 = 0.06), 0.04 (x4/3 = 0.0533), 0.5 (x4/4)
        // then the running minimum from the top: 0.5, 0.0533, 0.0533, 0.04.
        double[] q = FalseDiscovery.adjustedPValues(new double[] {0.01, 0.04, 0.03, 0.5});
        assertArrayEquals(new double[] {0.04, 0.16 / 3, 0.16 / 3, 0.5}, q, 1e-12);
    }

    @Test
    void anAaComparisonOfFortyRowsRarelyCallsAnyDifferent() {
        // Forty identical rows: each p is uniform. Unadjusted, 1 - 0.95^40 = 87 % of such runs call at least one row
        // different; adjusted, at most alpha.
        Random random = new Random(7);
        int trials = 4000;
        int anyUnadjusted = 0;
        int anyAdjusted = 0;
        for (int t = 0; t < trials; t++) {
            double[] p = new double[40];
            boolean raw = false;
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble();
                raw |= p[i] < 0.05;
            }
            boolean adjusted = false;
            for (double q : FalseDiscovery.adjustedPValues(p)) {
                adjusted |= q < 0.05;
            }
            anyUnadjusted += raw ? 1 : 0;
            anyAdjusted += adjusted ? 1 : 0;
        }
        assertTrue(anyUnadjusted > 0.8 * trials, "unadjusted " + anyUnadjusted);
        assertTrue(anyAdjusted < 0.06 * trials, "adjusted " + anyAdjusted);
    }

    @Test
    void realDifferencesSurvive() {
        // Three rows that really differ (tiny p) among 37 that do not: all three stay below alpha.
        double[] p = new double[40];
        Random random = new Random(3);
        for (int i = 0; i < p.length; i++) {
            p[i] = i < 3 ? 1e-4 : random.nextDouble();
        }
        double[] q = FalseDiscovery.adjustedPValues(p);
        for (int i = 0; i < 3; i++) {
            assertTrue(q[i] < 0.05, "row " + i + ": " + q[i]);
        }
    }

    /** A real test (fork samples) with its 95 % interval, its 90 % interval and the verdict it had alone. */
    private static RatioTest test(double p, Verdict verdict, double low, double high, double eqLow, double eqHigh) {
        double estimate = Math.sqrt(low * high);
        return new RatioTest(Direction.LOWER_IS_BETTER, new Stats.Interval(estimate, low, high),
                new Stats.Interval(estimate, eqLow, eqHigh), p, Sampling.FORKS, 5, 5, 0, 0.95, "crafted",
                new Verdict.Decision(verdict, verdict == Verdict.INCONCLUSIVE ? "wide" : ""), null);
    }

    private static RatioTest nothing(double p) {
        return test(p, Verdict.INCONCLUSIVE, 0.8, 1.25, 0.85, 1.2);
    }

    private static ComparisonRow row(String name, RatioTest test, NetOfJna net, List<SecondaryRow> secondary) {
        return new ComparisonRow(new BenchmarkKey("io.isobench.cpu.C." + name, "avgt", new TreeMap<>()), "vm",
                "host", "ns/op", Direction.LOWER_IS_BETTER, 1, 0.01, 1, 0.01, test, 0.01, false, false, "", net,
                secondary);
    }

    @Test
    void secondaryAndNetTestsAreInTheFamily() {
        // One row significant alone (p = 0.03), with a p50, a p99 and a net of JNA that are not: four tests, so its
        // adjusted p is 0.03 * 4 = 0.12 and it is no longer slower. Counting only the primary tests (one), it was.
        RatioTest slower = test(0.03, Verdict.SLOWER, 1.1, 1.3, 1.12, 1.28);
        List<SecondaryRow> percentiles = List.of(new SecondaryRow("p0.50", "ns/op", 1, 1, nothing(0.5), Double.NaN),
                new SecondaryRow("p0.99", "ns/op", 1, 1, nothing(0.6), Double.NaN));
        NetOfJna net = new NetOfJna(1, 1, 1, nothing(0.7));
        ComparisonRow adjusted = FalseDiscovery.adjust(List.of(row("a", slower, net, percentiles)), 0.05, 0.05).get(0);
        assertEquals(0.12, adjusted.test().pAdjusted(), 1e-12);
        assertEquals(Verdict.INCONCLUSIVE, adjusted.verdict());
        assertTrue(adjusted.reason().contains("among the 4 tests"), adjusted.reason());
        assertEquals(0.7, adjusted.net().test().pAdjusted(), 1e-12, "the net test is adjusted too");
        assertEquals(0.7, adjusted.secondary().get(0).test().pAdjusted(), 1e-12, "and the p50's (BH's running minimum)");
    }

    @Test
    void aSecondaryMetricThatIsAMultipleOfTheScoreIsNotASecondTestAndTakesTheRowsVerdict() {
        // The audit's case: the row inconclusive after the adjustment while its MiB/s, the same numbers times a
        // constant, said faster on its own. Shown with the row's test, it is counted once and says what the row says.
        RatioTest faster = test(0.0068, Verdict.FASTER, 0.8, 0.95, 0.82, 0.93);
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(row("a", faster, null, List.of(new SecondaryRow("mebibytes", "ops/s", 4, 5,
                faster.describedAs(RowCalculator.ofPrimary(4)), 4))));
        for (int i = 0; i < 9; i++) {
            rows.add(row("b" + i, nothing(0.2 + 0.08 * i), null, List.of()));
        }
        List<ComparisonRow> adjusted = FalseDiscovery.adjust(rows, 0.05, 0.05);
        ComparisonRow a = adjusted.get(0);
        assertEquals(0.068, a.test().pAdjusted(), 1e-12, "ten tests, not eleven");
        assertEquals(Verdict.INCONCLUSIVE, a.verdict());
        SecondaryRow mib = a.secondary().get(0);
        assertEquals(a.verdict(), mib.test().verdict());
        assertEquals(a.test().pAdjusted(), mib.test().pAdjusted(), 1e-12);
        assertEquals(RowCalculator.ofPrimary(4), mib.test().method());
    }

    @Test
    void aRowTheAdjustmentDemotesIsCheckedForEquivalence() {
        // The audit's case: a 2 % shift, significant alone (p = 0.01), interval [1.008, 1.033]; among 20 tests its
        // adjusted p is 0.2. The whole interval is within the +-5 % margin, so a difference above 5 % is ruled out:
        // same, not inconclusive.
        RatioTest shift = test(0.01, Verdict.SLOWER, 1.008, 1.033, 1.010, 1.031);
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(row("shift", shift, null, List.of()));
        for (int i = 0; i < 19; i++) {
            rows.add(row("n" + i, nothing(0.3 + 0.03 * i), null, List.of()));
        }
        ComparisonRow demoted = FalseDiscovery.adjust(rows, 0.05, 0.05).get(0);
        assertEquals(0.2, demoted.test().pAdjusted(), 1e-12);
        assertEquals(Verdict.SAME, demoted.verdict());
        // A demoted row whose 90 % interval reaches beyond the margin stays inconclusive, and says why.
        rows.set(0, row("shift", test(0.01, Verdict.SLOWER, 1.01, 1.09, 1.02, 1.08), null, List.of()));
        ComparisonRow wide = FalseDiscovery.adjust(rows, 0.05, 0.05).get(0);
        assertEquals(Verdict.INCONCLUSIVE, wide.verdict());
        assertTrue(wide.reason().contains("not significant among the 20 tests"), wide.reason());
    }

    @Test
    void untestedRowsTakeNoPartInTheFamily() {
        // A row without spread has no p-value: it is not a test, and does not dilute (or count in) the family.
        RatioTest flat = new RatioTest(Direction.LOWER_IS_BETTER, new Stats.Interval(1.2, Double.NaN, Double.NaN),
                null, Double.NaN, Sampling.FORKS, 2, 2, 0, 0.95, "crafted",
                new Verdict.Decision(Verdict.INCONCLUSIVE, RatioTester.NO_SPREAD), null);
        RatioTest slower = test(0.02, Verdict.SLOWER, 1.1, 1.3, 1.12, 1.28);
        List<ComparisonRow> adjusted = FalseDiscovery.adjust(List.of(row("flat", flat, null, List.of()),
                row("s", slower, null, List.of())), 0.05, 0.05);
        assertTrue(Double.isNaN(adjusted.get(0).test().pAdjusted()));
        assertEquals(0.02, adjusted.get(1).test().pAdjusted(), 1e-12, "a family of one");
        assertEquals(Verdict.SLOWER, adjusted.get(1).verdict());
    }
}
