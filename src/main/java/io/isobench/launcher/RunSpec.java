package io.isobench.launcher;

import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JmhCommandLine;
import io.isobench.suite.Profile;
import io.isobench.suite.RunBudget;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run, the same for every environment of a run: profile, selection, raw JMH options, the jar and the
 * JVM runtime, and where the run directory is.
 */
public record RunSpec(Profile profile, List<String> includes, List<String> jmhOptions,
                      Path runDir, String runId, Path benchmarksJar, JvmRuntime runtime) {

    /** How long the suite may run in an environment {@code slowdown} times slower than the host before it counts as hung. */
    public long budgetSeconds(double slowdown) {
        return RunBudget.seconds(JmhCommandLine.of(profile, jmhOptions).args(),
                BenchmarkSelection.configurations(BenchmarkSelection.select(includes)), slowdown);
    }
}
