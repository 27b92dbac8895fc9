package io.isobench.compare.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Far rounds: the modified z-score over a row's own median and MAD, never below six rounds. */
class FarRoundsTest {

    private static SortedMap<Integer, Double> rounds(double... logs) {
        SortedMap<Integer, Double> map = new TreeMap<>();
        for (int i = 0; i < logs.length; i++) {
            map.put(i + 1, logs[i]);
        }
        return map;
    }

    @Test
    void aRoundFarAboveAndOneFarBelowTheirRowsOthersAreFound() {
        // Modelled on runc's native open+close in the sixth session: about 0.33 in log, one round 0.73, one -0.13.
        List<FarRounds.Far> far = FarRounds.of(rounds(0.34, 0.28, 0.35, 0.73, 0.34, 0.32, 0.32, 0.33, 0.35, -0.13));
        assertEquals(List.of(4, 10), far.stream().map(FarRounds.Far::round).toList());
        assertTrue(far.get(0).above());
        assertFalse(far.get(1).above());
        assertEquals(0.73 - 0.335, far.get(0).deviation(), 1e-12, "from the median, not the mean");
    }

    @Test
    void fewerThanSixRoundsOrNoSpreadJudgeNone() {
        assertEquals(List.of(), FarRounds.of(rounds(0.30, 0.31, 0.29, 0.30, 0.90)), "five rounds");
        assertEquals(List.of(), FarRounds.of(rounds(0.30, 0.30, 0.30, 0.30, 0.30, 0.30, 0.90)),
                "every round but one equal: a MAD of 0 measures nothing");
        assertEquals(List.of(), FarRounds.of(rounds(0.01, -0.02, 0.03, 0.00, -0.01, 0.02, 0.01)));
    }

    @Test
    void normalRoundsAreRarelyFar() {
        Random random = new Random(42);
        int far = 0;
        int total = 0;
        for (int row = 0; row < 2000; row++) {
            double[] logs = new double[10];
            for (int i = 0; i < logs.length; i++) {
                logs[i] = 0.05 + 0.03 * random.nextGaussian();
            }
            far += FarRounds.of(rounds(logs)).size();
            total += logs.length;
        }
        assertTrue(far < 0.02 * total, "rounds from one normal distribution: " + far + " of " + total + " far");
    }

    @Test
    void aThroughputRowCountsItsCostNotItsRatio() {
        SortedMap<Integer, Double> logs = rounds(-0.10, -0.11, -0.09, -0.10, -0.12, -0.10, -0.60);
        RatioTest t = new RatioTest(Direction.HIGHER_IS_BETTER, new Stats.Interval(0.9, 0.85, 0.95), 0.01,
                Sampling.ROUNDS, 7, 7, 7, 0.95, "paired t-test", Verdict.SLOWER, "", logs);
        List<FarRounds.Far> far = t.farRounds();
        assertEquals(1, far.size());
        assertEquals(7, far.get(0).round());
        assertTrue(far.get(0).above(), "a round of far fewer operations per second cost the environment more");
    }
}
