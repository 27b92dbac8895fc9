package io.isobench.launcher;

import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JmhCommandLine;
import io.isobench.suite.Profile;
import io.isobench.suite.RunBudget;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run, the same for every environment of a run: profile, rounds and the seed of their order, selection, raw
 * JMH options, the jar and the JVM runtime, and where the run directory is.
 */
public record RunSpec(Profile profile, int rounds, long seed, List<String> includes, List<String> jmhOptions,
                      Path runDir, String runId, Path benchmarksJar, JvmRuntime runtime) {

    /** The selected benchmark classes, in the suite's order. */
    public List<BenchmarkSelection.Group> groups() {
        return BenchmarkSelection.select(includes);
    }

    /**
     * How long one step (one class, one round) may run in an environment whose JVMs start {@code slowdown} times
     * slower than the host's before it counts as hung.
     */
    public long stepBudgetSeconds(BenchmarkSelection.Group group, double slowdown) {
        return RunBudget.seconds(JmhCommandLine.of(profile, jmhOptions).args(), group.configurations(), slowdown);
    }
}
