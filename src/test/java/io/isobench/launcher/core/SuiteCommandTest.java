package io.isobench.launcher.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.SuiteMain;
import io.isobench.suite.SuiteServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A step as its own process and as the suite server's request carry the same budget and runner arguments. */
class SuiteCommandTest {

    private static final SuiteCommand SUITE = new SuiteCommand("/opt/java", "/opt/benchmarks.jar", "/share/results/vm",
            "/var/tmp/isobench", "10.0.2.2:7000", "vm-user-slirp");

    @Test
    void theServersRequestIsTheStepsBudgetAndArguments() throws Exception {
        List<String> step = new ArrayList<>(List.of("timeout", "-k", "10", "95", "/opt/java"));
        step.addAll(SuiteCommand.RUNNER_JVM_ARGS);
        step.addAll(List.of("-cp", "/opt/benchmarks.jar", SuiteMain.class.getName(), "--out", "/share/results/vm",
                "--round", "2", "--include", "a'b"));
        JsonNode request = JsonFiles.MAPPER.readTree(SuiteCommand.serverRequest(step));
        assertEquals(95, request.get("budgetSeconds").asLong());
        List<String> args = new ArrayList<>();
        request.get("args").forEach(a -> args.add(a.asText()));
        assertEquals(List.of("--out", "/share/results/vm", "--round", "2", "--include", "a'b"), args);
    }

    @Test
    void anythingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SuiteCommand.serverRequest(List.of("sh", "-c", "true")));
    }

    @Test
    void theServerRunsWithTheRunnersFlags() {
        List<String> expected = new ArrayList<>(List.of("/opt/java"));
        expected.addAll(SuiteCommand.RUNNER_JVM_ARGS);
        expected.addAll(List.of("-cp", "/opt/benchmarks.jar", SuiteServer.class.getName(), "--steps", "/share/steps"));
        assertEquals(expected, SUITE.server("/share/steps"));
    }

    @Test
    void theForkArchiveIsMadeWithTheForksFlagsAndGivenToEveryStep() {
        String path = SUITE.forkArchiveFor("vm-tcg");
        assertEquals("/var/tmp/isobench/isobench-forks-vm-tcg.jsa", path, "in the benchmark directory, per environment");
        List<String> expected = new ArrayList<>(List.of("/opt/java"));
        expected.addAll(io.isobench.suite.Profile.FORK_JVM_ARGS);
        expected.addAll(List.of("-XX:ArchiveClassesAtExit=" + path, "-cp", "/opt/benchmarks.jar",
                io.isobench.suite.ForkArchive.class.getName()));
        assertEquals(expected, SUITE.forkArchiveDump(path));

        RunSpec spec = new RunSpec(io.isobench.suite.Profile.parse("smoke"), 1, 1, 0, List.of("ParentPidGet"),
                List.of(), null, "run", null, null);
        io.isobench.suite.BenchmarkSelection.Group group = io.isobench.suite.BenchmarkSelection.select(
                List.of("ParentPidGet"), java.util.Map.of()).get(0);
        SuiteCommand.Identity identity = new SuiteCommand.Identity("vm-tcg", "vm", "tap", "tcg");
        List<String> without = SUITE.step(spec, identity, group, 1, 60);
        List<String> with = SUITE.withForkArchive(path).step(spec, identity, group, 1, 60);
        assertEquals(-1, without.indexOf("--fork-archive"));
        assertEquals(path, with.get(with.indexOf("--fork-archive") + 1));
        assertEquals(without.size() + 2, with.size(), "nothing else changes");
    }
}
