package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A precision's pilot that ends early, through the whole run: ten rounds asked for, a budget of 6 s, so that from the
 * sixth round on another would pass two thirds of it (4 s; a round here is two forks of at least 0.6 s of iterations
 * each). The pilot ends after six rounds, and precision.json, the timeline and the report all say six, the rows trimmed
 * as a pilot of six is (one round a side).
 */
class PrecisionPilotEndsEarlyIT {

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path runDir;

    @BeforeAll
    static void run() throws Exception {
        runDir = temp.resolve("run");
        outcome = PrecisionRunIT.aa(runDir, 10, "5", "6s");
    }

    @Test
    void thePilotEndsAfterSixRoundsAndEveryFileSaysSix() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        assertTrue(outcome.stderr().contains("the pilot ends after 6 of its 10 rounds: another would pass 4 s, two "
                + "thirds of the 6 s budget"), outcome.stderr());

        JsonNode plan = JsonFiles.read(ResultLayout.precisionJson(runDir));
        assertEquals(6, plan.get("pilotRounds").asInt(), plan.toString());
        JsonNode row = plan.get("rows").get(0);
        assertEquals(6, row.get("pilotRounds").asInt(), plan.toString());
        assertEquals(1.0 / 6, row.get("trim").asDouble(), 1e-9, "a pilot of six trims one round a side");
        plan.get("benchmarks").forEach(b -> assertEquals(6, b.get("rounds").asInt(),
                "the budget was spent: no rounds after the pilot: " + plan));

        JsonNode timeline = JsonFiles.read(ResultLayout.timelineJson(runDir));
        assertEquals(6, timeline.get("rounds").asInt(), timeline.toString());
        TreeSet<Integer> rounds = new TreeSet<>();
        timeline.get("steps").forEach(s -> {
            assertEquals("ok", s.get("status").asText(), s.toString());
            rounds.add(s.get("round").asInt());
        });
        assertEquals(new TreeSet<>(java.util.List.of(1, 2, 3, 4, 5, 6)), rounds, "rounds 7 to 10 did not run");

        String report = Files.readString(ResultLayout.reportDir(runDir).resolve("report.md"));
        assertTrue(report.contains("A pilot of 6 rounds"), report);
    }
}
