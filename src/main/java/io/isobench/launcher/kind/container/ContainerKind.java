package io.isobench.launcher.kind.container;

import io.isobench.launcher.core.Availability;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.IdleKind;
import io.isobench.launcher.core.ImageRecipes;
import io.isobench.launcher.core.Kind;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Rounds;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Docker containers of the shared image, one environment per variant (runtime, network, storage, limits). */
public final class ContainerKind implements Kind {

    /** The container variants of the main job when none are named: Docker's default runtime and gVisor beside it. */
    public static final List<String> DEFAULT_VARIANTS = List.of("bridge", "runsc-bridge");

    /** The OCI runtimes that density starts idle containers with. */
    private static final List<String> RUNTIMES = List.of("runc", "crun", "runsc");

    private final BenchOptions bench = new BenchOptions();
    private final DensityOptions density = new DensityOptions();

    /** The main job's container options. */
    static final class BenchOptions {
        @Option(names = "--container-variants", defaultValue = "",
                description = "Comma-separated container variants, e.g. bridge,runsc-bridge,crun-bridge,host,bridge-unconfined,"
                        + "bridge-volume,bridge-cpus0.5 (default: bridge and runsc-bridge, gVisor skipped with the reason where "
                        + "the engine has no runsc; named ones must run).")
        String variants;
    }

    /** Density's container options. */
    static final class DensityOptions {
        @Option(names = "--image", description = "Container image (default: the image built from the recipe).")
        String image;
    }

    @Override
    public String id() {
        return "container";
    }

    @Override
    public Object benchOptions() {
        return bench;
    }

    @Override
    public Object densityOptions() {
        return density;
    }

    @Override
    public List<Rounds.Planned> plan(List<String> words, boolean named) {
        boolean variantsNamed = !bench.variants.isBlank();
        List<ContainerVariant> variants = (variantsNamed ? Arrays.stream(bench.variants.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList() : DEFAULT_VARIANTS).stream().map(ContainerVariant::parse).toList();
        Optional<String> missing = missing();
        List<Rounds.Planned> plan = new ArrayList<>();
        for (ContainerVariant variant : variants) {
            Optional<String> runtime = missing.isPresent() ? missing : runtimeMissing(variant.runtime());
            if (runtime.isPresent() && missing.isEmpty() && variantsNamed) {
                throw new IllegalArgumentException("container variant " + variant + " asked for, but " + runtime.get());
            }
            // A default beside runc is skipped with the reason where it cannot run, even when containers were named.
            boolean optional = !variantsNamed && !variant.runtime().equals("runc");
            plan.add(new Rounds.Planned(new ContainerEnvironment(variant, null), runtime, optional));
        }
        return plan;
    }

    @Override
    public List<String> idleNames() {
        return RUNTIMES.stream().map(runtime -> "container-" + runtime).toList();
    }

    @Override
    public String idleName(Environment environment) {
        return "container-" + ((ContainerEnvironment) environment).variant().runtime();
    }

    @Override
    public IdleKind openIdle(String name, Idle idle) throws LauncherException, InterruptedException {
        String tag = density.image != null ? density.image : ImageRecipes.build("container");
        return IdleContainers.open(name.substring("container-".length()), tag, idle.jvm(), idle.jar(),
                idle.runDir().getFileName().toString());
    }

    /** Why no container can run here (no engine, Ryuk not disabled, no debootstrap for the image), or empty. */
    public static Optional<String> missing() {
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return Optional.of("TESTCONTAINERS_RYUK_DISABLED is not true (scripts/bench.sh sets it)");
        }
        Optional<String> engine = DockerProbe.missing();
        return engine.isPresent() ? engine : Availability.onPath("debootstrap", "/usr/sbin/debootstrap");
    }

    /** Why a container runtime cannot run here (the engine has no such runtime), or empty; runc always can. */
    public static Optional<String> runtimeMissing(String runtime) {
        if (runtime.equals("runc")) {
            return Optional.empty();
        }
        try {
            return Docker.connect().runtimeName(runtime).isPresent() ? Optional.empty()
                    : Optional.of(ContainerEnvironment.missingRuntime(runtime));
        } catch (LauncherException | RuntimeException e) {
            return Optional.of("no Docker engine answers (" + e.getMessage() + ")");
        }
    }
}
