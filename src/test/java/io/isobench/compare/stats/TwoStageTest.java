package io.isobench.compare.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stein's two-stage procedure on synthetic two-level data: each round's log ratio is the true value plus a round
 * effect on the environment (what the round's context did to it) plus the difference of the two sides' fork noise,
 * with a spread drawn per row from the range the audit measured (per-round SD of the log ratio 0.02-0.40).
 */
class TwoStageTest {

    private static final double ALPHA = 0.05;
    private static final int PILOT = 5;

    /** One round's log ratio of a row: two levels, a round effect and fork noise on each side. */
    private static double round(Random random, double trueLog, double roundSd, double forkSd) {
        return trueLog + roundSd * random.nextGaussian() + forkSd * random.nextGaussian()
                - forkSd * random.nextGaussian();
    }

    /** Runs the procedure for one row: a pilot, the plan, the rounds it adds; returns the final interval. */
    private static Stats.Interval row(Random random, double trueLog, double precision, int maxRounds) {
        double roundSd = 0.01 + 0.2 * random.nextDouble();
        double forkSd = 0.01 + 0.1 * random.nextDouble();
        double[] pilot = new double[PILOT];
        for (int i = 0; i < PILOT; i++) {
            pilot[i] = round(random, trueLog, roundSd, forkSd);
        }
        TwoStage.Plan plan = TwoStage.plan(pilot, ALPHA, precision, maxRounds);
        double[] all = Arrays.copyOf(pilot, plan.rounds());
        for (int i = PILOT; i < all.length; i++) {
            all[i] = round(random, trueLog, roundSd, forkSd);
        }
        return TwoStage.interval(all, plan, ALPHA);
    }

    @Test
    void theIntervalKeepsItsCoverageWhateverTheRoundsTurnedOutToBe() {
        // 4000 rows, a true ratio of 1.07: at least 95 % of the intervals cover it (less 3 Monte Carlo errors).
        Random random = new Random(21);
        int trials = 4000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            covered += row(random, Math.log(1.07), 0.05, 400).contains(1.07) ? 1 : 0;
        }
        double se = Math.sqrt(0.95 * 0.05 / trials);
        assertTrue(covered >= (0.95 - 3 * se) * trials, "coverage " + covered / (double) trials);
    }

    @Test
    void anAaRowIsCalledDifferentAtMostAlphaOfTheTime() {
        // No difference at all: an interval that excludes 1 is a false positive. At most alpha of them, and every
        // interval that the budget did not cap is within the precision (+-5 %).
        Random random = new Random(42);
        int trials = 4000;
        int falsePositives = 0;
        for (int t = 0; t < trials; t++) {
            Stats.Interval ci = row(random, 0, 0.05, 400);
            falsePositives += ci.contains(1.0) ? 0 : 1;
        }
        double se = Math.sqrt(0.95 * 0.05 / trials);
        assertTrue(falsePositives <= (0.05 + 3 * se) * trials, "false positives " + falsePositives / (double) trials);
    }

    @Test
    void theRoundsReachThePrecisionUnlessTheBudgetCapsThem() {
        // Pilot log ratios with SD 0.1: t(4) = 2.776, so n = ceil((2.776 * 0.1 / log 1.05)^2) = 33 rounds give +-5 %.
        double[] pilot = Arrays.stream(new double[] {-2, -1, 0, 1, 2}).map(k -> 0.1 * k / Math.sqrt(2.5)).toArray();
        TwoStage.Plan plan = TwoStage.plan(pilot, ALPHA, 0.05, 1000);
        assertEquals(0.1, plan.pilotSd(), 1e-12);
        assertEquals(33, plan.rounds());
        assertTrue(plan.reachesPrecision());
        double[] all = new double[plan.rounds()];
        Stats.Interval ci = TwoStage.interval(all, plan, ALPHA);
        assertTrue(ci.high() <= 1.05 && ci.low() >= 1 / 1.05 - 1e-12, ci.toString());

        TwoStage.Plan capped = TwoStage.plan(pilot, ALPHA, 0.05, 20);
        assertEquals(20, capped.rounds());
        assertFalse(capped.reachesPrecision(), "the budget allowed 20 of the 33 rounds");
        TwoStage.Plan quiet = TwoStage.plan(new double[] {0.001, -0.001, 0.0005, 0, -0.0005}, ALPHA, 0.05, 1000);
        assertEquals(PILOT, quiet.rounds(), "a quiet row needs no more than its pilot");
        assertThrows(IllegalArgumentException.class, () -> TwoStage.plan(new double[] {0.1}, ALPHA, 0.05, 10));
    }
}
