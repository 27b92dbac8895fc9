package io.isobench.launcher.core;

import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JmhCommandLine;
import io.isobench.suite.Profile;
import io.isobench.suite.RunBudget;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run, the same for every environment of a run: profile, rounds and the seed of their order, selection, raw
 * JMH options, the jar and the JVM runtime, and where the run directory is. An environment whose CPU is emulated (a VM
 * under TCG) takes part in the first {@code emulatedRounds} rounds only: there every fork costs half a minute of
 * emulation, and its numbers measure the emulator, not the isolation, whatever their count. With a
 * {@code precision} goal (null for none), {@code rounds} are the pilot, and the classes whose rows need it get more
 * rounds after it ({@link PrecisionPlanner}); an emulated environment takes no part in those.
 */
public record RunSpec(Profile profile, int rounds, int emulatedRounds, long seed, List<String> includes, List<String> jmhOptions,
                      Path runDir, String runId, Path benchmarksJar, JvmRuntime runtime, PrecisionGoal precision) {

    /** A run of a fixed number of rounds. */
    public RunSpec(Profile profile, int rounds, int emulatedRounds, long seed, List<String> includes,
                   List<String> jmhOptions, Path runDir, String runId, Path benchmarksJar, JvmRuntime runtime) {
        this(profile, rounds, emulatedRounds, seed, includes, jmhOptions, runDir, runId, benchmarksJar, runtime, null);
    }

    /** The same run with {@code value} rounds (a precision's pilot that ended early: {@link PrecisionGoal#pilotEndsAfter}). */
    public RunSpec withRounds(int value) {
        return new RunSpec(profile, value, emulatedRounds, seed, includes, jmhOptions, runDir, runId, benchmarksJar,
                runtime, precision);
    }

    /** How many of the planned rounds (the pilot's, with a precision goal) an environment takes part in. */
    public int roundsFor(boolean emulated) {
        return emulated ? Math.min(rounds, emulatedRounds) : rounds;
    }

    /** Whether an environment takes part in round {@code round} (a round after the pilot's included). */
    public boolean takesPart(boolean emulated, int round) {
        return !emulated || round <= Math.min(rounds, emulatedRounds);
    }

    /**
     * The classes of {@code all} that an environment runs: every one, except that an emulated environment of a run of
     * the whole suite (no {@code --include}) whose profile samples it ({@link Profile#samplesEmulated}) runs one class
     * per area. Classes named with {@code --include} run wherever they were named.
     */
    public List<BenchmarkSelection.Group> groupsFor(boolean emulated, List<BenchmarkSelection.Group> all) {
        return emulated && profile.samplesEmulated() && includes.equals(WHOLE_SUITE)
                ? BenchmarkSelection.onePerArea(all) : all;
    }

    /** The selection of a run that names no class: every benchmark. */
    public static final List<String> WHOLE_SUITE = List.of(".*");

    /** Why an emulated environment of this run leaves a class out ({@link #groupsFor}), as its record says it. */
    public String sampledOut(BenchmarkSelection.Group ran) {
        return "emulated, " + profile.id() + " runs one class per area here (" + ran.shortName() + ")";
    }

    /** The selected benchmark classes, in the suite's order. */
    public List<BenchmarkSelection.Group> groups() {
        return BenchmarkSelection.select(includes, JmhCommandLine.of(profile, jmhOptions).parameterCounts());
    }

    /**
     * How long one step (one class, one round) may run in an environment whose JVMs start {@code slowdown} times
     * slower than the host's before it counts as hung.
     */
    public long stepBudgetSeconds(BenchmarkSelection.Group group, double slowdown) {
        return RunBudget.seconds(JmhCommandLine.of(profile, jmhOptions).forClass(group.type()).options(),
                group.configurations(), slowdown);
    }

    /** What one step of this class is expected to take from the settings alone (see {@link RunBudget#expectedSeconds}). */
    public double expectedStepSeconds(BenchmarkSelection.Group group, double slowdown) {
        return RunBudget.STEP_START_SECONDS * slowdown + RunBudget.expectedSeconds(
                JmhCommandLine.of(profile, jmhOptions).forClass(group.type()).options(), group.configurations(), slowdown);
    }
}
