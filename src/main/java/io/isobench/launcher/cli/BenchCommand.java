package io.isobench.launcher.cli;

import io.isobench.launcher.core.Availability;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.NeighbourSpec;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.kind.container.ContainerEnvironment;
import io.isobench.launcher.kind.container.ContainerVariant;
import io.isobench.launcher.kind.host.HostEnvironment;
import io.isobench.launcher.kind.vm.VmEnvironment;
import io.isobench.launcher.kind.vm.VmOptions;
import io.isobench.suite.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code isobench bench}, the main job behind {@code mvn verify -Pbench}: host, the container variants and the VM
 * started once each and run in interleaved rounds into one run directory (see {@link Rounds}), then the comparison. An
 * environment that cannot run here is skipped with its reason, unless it was asked for by name; one that fails keeps
 * what it wrote, and the others still run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the whole matrix (host, container, vm) in interleaved rounds and compare the results.")
public final class BenchCommand implements Callable<Integer> {

    private static final List<String> KINDS = List.of("host", "container", "vm");

    @Mixin
    RunOptions options;

    @Mixin
    NeighbourOptions neighbours;

    @Option(names = "--envs", defaultValue = "",
            description = "Comma-separated subset of host,container,vm (default: all that can run here; named ones must). "
                    + "host-NAME adds another host environment under that name, for an A/A test of the method.")
    String envs;

    @Option(names = "--container-variants", defaultValue = "",
            description = "Comma-separated container variants, e.g. bridge,runsc-bridge,crun-bridge,host,bridge-unconfined,"
                    + "bridge-volume,bridge-cpus0.5 (default: bridge and runsc-bridge, gVisor skipped with the reason where "
                    + "the engine has no runsc; named ones must run).")
    String containerVariants;

    @Option(names = "--vm-networks", defaultValue = "auto",
            description = "Comma-separated networks of the VM: tap (vm-ACCEL), user (QEMU's slirp, vm-ACCEL-user) or auto "
                    + "(tap where a tap device can be made, else user with the reason) (default: ${DEFAULT-VALUE}). "
                    + "tap,user measures both paths in one run.")
    String vmNetworks;

    @Option(names = "--density", defaultValue = "2", paramLabel = "N",
            description = "After the rounds, start N idle instances of each kind of the run, one by one, for the density "
                    + "table (isobench density --max N, KSM and free page reporting off) into RUN_DIR/density.json; 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    int density;

    /** The container variants of the main job when none are named: Docker's default runtime and gVisor beside it. */
    static final List<String> DEFAULT_VARIANTS = List.of("bridge", "runsc-bridge");

    /** Planned environments that are skipped, not failed, when they cannot run although their kind was asked for. */
    private final java.util.Set<String> optional = new java.util.HashSet<>();

    /** The run options as parsed, for the fleet, which checks them before it submits anything. */
    public RunOptions runOptions() {
        return options;
    }

    @Override
    public Integer call() throws Exception {
        List<String> asked = envs.isBlank() ? List.of()
                : Arrays.stream(envs.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String env : asked) {
            if (!KINDS.contains(env) && !env.matches("host-[a-z0-9]+")) {
                throw new IllegalArgumentException("unknown environment '" + env + "' in --envs (use host, container, vm, "
                        + "or host-NAME for a second host)");
            }
            if (NeighbourSpec.parseName(env).isPresent()) {
                throw new IllegalArgumentException("'" + env + "' in --envs is a neighbour twin's name: ask for "
                        + "neighbours with --neighbours K --load cpu|io|net");
            }
        }
        List<Rounds.Planned> plan = plan(asked.isEmpty() ? KINDS : asked);
        for (Rounds.Planned planned : plan) {
            String kind = planned.environment().name().startsWith("container-") ? "container"
                    : planned.environment().name().startsWith("vm") ? "vm" : "host";
            if (planned.missing().isPresent() && asked.contains(kind) && !optional.contains(planned.environment().name())) {
                throw new LauncherException(kind + " was asked for but cannot run here: " + planned.missing().get());
            }
        }
        if (density < 0) {
            throw new IllegalArgumentException("--density must be 0 (none) or more, got " + density);
        }
        options.check(); // bad input is a usage error (exit 2) even while another run holds the machine
        plan = neighbours.expand(plan);
        Rounds.preflight(plan);
        RunSpec spec = options.toSpec();
        int rc = Rounds.run(plan, spec);
        if (density > 0 && rc != ExitCode.FAILURE) {
            measureDensity(plan, spec);
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

    private List<Rounds.Planned> plan(List<String> asked) {
        boolean named = !containerVariants.isBlank();
        List<ContainerVariant> variants = (named ? Arrays.stream(containerVariants.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList() : DEFAULT_VARIANTS).stream().map(ContainerVariant::parse).toList();
        List<Rounds.Planned> plan = new ArrayList<>();
        Path benchDir = Path.of(HostEnvironment.DEFAULT_BENCH_DIR);
        for (String env : asked) {
            if (env.equals("host") || env.startsWith("host-")) {
                plan.add(Rounds.Planned.of(new HostEnvironment(env, benchDir)));
            }
        }
        if (asked.contains("container")) {
            Optional<String> missing = Availability.containerMissing();
            for (ContainerVariant variant : variants) {
                Optional<String> runtime = missing.isPresent() ? missing : Availability.runtimeMissing(variant.runtime());
                if (runtime.isPresent() && missing.isEmpty() && named) {
                    throw new IllegalArgumentException("container variant " + variant + " asked for, but " + runtime.get());
                }
                ContainerEnvironment environment = new ContainerEnvironment(variant, null);
                if (!named && !variant.runtime().equals("runc")) {
                    optional.add(environment.name()); // a default beside runc: skipped with the reason where missing
                }
                plan.add(new Rounds.Planned(environment, runtime));
            }
        }
        if (asked.contains("vm")) {
            Optional<String> missing = Availability.vmMissing();
            List<String> networks = Arrays.stream(vmNetworks.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .distinct().toList();
            if (networks.isEmpty()) {
                throw new IllegalArgumentException("--vm-networks names no network (use tap, user or auto)");
            }
            if (missing.isPresent()) {
                plan.add(new Rounds.Planned(NeighbourOptions.named("vm"), missing));
            } else {
                java.util.Set<String> names = new java.util.HashSet<>();
                for (String network : networks) {
                    VmEnvironment vm = new VmEnvironment(VmOptions.defaults().withNetwork(network));
                    if (!names.add(vm.name())) {
                        throw new IllegalArgumentException("--vm-networks " + vmNetworks + " names " + vm.name()
                                + " twice (auto is tap where a tap device can be made, else user)");
                    }
                    plan.add(Rounds.Planned.of(vm));
                }
            }
        }
        return plan;
    }

    /**
     * The density of the kinds this run measured (host, each container runtime, the VM), with {@code isobench density}
     * itself, so that both are one definition. Its failure is reported and leaves the run's results as they are.
     */
    private void measureDensity(List<Rounds.Planned> plan, RunSpec spec) {
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        for (Rounds.Planned planned : plan) {
            if (planned.missing().isPresent()) {
                continue;
            }
            String name = planned.environment().name();
            if (planned.environment() instanceof ContainerEnvironment container) {
                String runtime = container.variant().runtime();
                kinds.add(runtime.equals("runc") ? "container" : "container-" + runtime);
            } else if (name.startsWith("vm")) {
                kinds.add("vm");
            } else {
                kinds.add("host");
            }
        }
        if (kinds.isEmpty()) {
            return;
        }
        Progress.say("density: " + density + " idle instance(s) of each of " + String.join(", ", kinds));
        int rc = io.isobench.suite.Cli.execute(new io.isobench.launcher.density.DensityCommand(), "isobench density",
                "--kinds", String.join(",", kinds), "--max", String.valueOf(density), "--ksm", "off", "--page-reporting", "off",
                "--out", spec.runDir().toString(), "--jar", spec.benchmarksJar().toString());
        if (rc != ExitCode.DONE) {
            Progress.warn("the density measurement did not complete (exit " + rc + "); the run's results are kept");
        }
    }
}
