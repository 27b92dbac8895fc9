package io.isobench.launcher.core;

import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** timeline.json as a run writes it: after every step, and when the run's rounds change. */
class TimelineWriterTest {

    @Test
    void aPilotThatEndsEarlyIsInTheFileWithoutAnotherStep(@TempDir Path runDir) throws Exception {
        TimelineWriter timeline = new TimelineWriter(runDir, 7, 10);
        Instant t = Instant.parse("2026-12-06T00:00:00Z");
        timeline.add(new RunningEnvironment.Step(6, "host", "io.isobench.syscall.NativeSyscallBenchmark",
                "io.isobench.syscall.NativeSyscallBenchmark.getppid", t, t.plusSeconds(2), 0,
                RunningEnvironment.Status.OK));
        assertEquals(10, read(runDir).rounds());

        timeline.rounds(6);
        Timeline file = read(runDir);
        assertEquals(6, file.rounds(), "the pilot ended after six rounds and no step followed");
        assertEquals(1, file.steps().size());
        assertEquals(7L, file.seed());
    }

    private static Timeline read(Path runDir) throws Exception {
        return ResultJson.read(ResultLayout.timelineJson(runDir), Timeline.class);
    }
}
