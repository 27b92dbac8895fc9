package io.isobench.launcher.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code timeline.json}: every step of a run (round, environment, benchmark class, start, end, exit code, status) and
 * the seed of the order, rewritten after every step so that an interrupted run keeps what happened.
 */
final class TimelineWriter {

    private final Path file;
    private final ObjectNode root = JsonFiles.MAPPER.createObjectNode();
    private final ArrayNode steps;

    TimelineWriter(Path runDir, long seed, int rounds) {
        this.file = ResultLayout.timelineJson(runDir);
        root.put("seed", seed);
        root.put("rounds", rounds);
        steps = root.putArray("steps");
    }

    synchronized void add(RunningEnvironment.Step step) {
        steps.addObject()
                .put("round", step.round())
                .put("environment", step.environment())
                .put("benchmarkClass", step.benchmarkClass())
                .put("startedAt", step.startedAt().toString())
                .put("endedAt", step.endedAt().toString())
                .put("exitCode", step.exitCode())
                .put("status", step.status().word());
        try {
            JsonFiles.write(file, root);
        } catch (IOException e) {
            Progress.warn("cannot write " + file + ": " + e.getMessage());
        }
    }
}
