package io.isobench.launcher.cli;

import io.isobench.compare.stats.Format;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.Kinds;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.NeighbourSpec;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.RunPlan;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.StepCosts;
import io.isobench.launcher.density.DensityCommand;
import io.isobench.schema.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code isobench bench}, the main job behind {@code mvn verify -Pbench}: every kind's environments (host, the container
 * variants, the VM, see {@link Kinds}) started once each and run in interleaved rounds into one run directory (see
 * {@link Rounds}), then the comparison. An environment that cannot run here is skipped with its reason, unless its kind
 * was asked for by name; one that fails keeps what it wrote, and the others still run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole matrix (every kind of environment) in interleaved rounds and compare the results.")
public final class BenchCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--envs", defaultValue = "",
            description = "Comma-separated kinds of environment: host, container, vm, ... (default: all that can run here; "
                    + "named ones must). host-NAME adds another host environment under that name, for an A/A test of the "
                    + "method.")
    String envs;

    @Option(names = "--density", defaultValue = "2", paramLabel = "N",
            description = "After the rounds, start N idle instances of each kind of the run, one by one, for the density "
                    + "table (isobench density --max N, KSM and free page reporting off) into RUN_DIR/density.json; 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    int density;

    @Option(names = "--plan", arity = "0..1", fallbackValue = "true", defaultValue = "false",
            description = "Print the plan (environments, rounds, steps and the expected time, from the step times an "
                    + "earlier run of the profile measured here, else from the profile's settings) and exit without "
                    + "starting anything.")
    boolean planOnly;

    /** The registered kinds, each holding the options it adds to this command (see {@link #commandLine()}). */
    private final Kinds kinds = Kinds.load();

    /** This command with the options of every registered kind (--container-variants, --vm-networks, ...). */
    public static CommandLine commandLine() {
        BenchCommand command = new BenchCommand();
        CommandLine commandLine = new CommandLine(command);
        for (Kind kind : command.kinds.all()) {
            if (kind.benchOptions() != null) {
                commandLine.addMixin(kind.id(), kind.benchOptions());
            }
        }
        return commandLine;
    }

    /** The run options as parsed, for the fleet, which checks them before it submits anything. */
    public RunOptions runOptions() {
        return options;
    }

    /** One kind's environments in the plan. */
    private record KindPlan(Kind kind, List<Rounds.Planned> planned) {
    }

    @Override
    public Integer call() throws Exception {
        if (density < 0) {
            throw new IllegalArgumentException("--density must be 0 (none) or more, got " + density);
        }
        List<KindPlan> kindPlans = plan();
        options.check(); // bad input is a usage error (exit 2) even while another run holds the machine
        List<Rounds.Planned> plan = neighbours.expand(kindPlans.stream().flatMap(p -> p.planned().stream()).toList());
        if (planOnly) {
            RunSpec planSpec = options.toPlanSpec();
            RunPlan runPlan = RunPlan.of(plan, planSpec, StepCosts.read(options.resultRoots(), planSpec.profile().id()));
            runPlan.text().forEach(System.out::println);
            if (planSpec.precision() != null) {
                long budget = planSpec.precision().budget().toSeconds();
                System.out.println("precision " + planSpec.precision().text() + ": these rounds are the pilot; after "
                        + "it, the classes whose rows need more rounds get them until " + Format.duration(budget)
                        + " from the first round" + (planSpec.precision()
                        .pilotExpectedToEndEarly(planSpec.rounds(), runPlan.seconds())
                        ? " (the pilot is expected to take more than two thirds of that: it ends after six rounds or "
                        + "more where another would pass " + Format.duration(planSpec.precision().pilotSeconds()) + ")"
                        : ""));
            }
            if (density > 0) {
                System.out.println("then density: " + density + " idle instance(s) of each kind that ran");
            }
            return ExitCode.DONE;
        }
        Rounds.preflight(plan);
        RunSpec spec = options.toSpec();
        int rc = Rounds.run(plan, spec);
        if (density > 0 && rc != ExitCode.FAILURE) {
            measureDensity(kindPlans, spec);
        }
        int compared = Reports.compare(spec.runDir());
        if (compared != ExitCode.DONE || rc == ExitCode.FAILURE) {
            return ExitCode.FAILURE;
        }
        if (rc == ExitCode.PARTIAL) {
            Progress.warn("some benchmarks failed (see " + spec.runDir().resolve("environments.json") + " and the report)");
        }
        return rc;
    }

    /**
     * Every asked kind's environments: the kinds named in --envs (grouped, in the order named), or every kind that runs
     * by default. A named kind's environment that cannot run here fails the run at once, unless it is optional.
     */
    private List<KindPlan> plan() throws LauncherException {
        List<String> asked = envs.isBlank() ? List.of()
                : Arrays.stream(envs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Map<Kind, List<String>> words = new LinkedHashMap<>();
        for (String env : asked) {
            if (NeighbourSpec.parseName(env).isPresent()) {
                throw new IllegalArgumentException("'" + env + "' in --envs is a neighbour twin's name: ask for "
                        + "neighbours with --neighbours K --load cpu|io|net");
            }
            Kind kind = kinds.answering(env).orElseThrow(() -> new IllegalArgumentException("unknown environment '" + env
                    + "' in --envs (use " + kinds.words() + ")"));
            words.computeIfAbsent(kind, k -> new ArrayList<>()).add(env);
        }
        if (asked.isEmpty()) {
            kinds.all().stream().filter(Kind::byDefault).forEach(kind -> words.put(kind, List.of(kind.id())));
        }
        List<KindPlan> plan = new ArrayList<>();
        for (Map.Entry<Kind, List<String>> entry : words.entrySet()) {
            Kind kind = entry.getKey();
            List<Rounds.Planned> planned = kind.plan(entry.getValue(), !asked.isEmpty());
            for (Rounds.Planned environment : planned) {
                if (environment.missing().isPresent() && !asked.isEmpty() && !environment.optional()) {
                    throw new LauncherException(kind.id() + " was asked for but cannot run here: " + environment.missing().get());
                }
            }
            plan.add(new KindPlan(kind, planned));
        }
        return plan;
    }

    /**
     * The density of the kinds this run measured (host, each container runtime, the VM), with {@code isobench density}
     * itself, so that both are one definition. Its failure is reported and leaves the run's results as they are.
     */
    private void measureDensity(List<KindPlan> plan, RunSpec spec) {
        Set<String> series = new LinkedHashSet<>();
        for (KindPlan kindPlan : plan) {
            for (Rounds.Planned planned : kindPlan.planned()) {
                if (planned.missing().isEmpty()) {
                    series.add(kindPlan.kind().idleName(planned.environment()));
                }
            }
        }
        if (series.isEmpty()) {
            return;
        }
        Progress.say("density: " + density + " idle instance(s) of each of " + String.join(", ", series));
        int rc = DensityCommand.execute("--kinds", String.join(",", series), "--max", String.valueOf(density), "--ksm", "off",
                "--page-reporting", "off", "--out", spec.runDir().toString(), "--jar", spec.benchmarksJar().toString());
        if (rc != ExitCode.DONE) {
            Progress.warn("the density measurement did not complete (exit " + rc + "); the run's results are kept");
        }
    }
}
