package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job in rounds, as a user runs it: host and container started once, two rounds of a small selection in an
 * order drawn from the seed, a step per benchmark (ClockRead has two), one fork per round merged into each
 * environment's jmh.json, the timeline, and a comparison that pairs the two sides round by round. And a run whose
 * steps all fail still runs every round.
 */
class InterleavedRunIT {

    private static final String SELECTION = "ParentPidGet|ClockRead";
    private static final long SEED = 20261128L;

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path runDir;

    @BeforeAll
    static void run() throws Exception {
        Engines.requireDocker();
        runDir = temp.resolve("run");
        outcome = Launch.run(1800, "bench", "--envs", "host,container", "--container-variants", "bridge", "--profile", "smoke", "--rounds", "2",
                "--seed", String.valueOf(SEED), "--include", SELECTION, "--out", runDir.toString());
    }

    @Test
    void everyRoundRunsEveryBenchmarkInEveryEnvironment() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode timeline = JsonFiles.read(ResultLayout.timelineJson(runDir));
        assertEquals(SEED, timeline.get("seed").asLong(), "the order's seed is recorded");
        assertEquals(2, timeline.get("rounds").asInt());
        JsonNode steps = timeline.get("steps");
        assertEquals(2 * 3 * 2, steps.size(), "2 rounds x 3 benchmarks x 2 environments");
        Map<String, Set<String>> byRoundAndBenchmark = new HashMap<>();
        List<String> benchmarks = new ArrayList<>();
        List<String> order = new ArrayList<>();
        int lastRound = 0;
        for (JsonNode step : steps) {
            assertEquals("ok", step.get("status").asText(), step.toString());
            assertEquals(0, step.get("exitCode").asInt());
            assertTrue(step.get("round").asInt() >= lastRound, "rounds follow each other");
            lastRound = step.get("round").asInt();
            String benchmark = step.get("benchmark").asText();
            assertTrue(benchmark.startsWith(step.get("benchmarkClass").asText() + "."), step.toString());
            String slot = step.get("round").asText() + " " + benchmark;
            byRoundAndBenchmark.computeIfAbsent(slot, k -> new HashSet<>()).add(step.get("environment").asText());
            order.add(step.get("environment").asText());
            benchmarks.add(benchmark);
            assertTrue(step.get("startedAt").asText().compareTo(step.get("endedAt").asText()) <= 0);
        }
        for (Set<String> environments : byRoundAndBenchmark.values()) {
            assertEquals(Set.of("host", "container-bridge"), environments, "each benchmark runs in both per round");
        }
        assertEquals(6, byRoundAndBenchmark.size());
        for (int i = 0; i < steps.size(); i += 2) {
            assertEquals(2, new HashSet<>(order.subList(i, i + 2)).size(), "a benchmark's steps in a round are adjacent");
            assertEquals(benchmarks.get(i), benchmarks.get(i + 1), "a benchmark's steps in a round are adjacent");
        }
    }

    @Test
    void eachEnvironmentKeepsOneEntryPerBenchmarkWithAForkPerRound() throws IOException {
        for (String env : List.of("host", "container-bridge")) {
            JsonNode results = JsonFiles.read(ResultLayout.jmhJson(runDir.resolve(env)));
            assertEquals(3, results.size(), env);
            for (JsonNode result : results) {
                assertEquals("[1,2]", result.get("isobenchRounds").toString(), env + " " + result.get("benchmark"));
                assertEquals(2, result.get("primaryMetric").get("rawData").size());
            }
            JsonNode record = JsonFiles.read(ResultLayout.environmentJson(runDir.resolve(env)));
            assertEquals("complete", record.get("status").asText());
        }
    }

    @Test
    void theComparisonPairsByRound() throws IOException {
        JsonNode summary = JsonFiles.read(runDir.resolve("report").resolve("summary.json"));
        int paired = 0;
        for (JsonNode row : summary.get("comparisons")) {
            if (row.path("design").asText().equals("paired")) {
                paired++;
            }
        }
        assertEquals(3, paired, "rawSyscall and the two clock reads, container against host, paired by round");
        assertTrue(Files.readString(runDir.resolve("report").resolve("index.html")).contains("imeline"),
                "the report shows the timeline");
    }

    @Test
    void failingStepsAreMarkedAndTheRoundsGoOn() throws Exception {
        Path failing = temp.resolve("failing");
        // A JVM flag that does not exist: every fork fails to start, so every step fails.
        Launch.Outcome failed = Launch.run(600, "host", "--profile", "smoke", "--rounds", "2", "--include", "ParentPidGet",
                "--out", failing.toString(), "--", "-jvmArgsAppend", "-XX:+NoSuchIsobenchFlag");
        assertEquals(3, failed.exitCode(), failed.stderr());
        JsonNode steps = JsonFiles.read(ResultLayout.timelineJson(failing)).get("steps");
        assertEquals(2, steps.size(), "the second round ran after the first failed");
        for (JsonNode step : steps) {
            assertEquals("failed", step.get("status").asText());
        }
        JsonNode record = JsonFiles.read(ResultLayout.environmentJson(failing.resolve("host")));
        assertEquals("partial", record.get("status").asText());
        Set<Integer> rounds = new HashSet<>();
        record.get("failed").forEach(entry -> rounds.add(entry.get("round").asInt()));
        assertEquals(Set.of(1, 2), rounds);
    }

    @AfterAll
    static void nothingLeftBehind() throws Exception {
        assertEquals("", Engines.output(List.of("docker", "ps", "-aq", "--filter", "label=io.isobench")), "containers left");
        assertEquals("", Engines.output(List.of("docker", "network", "ls", "-q", "--filter", "label=io.isobench")), "networks left");
        assertEquals(List.of(), Launch.processesContaining("io.isobench.network.EchoPeer"));
        assertEquals(List.of(), Launch.processesContaining("io.isobench.suite.SuiteMain"));
    }
}
