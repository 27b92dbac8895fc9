package io.isobench.compare.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsTest {

    private static double[] normal(double mean, double sd, int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        return v;
    }

    @Test
    void bootstrapIntervalContainsTheTrueRatioMostOfTheTime() {
        double trueRatio = 1.2;
        int covered = 0;
        int trials = 40;
        for (int t = 0; t < trials; t++) {
            double[] a = normal(120, 6, 20, 1000 + t);
            double[] b = normal(100, 5, 20, 2000 + t);
            Stats.Interval ci = Stats.bootstrapRatio(a, b, 2000, 7, 0.95);
            assertTrue(ci.low() < ci.estimate() && ci.estimate() < ci.high(), "estimate inside its interval");
            if (ci.contains(trueRatio)) {
                covered++;
            }
        }
        // Nominal 95 %; a percentile bootstrap on 20 samples under-covers a little.
        assertTrue(covered >= 33, "covered " + covered + " of " + trials);
    }

    @Test
    void fiellerCoversTheTrueRatioWithTwoOrThreeSamplesWhereTheBootstrapCannot() {
        double trueRatio = 1.2;
        int trials = 400;
        for (int n : new int[] {2, 3}) {
            int fieller = 0;
            int bootstrap = 0;
            for (int t = 0; t < trials; t++) {
                double[] a = normal(120, 6, n, 5000 + t);
                double[] b = normal(100, 5, n, 9000 + t);
                Stats.Interval ci = Stats.fiellerRatio(a, b, 0.95);
                if (!ci.hasBounds() || ci.contains(trueRatio)) { // an unbounded set contains it too
                    fieller++;
                }
                if (Stats.bootstrapRatio(a, b, 2000, 7, 0.95).contains(trueRatio)) {
                    bootstrap++;
                }
            }
            // Nominal 95 %: Fieller with Welch's degrees of freedom holds it; the bootstrap of 2-3 samples falls far short.
            assertTrue(fieller >= 0.93 * trials, n + " samples: Fieller covered " + fieller + " of " + trials);
            assertTrue(bootstrap < 0.85 * trials, n + " samples: bootstrap covered " + bootstrap + " of " + trials);
        }
    }

    @Test
    void fiellerIsUnboundedWhenTheBaselineMeanIsNotClearOfZero() {
        Stats.Interval ci = Stats.fiellerRatio(new double[] {10, 11}, new double[] {0.1, 10}, 0.95);
        assertFalse(ci.hasBounds());
        assertEquals(21.0 / 10.1, ci.estimate(), 1e-12);
    }

    @Test
    void smallSamplesGetFiellerAndLargeOnesTheBootstrap() {
        double[] a3 = normal(120, 6, 3, 1);
        double[] b3 = normal(100, 5, 3, 2);
        assertEquals(Stats.fiellerRatio(a3, b3, 0.95), Stats.ratioInterval(a3, b3, 500, 42, 0.95));
        double[] a20 = normal(120, 6, 20, 3);
        double[] b20 = normal(100, 5, 20, 4);
        assertEquals(Stats.bootstrapRatio(a20, b20, 500, 42, 0.95), Stats.ratioInterval(a20, b20, 500, 42, 0.95));
    }

    @Test
    void bootstrapIsDeterministicForAFixedSeed() {
        double[] a = normal(10, 1, 15, 1);
        double[] b = normal(11, 1, 15, 2);
        assertEquals(Stats.bootstrapRatio(a, b, 500, 42, 0.95), Stats.bootstrapRatio(a, b, 500, 42, 0.95));
    }

    @Test
    void welchSeparatesClearlyDifferentMeansAndNotEqualOnes() {
        assertTrue(Stats.welchPValue(normal(150, 5, 20, 3), normal(100, 5, 20, 4)) < 1e-6);
        assertTrue(Stats.welchPValue(normal(100, 5, 20, 5), normal(100, 5, 20, 6)) > 0.05);
    }

    @Test
    void welchHandlesTooFewValuesAndConstantSamples() {
        assertTrue(Double.isNaN(Stats.welchPValue(new double[] {1}, new double[] {1, 2})));
        // No spread on either side: nothing to test against, so no p-value (not 1 or 0, which would look like
        // evidence and enter the false-discovery adjustment).
        assertTrue(Double.isNaN(Stats.welchPValue(new double[] {5, 5, 5}, new double[] {5, 5})));
        assertTrue(Double.isNaN(Stats.welchPValue(new double[] {5, 5, 5}, new double[] {6, 6})));
        assertTrue(Double.isNaN(Stats.pairedLogRatio(new double[] {1.2, 1.2, 1.2}, 0.95).pValue()));
        assertTrue(Double.isNaN(Stats.fieller(Stats.LinearMean.of(new double[] {5, 5}),
                Stats.LinearMean.of(new double[] {6, 6}), 0.95).pValue()));
    }

    @Test
    void theStandardErrorIsTheSpreadOfTheValuesOverTheRootOfTheirCount() {
        // sd of {90, 110, 100, 120, 80} is sqrt(250) = 15.81; over sqrt(5): 7.07.
        assertEquals(Math.sqrt(250.0 / 5), Stats.standardError(new double[] {90, 110, 100, 120, 80}), 1e-12);
        assertTrue(Double.isNaN(Stats.standardError(new double[] {1})));
        assertEquals(1.959964, Stats.normalQuantile(0.95), 1e-6);
    }

    @Test
    void aBootstrapAtTwoLevelsDrawsOnceAndNestsItsIntervals() {
        double[] a = normal(120, 6, 20, 11);
        double[] b = normal(100, 5, 20, 12);
        Stats.Interval[] both = Stats.bootstrapRatio(a, b, 2000, 7, new double[] {0.95, 0.90});
        assertEquals(Stats.bootstrapRatio(a, b, 2000, 7, 0.95), both[0], "the same draws as one level alone");
        assertTrue(both[0].low() < both[1].low() && both[1].high() < both[0].high(), both[0] + " " + both[1]);
    }

    @Test
    void noIntervalWithASingleIteration() {
        Stats.Interval ci = Stats.bootstrapRatio(new double[] {2}, new double[] {1, 1.1}, 2000, 1, 0.95);
        assertFalse(ci.hasBounds());
        assertEquals(2 / 1.05, ci.estimate(), 1e-12);
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, Stats.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Stats.median(new double[] {4, 1, 2, 3}));
        assertTrue(Double.isNaN(Stats.median(new double[0])));
    }

    @Test
    void fromAThousandSamplesASideTheIntervalIsFiellersAgain() {
        assertTrue(Stats.bootstraps(10, 1000));
        assertFalse(Stats.bootstraps(9, 1000), "too few for a bootstrap");
        assertFalse(Stats.bootstraps(10, 1001), "enough for the analytic interval");
        double[] a = normal(110, 5, 5000, 1);
        double[] b = normal(100, 5, 5000, 2);
        assertEquals(Stats.fiellerRatio(a, b, 0.95), Stats.ratioInterval(a, b, 2000, 42, 0.95));
        // Where both are computed, they agree to within the bootstrap's own Monte Carlo error.
        double[] a1 = normal(110, 5, 1000, 3);
        double[] b1 = normal(100, 5, 1000, 4);
        Stats.Interval boot = Stats.bootstrapRatio(a1, b1, 2000, 42, 0.95);
        Stats.Interval fieller = Stats.fiellerRatio(a1, b1, 0.95);
        double width = fieller.high() - fieller.low();
        assertEquals(fieller.low(), boot.low(), 0.1 * width);
        assertEquals(fieller.high(), boot.high(), 0.1 * width);
    }

    @Test
    void theBudgetPaysOnlyWhatIsLeft() {
        BootstrapBudget budget = new BootstrapBudget(100);
        assertTrue(budget.take(60));
        assertFalse(budget.take(60), "40 left");
        assertTrue(budget.take(40));
        assertFalse(budget.take(1));
    }
}
