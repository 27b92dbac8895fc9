package io.isobench.launcher.fleet;

import io.isobench.compare.fleet.FleetManifest.Node;
import io.isobench.compare.fleet.FleetManifest.State;
import io.isobench.compare.fleet.FleetManifest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fleet's own options, the bench options it passes through, and its exit code, without a cluster. */
class FleetCommandTest {

    private static FleetCommand parse(String... args) {
        FleetCommand command = new FleetCommand();
        CommandLine cl = new CommandLine(command);
        cl.parseArgs(args);
        command.spec = cl.getCommandSpec();
        return command;
    }

    private static List<String> bench(String... args) {
        FleetCommand command = parse(args);
        return FleetCommand.benchArgs(command.spec.commandLine().getParseResult().originalArgs(), command.unmatched);
    }

    @Test
    void unknownOptionsGoToBenchAndRawJmhOptionsKeepTheirDashes() {
        assertEquals(List.of("--profile", "smoke", "--envs", "host,container"),
                bench("--nodes", "2", "--profile", "smoke", "--poll", "3", "--envs", "host,container"));
        FleetCommand command = parse("--nodes", "2", "--partition", "p", "--profile", "smoke");
        assertEquals(2, command.nodes);
        assertEquals("p", command.partition);
        assertEquals(List.of("--include", "JnaCall", "--", "-f", "3"),
                bench("--nodelist", "n[1-2]", "--include", "JnaCall", "--", "-f", "3"));
    }

    @Test
    void benchOptionsAreCheckedBeforeAnythingIsSubmitted() {
        FleetCommand.checkBench(List.of("--profile", "smoke", "--envs", "host", "--include", "JnaCall"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> FleetCommand.checkBench(List.of("--profil", "smoke")));
        assertTrue(unknown.getMessage().contains("'--profil'"), unknown.getMessage());
        IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                () -> FleetCommand.checkBench(List.of("--out", "x")));
        assertTrue(out.getMessage().contains("--fleet-dir"), out.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FleetCommand.checkBench(List.of("--include", "NoSuchThing")));
        assertThrows(IllegalArgumentException.class, () -> FleetCommand.checkBench(List.of("--", "-f", "abc")));
    }

    @Test
    void exitCodeSaysHowTheFleetWent() {
        Node done = new Node("a", "1", State.DONE, "COMPLETED", 0, null, "a/f", "complete");
        Node partial = new Node("b", "2", State.DONE, "FAILED", 3, null, "b/f", "partial");
        Node failed = new Node("c", "3", State.FAILED, "CANCELLED", 143, "SIGTERM", "c/f", "cancelled");
        assertEquals(0, FleetCommand.exitCode(manifest(done)));
        assertEquals(3, FleetCommand.exitCode(manifest(done, partial)));
        assertEquals(3, FleetCommand.exitCode(manifest(done, failed)));
        assertEquals(1, FleetCommand.exitCode(manifest(failed)));
        Node lost = new Node("d", "4", State.LOST, "NODE_FAIL", null, null, "d/f", "its node stopped answering");
        assertEquals(3, FleetCommand.exitCode(manifest(done, lost)));
        assertTrue(manifest(done, failed, lost).finished());
        assertEquals("0 pending, 0 running, 1 done, 1 failed, 1 lost", FleetCommand.progress(manifest(done, failed, lost)));
    }

    private static FleetManifest manifest(Node... nodes) {
        return new FleetManifest("f", "2026-11-28T00:00:00Z", new FleetManifest.Asked(null, nodes.length, null),
                List.of("--profile", "smoke"), List.of(nodes));
    }
}
