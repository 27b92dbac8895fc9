package io.isobench.launcher.cli;

import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.PrecisionGoal;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.Workspace;
import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JmhCommandLine;
import io.isobench.suite.Profile;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The options every environment command shares, checked and turned into a {@link RunSpec}. */
public final class RunOptions {

    @Option(names = "--profile", defaultValue = "standard", description = "smoke, quick, standard or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--include", description = "Regular expression of benchmarks to run (repeatable; default: all).")
    List<String> includes = new ArrayList<>();

    @Option(names = "--out", description = "Run directory (default: results/<run-id>/).")
    String out;

    @Option(names = "--jar", description = "The benchmarks jar (default: benchmarks.jar beside the launcher).")
    Path jar;

    @Option(names = "--rounds", description = "Rounds to run (default: the profile's: smoke 1, quick 3, standard 5, full 10; "
            + "with --precision they are the pilot, default " + PRECISION_PILOT + ").")
    Integer rounds;

    @Option(names = "--emulated-rounds", defaultValue = "1",
            description = "Rounds that an emulated environment (a VM under TCG) takes part in (default: ${DEFAULT-VALUE}; "
                    + "under KVM the VM runs every round).")
    int emulatedRounds;

    @Option(names = "--seed", description = "Seed of the environments' order in each round (default: a random one; "
            + "either way it is recorded in timeline.json).")
    Long seed;

    @Option(names = "--precision", paramLabel = "PCT", description = "Plan the rounds for each row's interval to be "
            + "within \u00b1PCT %%: the rounds (--rounds, else " + PRECISION_PILOT + " or the profile's if more) are a "
            + "pilot, then the benchmarks whose rows need it get more rounds (Stein's two-stage procedure on the 20 %% "
            + "trimmed mean), within --budget. The pilot ends early, after six rounds or more, where another round "
            + "would pass two thirds of the budget. Needs --budget.")
    Double precision;

    @Option(names = "--budget", paramLabel = "TIME", description = "With --precision: the longest the rounds, pilot "
            + "included, may take (90s, 20m, 1h30m). The rows that the budget cut say so in the report.")
    String budget;

    @Parameters(description = "Raw JMH options after --, overriding the profile's (e.g. -- -f 3 -i 10).")
    List<String> jmhOptions = new ArrayList<>();

    /**
     * The pilot of a precision when {@code --rounds} does not say: ten rounds, of which the two-stage procedure trims
     * two a side ({@link io.isobench.compare.stats.TwoStage}), so that two far rounds do not decide a row's plan.
     */
    static final int PRECISION_PILOT = 10;

    /** The rounds to run: {@code --rounds}; else, with a precision, its pilot; else the profile's. */
    private int rounds(Profile chosen) {
        if (rounds != null) {
            return rounds;
        }
        return precision != null ? Math.max(PRECISION_PILOT, chosen.rounds()) : chosen.rounds();
    }

    /** Checks every option, making nothing yet but the run directory; failures are one-line IllegalArgumentExceptions. */
    public RunSpec toSpec() throws LauncherException {
        check();
        Profile chosen = Profile.parse(profile);
        List<String> patterns = patterns();
        Path benchmarksJar = jar != null ? jar.toAbsolutePath() : Workspace.defaultJar();
        if (!Files.isRegularFile(benchmarksJar)) {
            throw new IllegalArgumentException("benchmarks jar " + benchmarksJar + " not found: build it with 'mvn -DskipTests package'");
        }
        String runId;
        Path runDir;
        if (out == null || out.isBlank()) {
            runId = Workspace.newRunId();
            runDir = Paths.get("results", runId).toAbsolutePath();
        } else {
            runDir = Paths.get(out).toAbsolutePath().normalize();
            if (runDir.getFileName() == null) {
                throw new IllegalArgumentException("--out " + out + " is not a run directory: name a directory below it");
            }
            runId = runDir.getFileName().toString();
        }
        checkWritable(runDir);
        return new RunSpec(chosen, rounds(chosen), emulatedRounds,
                seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE,
                patterns, List.copyOf(jmhOptions), runDir, runId, benchmarksJar, JvmRuntime.ensure(Workspace.cacheDir()),
                PrecisionGoal.of(precision, budget));
    }

    /**
     * The spec of a plan ({@code --plan}): what {@link #toSpec()} gives, but nothing is made, fetched or checked on
     * the machine (no run directory, no JVM runtime, the jar need not exist yet).
     */
    public RunSpec toPlanSpec() {
        check();
        Profile chosen = Profile.parse(profile);
        List<String> patterns = patterns();
        return new RunSpec(chosen, rounds(chosen), emulatedRounds, seed != null ? seed : 0,
                patterns, List.copyOf(jmhOptions), null, null, jar, null, PrecisionGoal.of(precision, budget));
    }

    /** Where earlier runs are: results/ (the default), and the directory that holds --out when it was given. */
    public List<Path> resultRoots() {
        List<Path> roots = new ArrayList<>(List.of(Paths.get("results").toAbsolutePath()));
        if (out != null && !out.isBlank()) {
            Path parent = Paths.get(out).toAbsolutePath().normalize().getParent();
            if (parent != null && !roots.contains(parent)) {
                roots.add(parent);
            }
        }
        return roots;
    }

    /** Whether --out was given. */
    public boolean outGiven() {
        return out != null;
    }

    /** The --include patterns, or the whole suite when none was given. */
    private List<String> patterns() {
        return includes.isEmpty() ? RunSpec.WHOLE_SUITE : List.copyOf(includes);
    }

    /** Checks the options that need nothing on this machine (profile, selection, JMH options, rounds). */
    public void check() {
        Profile chosen = Profile.parse(profile);
        List<String> patterns = patterns();
        if (BenchmarkSelection.select(patterns).isEmpty()) {
            throw new IllegalArgumentException("--include " + String.join(" ", patterns) + " matches no benchmark");
        }
        JmhCommandLine.of(chosen, jmhOptions).validate();
        if (rounds != null && rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        if (emulatedRounds < 1) {
            throw new IllegalArgumentException("--emulated-rounds must be at least 1, got " + emulatedRounds);
        }
        if (PrecisionGoal.of(precision, budget) != null && rounds(chosen) < 2) {
            throw new IllegalArgumentException("--precision needs a pilot of 2 or more rounds, got --rounds " + rounds);
        }
    }

    private static void checkWritable(Path runDir) {
        try {
            Files.createDirectories(runDir);
            Files.delete(Files.createTempFile(runDir, ".probe", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write to --out " + runDir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
