package io.isobench.suite;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunBudgetTest {

    @Test
    void iterationsCountOnceAndOnlyForkStartUpTakesTheSlowdown() throws CommandLineOptionException {
        List<String> args = List.of("-f", "2", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s");
        // Per fork: 2 x 1 s + 4 x 1 s of iterations, plus 5 s of start-up times the slowdown; x 2 forks x 10
        // configurations x 3 for a noisy machine, + 120 s.
        assertEquals(120 + 10 * 2 * (6 + 5 * 1.0) * 3, RunBudget.seconds(options(args), 10, 1.0));
        assertEquals(120 + 10 * 2 * (6 + 5 * 10.0) * 3, RunBudget.seconds(options(args), 10, 10.0));
    }

    @Test
    void jmhDefaultsApplyWhereTheOptionsSayNothing() throws CommandLineOptionException {
        // JMH's defaults: 5 forks of 5 warm-up and 5 measurement iterations of 10 s.
        assertEquals(120 + 5 * (50 + 50 + 5) * 3, RunBudget.seconds(options(List.of()), 1, 1.0));
    }

    @Test
    void aProfilesOwnOptionsAreReadAsJmhReadsThem() {
        // smoke: 1 fork of 1 x 100 ms warm-up and 2 x 100 ms measurement, + 5 s of start-up; one configuration.
        Options smoke = JmhCommandLine.of(Profile.SMOKE, List.of()).options();
        assertEquals(Math.round(120 + (0.1 + 0.2 + 5) * 3), RunBudget.seconds(smoke, 1, 1.0));
    }

    private static Options options(List<String> args) throws CommandLineOptionException {
        return new CommandLineOptions(args.toArray(String[]::new));
    }
}
