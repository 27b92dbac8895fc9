package io.isobench.compare.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
}
