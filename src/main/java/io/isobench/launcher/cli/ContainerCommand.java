package io.isobench.launcher.cli;

import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.kind.container.ContainerEnvironment;
import io.isobench.launcher.kind.container.ContainerKind;
import io.isobench.launcher.kind.container.ContainerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code isobench container}: runs the suite in a Docker container into {@code RUN_DIR/container-<variant>/}. */
@Command(name = "container", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the suite in a Docker container (Testcontainers, local image, no pulls).")
public final class ContainerCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Mixin
    NeighbourOptions neighbours;

    @Mixin
    ContainerOptions container;

    @Override
    public Integer call() throws Exception {
        var variant = container.variant();
        ContainerKind.runtimeMissing(variant.runtime()).ifPresent(missing -> {
            throw new IllegalArgumentException("--runtime " + variant.runtime() + " asked for, but " + missing);
        });
        ContainerEnvironment environment = new ContainerEnvironment(variant, container.image());
        List<Rounds.Planned> plan = neighbours.expand(List.of(Rounds.Planned.of(environment)));
        options.check(); // bad input is a usage error (exit 2) even while another run holds the machine
        Rounds.preflight(plan);
        return Rounds.run(plan, options.toSpec());
    }
}
