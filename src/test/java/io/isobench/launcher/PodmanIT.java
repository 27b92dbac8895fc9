package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job with Podman's default variants (runc as root and rootless, crun) on one small class and one idle instance
 * each: what runs records its kind and variant, what cannot start here is skipped with Podman's own reason, and no
 * container or rootless pause process is left.
 */
class PodmanIT {

    @TempDir
    static Path temp;

    static Path runDir;
    static Launch.Outcome outcome;

    @BeforeAll
    static void runTheMainJobWithPodman() throws Exception {
        Engines.requirePodman();
        runDir = temp.resolve("run");
        outcome = Launch.run(900, "bench", "--envs", "podman", "--profile", "smoke", "--include", "ParentPidGetBenchmark",
                "--density", "1", "--out", runDir.toString());
    }

    @Test
    void runcRunsAsRootAndRootless() throws Exception {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        for (String variant : List.of("runc", "runc-rootless")) {
            Path env = runDir.resolve("podman-" + variant);
            JsonNode environment = JsonFiles.read(ResultLayout.environmentJson(env));
            assertEquals("podman", environment.get("kind").asText());
            assertEquals(variant, environment.get("variant").asText());
            assertEquals("complete", environment.get("status").asText());
            JsonNode results = JsonFiles.read(ResultLayout.jmhJson(env));
            assertTrue(results.size() == 1 && results.get(0).get("primaryMetric").get("score").asDouble() > 0,
                    results.toString());
            JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(env));
            assertTrue(footprint.get("hostProcessesPssBytes").asLong() > 0, "conmon's memory: " + footprint);
        }
    }

    @Test
    void whatCannotStartIsSkippedWithPodmansReason() throws Exception {
        Map<String, JsonNode> entries = new HashMap<>();
        JsonFiles.read(runDir.resolve("environments.json")).get("environments")
                .forEach(entry -> entries.put(entry.get("env").asText(), entry));
        JsonNode crun = entries.get("podman-crun");
        assertTrue(crun != null, entries.keySet().toString());
        if (crun.get("status").asText().equals("skipped")) {
            assertTrue(crun.get("reason").asText().startsWith("podman run of the image failed here: "), crun.toString());
        } else {
            assertEquals("complete", crun.get("status").asText(), crun.toString());
        }
    }

    @Test
    void densityHasTheSeriesThatRan() throws Exception {
        List<String> labels = new ArrayList<>();
        JsonFiles.read(runDir.resolve("density.json")).get("series").forEach(s -> labels.add(s.get("label").asText()));
        assertTrue(labels.containsAll(List.of("podman-runc", "podman-runc-rootless")), labels.toString());
    }

    @Test
    void nothingIsLeft() throws Exception {
        assertEquals("", Engines.output(List.of("podman", "ps", "-aq", "--filter", "label=io.isobench.podman")),
                "root's podman containers left");
        assertEquals(List.of(), Launch.processesContaining("podman run"), "podman clients left");
        assertEquals("", Engines.output(List.of("pgrep", "-u", "isobench", "-x", "podman")),
                "a rootless pause process left");
    }
}
