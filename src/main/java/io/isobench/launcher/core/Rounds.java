package io.isobench.launcher.core;

import io.isobench.compare.stats.Format;

import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.ExitCode;
import io.isobench.schema.PrecisionRecord;
import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.RunRecord;
import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A run in rounds, the same for one environment or the whole matrix: every environment is started once, then in each
 * round every selected benchmark runs one step in every environment, in an order drawn at random per round and
 * benchmark from a recorded seed (randomized multiple interleaved trials, Abedi and Brecht, ICPE 2017). A difference
 * between environments is so measured close together in time, and the comparison can pair it round by round. The step
 * is one benchmark (with its parameter combinations), not its whole class: the environments' forks of a benchmark then
 * run one fork apart, and the machine's own drift, which grows with the time between two measurements (a C loop's
 * ratio of two 1.5 s windows spreads 3.2 % when they follow each other and 5.7 % when they start 10.5 s apart on this
 * project's machine), cancels in their ratio. The benchmark is also the unit of a precision's rounds; classes stay
 * the unit of emulated sampling.
 * A step that fails or hangs is marked and the rounds go on; an environment that is lost runs no further steps.
 */
public final class Rounds {

    /**
     * An environment of the plan, or why it cannot run here; an optional one is skipped with that reason even when its
     * kind was asked for by name (gVisor beside runc where the engine has no runsc).
     */
    public record Planned(Environment environment, Optional<String> missing, boolean optional) {

        public Planned(Environment environment, Optional<String> missing) {
            this(environment, missing, false);
        }

        public static Planned of(Environment environment) {
            return new Planned(environment, Optional.empty());
        }
    }

    private Rounds() {
    }

    /**
     * Runs the plan into {@code spec.runDir()}, writing environments.json and timeline.json as it goes.
     *
     * @return {@link ExitCode#DONE} when every environment completed, {@link ExitCode#PARTIAL} when some steps failed,
     * {@link ExitCode#FAILURE} when an
     * environment could not start or was lost
     */
    public static int run(List<Planned> plan, RunSpec spec) throws InterruptedException, IOException, LauncherException {
        List<BenchmarkSelection.Group> groups = spec.groups();
        Progress.say("run " + spec.runId() + " (" + spec.profile().id() + ", " + spec.rounds() + " round"
                + (spec.rounds() == 1 ? "" : "s") + " of " + groups.size() + " classes, order seed " + spec.seed() + ") into "
                + spec.runDir());
        Map<String, RunRecord.Entry> record = Collections.synchronizedMap(new LinkedHashMap<>());
        List<RunningEnvironment> running = new ArrayList<>();
        LauncherException firstFailure = null;
        try (Cleanup cleanup = new Cleanup()) {
            // Runs last (the cleanup undoes in reverse): a run stopped by a signal says so in environments.json too.
            cleanup.add("the run's record", () -> markInterrupted(spec, record));
            for (Planned planned : plan) {
                String name = planned.environment().name();
                if (planned.missing().isPresent()) {
                    Progress.warn(name + " skipped: " + planned.missing().get());
                    record.put(name, new RunRecord.Entry(name, "skipped", planned.missing().get()));
                    continue;
                }
                try {
                    RunningEnvironment started = RunningEnvironment.start(planned.environment(), spec);
                    cleanup.add(name, () -> started.finish(true));
                    running.add(started);
                    record.put(name, new RunRecord.Entry(name, EnvironmentRecord.RUNNING, ""));
                } catch (LauncherException e) {
                    Progress.warn(name + " failed: " + e.getMessage());
                    record.put(name, new RunRecord.Entry(name, EnvironmentRecord.FAILED, e.getMessage()));
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
                writeRecord(spec, record);
            }
            if (running.isEmpty() && firstFailure != null) {
                throw firstFailure; // nothing could start: one line and exit 1, as for any other error
            }
            Map<RunningEnvironment, List<BenchmarkSelection.Group>> classes = new java.util.IdentityHashMap<>();
            for (RunningEnvironment environment : running) {
                if (environment.emulated() && spec.roundsFor(true) < spec.rounds()) {
                    Progress.warn(environment.name() + " is emulated: it runs in the first " + spec.roundsFor(true)
                            + " of " + spec.rounds() + " rounds only (--emulated-rounds)");
                }
                classes.put(environment, spec.groupsFor(environment.emulated(), groups));
                if (classes.get(environment).size() < groups.size()) {
                    Progress.warn(environment.name() + " is emulated: the " + spec.profile().id() + " profile runs "
                            + classes.get(environment).size() + " of its " + groups.size() + " classes there, one per area");
                }
            }
            TimelineWriter timeline = new TimelineWriter(spec.runDir(), spec.seed(), spec.rounds());
            StepClock clock = new StepClock(StepClock.steps(running.stream().map(RunningEnvironment::name).toList(),
                    running.stream().map(e -> spec.roundsFor(e.emulated())).toList(),
                    running.stream().map(e -> StepClock.stepsPerRound(classes.get(e))).toList()));
            Random order = new Random(spec.seed());
            Steps steps = new Steps(spec, running, classes, timeline, clock, order);
            java.time.Instant roundsStarted = java.time.Instant.now();
            for (int round = 1; round <= spec.rounds(); round++) {
                if (steps.allStopped()) {
                    break; // the cleanup finished every environment: the run was stopped
                }
                steps.round(round, groups, benchmark -> true);
                Progress.say("round " + round + "/" + spec.rounds() + (spec.precision() != null ? " of the pilot" : "")
                        + " done");
                if (spec.precision() != null && spec.precision().pilotEndsAfter(round, spec.rounds(),
                        Duration.between(roundsStarted, java.time.Instant.now()))) {
                    steps.pilotEnded(round);
                    Progress.warn("precision: the pilot ends after " + round + " of its " + spec.rounds() + " rounds: "
                            + "another would pass " + Format.duration(spec.precision().pilotSeconds()) + ", two thirds "
                            + "of the " + Format.duration(spec.precision().budget().toSeconds()) + " budget (--budget); "
                            + "the rounds planned after it get the rest");
                    break;
                }
            }
            if (spec.precision() != null && !steps.allStopped()) {
                steps.afterPilot(groups, Duration.between(roundsStarted, java.time.Instant.now()));
            }
            for (RunningEnvironment environment : running) {
                environment.markLeftOut(spec, groups, classes.get(environment));
            }
            for (RunningEnvironment environment : running) {
                if (environment.stopped()) {
                    continue; // finished by the cleanup (the run was stopped), which records it as interrupted
                }
                String status = environment.finish(false);
                record.put(environment.name(), new RunRecord.Entry(environment.name(), status, switch (status) {
                    case EnvironmentRecord.PARTIAL -> "some benchmarks failed; see " + environment.name()
                            + "/environment.json and jmh.log";
                    case EnvironmentRecord.FAILED -> String.valueOf(environment.lostReason());
                    default -> "";
                }));
                Progress.say(environment.name() + ": " + status + "; results in " + environment.envDir());
            }
            writeRecord(spec, record);
        }
        boolean failed = record.values().stream().anyMatch(r -> r.status().equals(EnvironmentRecord.FAILED));
        boolean partial = record.values().stream().anyMatch(r -> r.status().equals(EnvironmentRecord.PARTIAL));
        return failed ? ExitCode.FAILURE : partial ? ExitCode.PARTIAL : ExitCode.DONE;
    }

    /** The steps of a run's rounds, in the order drawn for each round and class, with what they took. */
    private static final class Steps {
        /** The run's spec; its rounds those of the pilot once a precision's pilot ended early. */
        private RunSpec spec;
        private final List<RunningEnvironment> running;
        /** The classes each environment runs ({@link RunSpec#groupsFor}). */
        private final Map<RunningEnvironment, List<BenchmarkSelection.Group>> classes;
        private final TimelineWriter timeline;
        private final StepClock clock;
        private final Random order;
        private final List<RunningEnvironment.Step> done = new ArrayList<>();

        Steps(RunSpec spec, List<RunningEnvironment> running, Map<RunningEnvironment, List<BenchmarkSelection.Group>> classes,
              TimelineWriter timeline, StepClock clock, Random order) {
            this.spec = spec;
            this.running = running;
            this.classes = classes;
            this.timeline = timeline;
            this.clock = clock;
            this.order = order;
        }

        /** A precision's pilot ended after {@code pilot} rounds, before the rounds it planned. */
        void pilotEnded(int pilot) {
            spec = spec.withRounds(pilot);
            timeline.rounds(pilot);
            clock.planEnded();
        }

        /** Whether the cleanup finished every environment (the run was stopped): no round goes on then. */
        boolean allStopped() {
            return running.stream().allMatch(RunningEnvironment::stopped);
        }

        /**
         * One round of these classes: each benchmark of each class that {@code runs} in every environment that takes
         * part, the environments in an order drawn per benchmark.
         */
        void round(int round, List<BenchmarkSelection.Group> groups, Predicate<BenchmarkSelection.Group> runs)
                throws InterruptedException {
            for (BenchmarkSelection.Group group : groups) {
                for (BenchmarkSelection.Group benchmark : group.perBenchmark()) {
                    if (!runs.test(benchmark)) {
                        continue;
                    }
                    List<RunningEnvironment> shuffled = new ArrayList<>(running);
                    Collections.shuffle(shuffled, order);
                    for (RunningEnvironment environment : shuffled) {
                        if (environment.runsIn(spec, round) && classes.get(environment).contains(group)) {
                            RunningEnvironment.Step step = environment.step(spec, benchmark, round);
                            done.add(step);
                            timeline.add(step);
                            clock.finished(environment.name(), Duration.between(step.startedAt(), step.endedAt()));
                            if (environment.lost()) {
                                clock.lost(environment.name());
                            }
                            Progress.say(environment.name() + " " + benchmark.label() + " round " + round + ": "
                                    + step.status().word() + "; " + clock.line());
                        }
                    }
                }
            }
        }

        /**
         * After the pilot of a run asked for a precision: the plan ({@link PrecisionPlanner}) into precision.json,
         * then the rounds it gives, each round with the benchmarks that still have one.
         */
        void afterPilot(List<BenchmarkSelection.Group> groups, Duration pilotTime) throws InterruptedException,
                IOException {
            java.util.Set<String> extra = new java.util.LinkedHashSet<>();
            running.stream().filter(e -> !e.lost() && spec.takesPart(e.emulated(), spec.rounds() + 1))
                    .forEach(e -> extra.add(e.name()));
            PrecisionRecord plan = PrecisionPlanner.plan(spec, groups, done, extra, pilotTime);
            JsonFiles.writeAtomically(ResultLayout.precisionJson(spec.runDir()), ResultJson.toJson(plan));
            plan.notes().forEach(note -> Progress.warn("precision: " + note));
            int last = plan.lastRound();
            long reaching = plan.rows().stream().filter(PrecisionRecord.Row::reachesPrecision).count();
            Progress.say("precision " + spec.precision().text() + ": after the pilot (" + pilotTime.toMinutes()
                    + " min), " + plan.rows().size() + " rows planned, " + reaching + " of them reach it in the "
                    + spec.precision().budget().toMinutes() + " min budget; " + (last > spec.rounds()
                    ? "rounds " + (spec.rounds() + 1) + " to " + last + " follow" : "no more rounds"));
            List<BenchmarkSelection.Group> benchmarks = groups.stream().flatMap(g -> g.perBenchmark().stream())
                    .toList();
            int more = benchmarks.stream().mapToInt(b -> plan.roundsOf(b.benchmark()) - spec.rounds()).sum();
            extra.forEach(name -> clock.more(name, more));
            for (int round = spec.rounds() + 1; round <= last; round++) {
                if (allStopped()) {
                    break;
                }
                int r = round;
                Predicate<BenchmarkSelection.Group> still = b -> plan.roundsOf(b.benchmark()) >= r;
                timeline.rounds(round);
                round(round, groups, still);
                Progress.say("round " + round + "/" + last + " done (" + benchmarks.stream().filter(still).count()
                        + " of " + benchmarks.size() + " benchmarks)");
            }
        }
    }

    /** Every planned environment's {@link Environment#preflight()}, before the run directory or a runtime is made. */
    public static void preflight(List<Planned> plan) throws LauncherException {
        for (Planned planned : plan) {
            if (planned.missing().isEmpty()) {
                planned.environment().preflight();
            }
        }
    }

    /** Every environment still running is recorded as interrupted (the run was stopped before it ended). */
    private static void markInterrupted(RunSpec spec, Map<String, RunRecord.Entry> record) throws IOException {
        synchronized (record) {
            boolean any = false;
            for (Map.Entry<String, RunRecord.Entry> entry : record.entrySet()) {
                if (entry.getValue().status().equals(EnvironmentRecord.RUNNING)) {
                    entry.setValue(new RunRecord.Entry(entry.getKey(), EnvironmentRecord.INTERRUPTED,
                            "the run was stopped before it ended; its environment.json says what it kept"));
                    any = true;
                }
            }
            if (any) {
                writeRecord(spec, record);
            }
        }
    }

    private static void writeRecord(RunSpec spec, Map<String, RunRecord.Entry> record) throws IOException {
        synchronized (record) {
            writeRecordNow(spec, record);
        }
    }

    private static void writeRecordNow(RunSpec spec, Map<String, RunRecord.Entry> record) throws IOException {
        JsonFiles.writeAtomically(ResultLayout.environmentsJson(spec.runDir()),
                ResultJson.toJson(RunRecord.of(List.copyOf(record.values()))));
    }
}
