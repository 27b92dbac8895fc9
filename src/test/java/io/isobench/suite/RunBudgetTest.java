package io.isobench.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunBudgetTest {

    @Test
    void iterationsCountOnceAndOnlyForkStartUpTakesTheSlowdown() {
        List<String> args = List.of("-f", "2", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s");
        // Per fork: 2 x 1 s + 4 x 1 s of iterations, plus 5 s of start-up times the slowdown; x 2 forks x 10
        // configurations x 3 for a noisy machine, + 120 s.
        assertEquals(120 + 10 * 2 * (6 + 5 * 1.0) * 3, RunBudget.seconds(args, 10, 1.0));
        assertEquals(120 + 10 * 2 * (6 + 5 * 10.0) * 3, RunBudget.seconds(args, 10, 10.0));
    }

    @Test
    void jmhDefaultsApplyWhereTheOptionsSayNothing() {
        // JMH's defaults: 5 forks of 5 warm-up and 5 measurement iterations of 10 s.
        assertEquals(120 + 5 * (50 + 50 + 5) * 3, RunBudget.seconds(List.of(), 1, 1.0));
    }
}
