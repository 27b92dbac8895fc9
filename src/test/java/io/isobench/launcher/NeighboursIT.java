package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench --neighbours 1 --load io} as a user runs it: host and a runc container, each beside one sibling that
 * writes and fsyncs during its steps, in two rounds with their alone twins; the neighbours recorded in environment.json,
 * the report setting each twin against its kind alone, and nothing left: no container, no load generator, no control
 * directory, no load file.
 */
class NeighboursIT {

    private static final String GENERATOR = "io.isobench.load.LoadGenerator";

    @TempDir
    Path temp;

    @Test
    void oneNeighbourOfHostAndContainerRunsDuringItsTwinsStepsAndLeavesNothing() throws Exception {
        Engines.requireDocker();
        Set<Path> controlsBefore = controlDirs();
        Path run = temp.resolve("neighbours-it-" + ProcessHandle.current().pid());
        Launch.Outcome outcome = Launch.run(1200, "bench", "--envs", "host,container", "--container-variants", "bridge",
                "--neighbours", "1", "--load", "io", "--profile", "smoke", "--rounds", "2", "--seed", "13",
                "--include", "ParentPidGet|SmallFileChurn", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());

        List<String> statuses = new ArrayList<>();
        JsonFiles.read(ResultLayout.environmentsJson(run)).get("environments")
                .forEach(e -> statuses.add(e.get("env").asText() + " " + e.get("status").asText()));
        assertEquals(List.of("host complete", "host-nb1io complete", "container-bridge complete",
                "container-bridge-nb1io complete"), statuses);

        for (String alone : List.of("host", "container-bridge")) {
            String twin = alone + "-nb1io";
            JsonNode record = JsonFiles.read(ResultLayout.environmentJson(run.resolve(twin)));
            assertEquals(twin, record.get("env").asText(), "the suite records the twin's own name");
            JsonNode neighbours = record.get("neighbours");
            assertEquals(1, neighbours.get("count").asInt(), neighbours.toString());
            assertEquals("io", neighbours.get("load").asText());
            assertEquals(alone, neighbours.get("alone").asText());
            assertEquals(4, neighbours.get("bursts").asInt(), "2 rounds x 2 classes, each step under load");
            assertTrue(neighbours.get("threadsEach").asInt() >= 1, neighbours.toString());
            assertTrue(neighbours.get("loadedSeconds").asDouble() > 0, neighbours.toString());
            assertFalse(JsonFiles.read(ResultLayout.environmentJson(run.resolve(alone))).has("neighbours"),
                    alone + " ran alone");
            assertEquals(2, JsonFiles.read(ResultLayout.jmhJson(run.resolve(twin))).size(), twin + ": both classes");
        }
        JsonNode steps = JsonFiles.read(ResultLayout.timelineJson(run)).get("steps");
        assertEquals(2 * 2 * 4, steps.size(), "2 rounds x 2 classes x 4 environments");

        String md = Files.readString(run.resolve("report").resolve("report.md"));
        assertTrue(md.contains("host-nb1io vs host"), md);
        assertTrue(md.contains("container-bridge-nb1io vs container-bridge"), md);
        JsonNode summary = JsonFiles.read(run.resolve("report").resolve("summary.json"));
        Set<String> twinBaselines = new HashSet<>();
        for (JsonNode row : summary.get("comparisons")) {
            if (row.get("environment").asText().endsWith("-nb1io")) {
                twinBaselines.add(row.get("environment").asText() + " vs " + row.get("baseline").asText());
                assertEquals("paired", row.get("design").asText(), row.toString());
            }
        }
        assertEquals(Set.of("host-nb1io vs host", "container-bridge-nb1io vs container-bridge"), twinBaselines);

        assertEquals("", Engines.output(List.of("docker", "ps", "-aq", "--filter", "label=io.isobench.run="
                + run.getFileName())), "containers left");
        assertEquals(List.of(), Launch.processesContaining(Launch.benchmarksJar().toAbsolutePath() + " " + GENERATOR),
                "load generators left");
        Set<Path> controlsLeft = controlDirs();
        controlsLeft.removeAll(controlsBefore);
        assertEquals(Set.of(), controlsLeft, "control directories left");
        try (Stream<Path> files = Files.list(Path.of("/var/tmp"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("isobench-load-")).toList(),
                    "io load files left");
        }
    }

    @Test
    void badNeighbourOptionsAreOneLineBeforeAnythingStarts() throws Exception {
        for (List<String> args : List.of(List.of("--envs", "host", "--neighbours", "0"),
                List.of("--envs", "host", "--neighbours", "1", "--load", "disk"), List.of("--envs", "host", "--load", "io"),
                List.of("--envs", "host-nb1cpu", "--neighbours", "1"))) {
            List<String> command = new ArrayList<>(List.of("bench", "--profile", "smoke",
                    "--out", temp.resolve("bad").toString()));
            command.addAll(args);
            Launch.Outcome outcome = Launch.run(120, command.toArray(String[]::new));
            assertEquals(2, outcome.exitCode(), args + ": " + outcome.stderr());
            assertEquals(1, outcome.stderr().strip().lines().count(), args + ": " + outcome.stderr());
            assertFalse(Files.exists(temp.resolve("bad").resolve("host")), "nothing started");
        }
    }

    private static Set<Path> controlDirs() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(dirs.filter(d -> d.getFileName().toString().startsWith("isobench-load-")).toList());
        }
    }
}
