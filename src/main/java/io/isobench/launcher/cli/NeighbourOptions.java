package io.isobench.launcher.cli;

import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.NeighbourEnvironment;
import io.isobench.launcher.core.NeighbourSpec;
import io.isobench.launcher.core.Rounds;
import io.isobench.load.LoadKind;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --neighbours K --load cpu|io|net}: every environment of the plan also runs as its neighbour twin (the same
 * kind beside K loaded siblings, {@link NeighbourEnvironment}) in the same rounds, so that the comparison can set the
 * twin against the same kind alone, round by round.
 */
public final class NeighbourOptions {

    @Option(names = "--neighbours", paramLabel = "K", description = "Also run each environment beside K sibling instances "
            + "of its kind that load the machine during its steps (its twin ENV-nbK<load>), compared with it alone.")
    Integer count;

    @Option(names = "--load", paramLabel = "cpu|io|net", description = "What the neighbours load (with --neighbours; "
            + "default: cpu): arithmetic on every CPU, write + fsync + read of a 16 MiB file per CPU, or TCP round trips "
            + "on their loopback.")
    String load;

    /** The neighbours asked for, or empty; bad values are one-line IllegalArgumentExceptions. */
    public Optional<NeighbourSpec> spec() {
        if (count == null) {
            if (load != null) {
                throw new IllegalArgumentException("--load " + load + " needs --neighbours K");
            }
            return Optional.empty();
        }
        return Optional.of(new NeighbourSpec(count, LoadKind.parse(load == null ? LoadKind.CPU.id() : load)));
    }

    /**
     * The plan with each environment followed by its neighbour twin. A twin whose environment cannot run here is
     * skipped for the same reason.
     */
    public List<Rounds.Planned> expand(List<Rounds.Planned> plan) {
        Optional<NeighbourSpec> spec = spec();
        if (spec.isEmpty()) {
            return plan;
        }
        List<Rounds.Planned> expanded = new ArrayList<>();
        for (Rounds.Planned planned : plan) {
            expanded.add(planned);
            Environment environment = planned.environment();
            String twin = spec.get().twinName(environment.name());
            if (planned.missing().isPresent()) {
                expanded.add(new Rounds.Planned(Environment.named(twin), planned.missing()));
            } else {
                expanded.add(Rounds.Planned.of(new NeighbourEnvironment(environment, spec.get())));
            }
        }
        return expanded;
    }
}
