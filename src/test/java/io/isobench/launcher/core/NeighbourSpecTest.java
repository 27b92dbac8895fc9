package io.isobench.launcher.core;

import io.isobench.launcher.cli.NeighbourOptions;
import io.isobench.load.LoadGenerator;
import io.isobench.load.LoadKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The neighbours' grammar: twin names that round-trip, options checked in one line, the plan with its twins. */
class NeighbourSpecTest {

    @Test
    void aTwinsNameRoundTrips() {
        for (String alone : List.of("host", "host-b", "container-bridge", "container-runsc-bridge-cpus0.5", "vm-tcg")) {
            for (LoadKind load : LoadKind.values()) {
                for (int count : new int[] {1, 2, 16}) {
                    NeighbourSpec spec = new NeighbourSpec(count, load);
                    String twin = spec.twinName(alone);
                    assertEquals(Optional.of(new NeighbourSpec.Named(alone, spec)), NeighbourSpec.parseName(twin), twin);
                }
            }
        }
        assertEquals("container-bridge-nb2io", new NeighbourSpec(2, LoadKind.IO).twinName("container-bridge"));
        assertEquals(Optional.empty(), NeighbourSpec.parseName("container-bridge"));
        assertEquals(Optional.empty(), NeighbourSpec.parseName("host-b"));
        assertEquals(Optional.empty(), NeighbourSpec.parseName("host-nb0cpu"));
        assertEquals(Optional.empty(), NeighbourSpec.parseName("host-nb1disk"));
    }

    @Test
    void badValuesAreOneLine() {
        assertEquals("--neighbours must be between 1 and 16, got 0",
                assertThrows(IllegalArgumentException.class, () -> new NeighbourSpec(0, LoadKind.CPU)).getMessage());
        assertEquals("--load must be one of cpu, io, net, got 'disk'",
                assertThrows(IllegalArgumentException.class, () -> LoadKind.parse("disk")).getMessage());
        assertEquals("--load io needs --neighbours K",
                assertThrows(IllegalArgumentException.class, () -> options("--load", "io").spec()).getMessage());
        assertEquals(Optional.of(new NeighbourSpec(2, LoadKind.CPU)), options("--neighbours", "2").spec(), "cpu by default");
        assertEquals(Optional.empty(), options().spec());
    }

    @Test
    void theGeneratorsCommandNamesTheLoadAndThePathsAsTheSiblingSeesThem() {
        List<String> command = new NeighbourSpec(1, LoadKind.NET).command("/opt/java", "/opt/b.jar", "/ctl", "/var/tmp");
        int main = command.indexOf(LoadGenerator.class.getName());
        assertEquals("/opt/java", command.get(0));
        assertEquals("/opt/b.jar", command.get(command.indexOf("-cp") + 1));
        assertEquals(List.of("--load", "net", "--control", "/ctl", "--dir", "/var/tmp"), command.subList(main + 1, command.size()));
    }

    @Test
    void eachEnvironmentIsFollowedByItsTwinAVmsAsWellAndASkippedOnesTwinIsSkippedWithItsReason() {
        Environment host = Environment.named("host");
        List<Rounds.Planned> plan = options("--neighbours", "1", "--load", "io").expand(List.of(
                Rounds.Planned.of(host),
                new Rounds.Planned(Environment.named("container-runsc-bridge"), Optional.of("no runsc")),
                Rounds.Planned.of(new io.isobench.launcher.kind.vm.VmEnvironment(io.isobench.launcher.kind.vm.VmOptions.defaults()))));
        assertEquals(6, plan.size());
        assertEquals("host-nb1io", plan.get(1).environment().name());
        assertInstanceOf(NeighbourEnvironment.class, plan.get(1).environment());
        assertFalse(plan.get(1).missing().isPresent());
        assertEquals(Optional.of("no runsc"), plan.get(3).missing(), "a twin is skipped for its environment's reason");
        assertEquals("container-runsc-bridge-nb1io", plan.get(3).environment().name());
        assertTrue(plan.get(5).environment().name().matches("vm-(tcg|kvm)(-user)?-nb1io"), plan.get(5).environment().name());
        assertInstanceOf(NeighbourEnvironment.class, plan.get(5).environment(), "a VM has neighbour VMs");
        assertFalse(plan.get(5).missing().isPresent());
        assertEquals(1, options().expand(List.of(Rounds.Planned.of(host))).size(), "no twins without --neighbours");
    }

    private static NeighbourOptions options(String... args) {
        NeighbourOptions options = new NeighbourOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
