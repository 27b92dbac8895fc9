package io.isobench.launcher.core;

import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.Timeline;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code timeline.json} ({@link Timeline}): every step of a run and the seed of the order, rewritten after
 * every step so that an interrupted run keeps what happened.
 */
final class TimelineWriter {

    private final Path file;
    private final long seed;
    private int rounds;
    private final List<Timeline.Step> steps = new ArrayList<>();

    TimelineWriter(Path runDir, long seed, int rounds) {
        this.file = ResultLayout.timelineJson(runDir);
        this.seed = seed;
        this.rounds = rounds;
    }

    /**
     * The run's rounds are now {@code value} (a run asked for a precision adds rounds after its pilot, and its pilot
     * may end before the rounds it planned).
     */
    synchronized void rounds(int value) {
        rounds = value;
        write(); // a pilot that ends early may be followed by no step at all
    }

    synchronized void add(RunningEnvironment.Step step) {
        steps.add(new Timeline.Step(step.round(), step.environment(), step.benchmarkClass(), step.startedAt().toString(),
                step.endedAt().toString(), step.exitCode(), step.status().word(), step.benchmark()));
        write();
    }

    private void write() {
        try {
            JsonFiles.writeAtomically(file, ResultJson.toJson(Timeline.of(seed, rounds, steps)));
        } catch (IOException e) {
            Progress.warn("cannot write " + file + ": " + e.getMessage());
        }
    }
}
