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
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run asked for a precision, as a user runs it (host against host-b, an A/A test): a pilot of two rounds, the plan
 * in precision.json, more rounds within the budget for the class whose rows need them, and a report that says per row
 * whether it reached the precision. ±0.1 % from a two-round pilot (Student's t with one degree of freedom) needs far more
 * rounds than a two-minute budget holds, so the budget is what ends the rounds here.
 */
class PrecisionRunIT {

    @TempDir
    static Path temp;

    static Launch.Outcome outcome;
    static Path runDir;

    @BeforeAll
    static void run() throws Exception {
        runDir = temp.resolve("run");
        outcome = aa(runDir, 2, "0.1", "2m");
    }

    /**
     * An A/A (host against host-b) of the native {@code getppid} row, short forks, asked for {@code precision} per cent
     * within {@code budget} with a pilot of {@code rounds}.
     */
    static Launch.Outcome aa(Path runDir, int rounds, String precision, String budget) throws Exception {
        return Launch.run(900, "bench", "--envs", "host,host-b", "--profile", "smoke", "--rounds", String.valueOf(rounds),
                "--density", "0", "--include", "NativeSyscallBenchmark.getppid", "--precision", precision, "--budget",
                budget, "--out", runDir.toString(), "--", "-f", "1", "-wi", "1", "-w", "200ms", "-i", "2", "-r", "200ms");
    }

    @Test
    void thePilotIsPlannedAndTheBudgetEndsTheRounds() throws IOException {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode plan = JsonFiles.read(ResultLayout.precisionJson(runDir));
        assertEquals(0.001, plan.get("precision").asDouble(), 1e-12);
        assertEquals(120, plan.get("budgetSeconds").asLong());
        assertEquals(2, plan.get("pilotRounds").asInt());
        JsonNode row = plan.get("rows").get(0);
        assertEquals("host-b", row.get("environment").asText(), plan.toString());
        assertEquals("host", row.get("baseline").asText());
        int given = plan.get("benchmarks").get(0).get("rounds").asInt();
        assertTrue(row.get("neededRounds").asInt() > given, "±0.1 % from two rounds needs more than the budget (two "
                + "rounds of forks 1 s apart have spread 0.3 % in the log ratio, and ±1 % fitted then): " + plan);
        assertEquals(given, row.get("rounds").asInt());

        JsonNode timeline = JsonFiles.read(ResultLayout.timelineJson(runDir));
        Set<Integer> rounds = new HashSet<>();
        timeline.get("steps").forEach(s -> {
            assertEquals("ok", s.get("status").asText(), s.toString());
            rounds.add(s.get("round").asInt());
        });
        assertEquals(given, rounds.size(), "the rounds the plan gave were run: " + timeline);
        assertEquals(given, timeline.get("rounds").asInt());
        assertTrue(outcome.stderr().contains("precision \u00b10.1 %: after the pilot"), outcome.stderr());

        String report = Files.readString(ResultLayout.reportDir(runDir).resolve("report.md"));
        assertTrue(report.contains("## Precision asked for"), report);
        assertTrue(report.contains("no (budget)"), report);
        assertTrue(report.contains("Stein") || Files.readString(ResultLayout.reportDir(runDir).resolve("summary.json"))
                .contains("Stein's two-stage"), "the row is tested as planned");
    }
}
