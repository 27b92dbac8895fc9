package io.isobench.launcher.core;

import io.isobench.compare.Fixtures;
import io.isobench.compare.stats.TwoStage;
import io.isobench.schema.PrecisionRecord;
import io.isobench.schema.ResultJson;
import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.Profile;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rounds after a precision's pilot: per row from the pilot alone, per benchmark the most, within the budget. */
class PrecisionPlannerTest {

    /** One class, two benchmarks: a quiet one and a noisy one. */
    private static final String CLASS = "io.isobench.syscall.Both";
    private static final String QUIET = CLASS + ".quiet";
    private static final String NOISY = CLASS + ".noisy";

    @TempDir
    Path run;

    @Test
    void theBudgetBringsTheCheapestRowsToThePrecisionFirstThenGivesRoundsInPasses() {
        Map<String, List<Integer>> needed = new LinkedHashMap<>();
        needed.put("A", List.of(10));
        needed.put("B", List.of(1, 3));
        Map<String, Double> cost = Map.of("A", 10.0, "B", 10.0);
        assertEquals(Map.of("A", 10, "B", 3), PrecisionPlanner.schedule(needed, cost, 1000),
                "a budget that covers every need gives every need");
        // B's rows reach theirs for 30 s; A's would take 100 s. Round by round, A and B in turn, neither would.
        assertEquals(Map.of("A", 1, "B", 3), PrecisionPlanner.schedule(needed, cost, 40));
        // 25 s: B's first row (10 s); its second needs 20 s more, so the rest goes in passes: A's first round, 5 s left.
        assertEquals(Map.of("A", 1, "B", 1), PrecisionPlanner.schedule(needed, cost, 25));
        assertEquals(Map.of("A", 0, "B", 0), PrecisionPlanner.schedule(needed, cost, 5), "no round fits: none is run");
    }

    @Test
    void eachRowGetsSteinsRoundsFromItsPilotAndEachBenchmarkTheMostItsRowsNeed() throws Exception {
        double[] host = {100, 120, 110, 130};
        double[] quiet = {100.5, 120.7, 110.4, 130.9}; // +0.5 % give or take 0.2 %
        double[] noisy = {104, 115, 118, 126}; // +4 %, -4 %, +7 %, -3 %
        Fixtures.envDir(run, "host", List.of(Fixtures.rounds(QUIET, host),
                Fixtures.rounds(NOISY, host)), Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(run, "host-b", List.of(Fixtures.rounds(QUIET, quiet),
                Fixtures.rounds(NOISY, noisy)), Fixtures.fingerprint("host-b", "host", "none"), null);
        for (String env : List.of("host", "host-b")) {
            Fixtures.tagRounds(run.resolve(env).resolve("jmh.json"), QUIET, 1, 2, 3, 4);
            Fixtures.tagRounds(run.resolve(env).resolve("jmh.json"), NOISY, 1, 2, 3, 4);
        }
        RunSpec spec = new RunSpec(Profile.parse("standard"), 4, 1, 0, List.of(".*"), List.of(), run, "run", null,
                null, new PrecisionGoal(0.05, Duration.ofMinutes(20)));
        List<BenchmarkSelection.Group> groups = List.of(new BenchmarkSelection.Group(CLASS, List.of(QUIET, NOISY),
                Map.of()));
        List<RunningEnvironment.Step> pilot = new ArrayList<>();
        Instant t = Instant.parse("2026-12-05T00:00:00Z");
        for (int round = 1; round <= 4; round++) {
            for (String env : List.of("host", "host-b")) {
                for (String benchmark : List.of(QUIET, NOISY)) {
                    pilot.add(new RunningEnvironment.Step(round, env, CLASS, benchmark, t, t.plusSeconds(15), 0,
                            RunningEnvironment.Status.OK));
                    t = t.plusSeconds(15);
                }
            }
        }
        PrecisionRecord plan = PrecisionPlanner.plan(spec, groups, pilot, Set.of("host", "host-b"), Duration.ofMinutes(4));

        double[] noisyLogs = new double[4];
        for (int i = 0; i < 4; i++) {
            noisyLogs[i] = Math.log(noisy[i] / host[i]);
        }
        int noisyNeeds = TwoStage.plan(noisyLogs, 0.05, 0.05, Integer.MAX_VALUE).rounds();
        assertTrue(noisyNeeds > 4 + 1, "the noisy row needs more than a round more: " + noisyNeeds);
        PrecisionRecord.Row quietRow = plan.rows().stream().filter(r -> r.benchmark().startsWith(QUIET)).findFirst()
                .orElseThrow();
        PrecisionRecord.Row noisyRow = plan.rows().stream().filter(r -> r.benchmark().startsWith(NOISY)).findFirst()
                .orElseThrow();
        assertEquals(4, quietRow.neededRounds(), "the quiet row's pilot is enough");
        assertEquals(4, quietRow.rounds());
        assertEquals(noisyNeeds, noisyRow.neededRounds());
        assertEquals(Math.sqrt(StatUtils.variance(noisyLogs)), noisyRow.pilotSd(), 1e-12);
        // 16 min left, a Noisy round costs 30 s (two environments, 15 s each): every round it needs fits.
        assertEquals(noisyNeeds, plan.roundsOf(NOISY));
        assertEquals(4, plan.roundsOf(QUIET), "the quiet benchmark of the same class runs no rounds for the noisy one");
        assertEquals(List.of(new PrecisionRecord.ClassRounds(CLASS, noisyNeeds)), plan.classes(),
                "the class says the most its benchmarks got");
        assertTrue(noisyRow.reachesPrecision());

        PrecisionRecord tight = PrecisionPlanner.plan(new RunSpec(Profile.parse("standard"), 4, 1, 0, List.of(".*"),
                List.of(), run, "run", null, null, new PrecisionGoal(0.05, Duration.ofSeconds(4 * 60 + 61))), groups,
                pilot, Set.of("host", "host-b"), Duration.ofMinutes(4));
        assertEquals(6, tight.roundsOf(NOISY), "61 s after the pilot: two 30 s rounds of the noisy benchmark alone "
                + "(a round of the whole class, 60 s, would have fitted once)");
        assertFalse(tight.rows().stream().filter(r -> r.benchmark().startsWith(NOISY)).findFirst().orElseThrow()
                .reachesPrecision());
    }

    @Test
    void aPlanOf26GaveEveryBenchmarkItsClassRounds() throws Exception {
        Path file = run.resolve("precision.json");
        Files.writeString(file, """
                {"schemaVersion": "2.6", "precision": 0.05, "alpha": 0.05, "budgetSeconds": 1200, "pilotRounds": 5,
                 "pilotSeconds": 527, "classes": [{"benchmarkClass": "%s", "rounds": 9}], "rows": []}
                """.formatted(CLASS));
        PrecisionRecord old = ResultJson.read(file, PrecisionRecord.class);
        assertEquals(9, old.roundsOf(QUIET));
        assertEquals(9, old.roundsOf(NOISY));
        assertEquals(5, old.roundsOf("io.isobench.syscall.Other.call"), "a class the plan gave nothing: the pilot's");
        assertEquals(9, old.lastRound());

        PrecisionRecord now = PrecisionRecord.of(0.05, 0.05, 1200, 5, 527,
                List.of(new PrecisionRecord.BenchmarkRounds(NOISY, 9)), List.of(), List.of());
        assertEquals(9, now.roundsOf(NOISY));
        assertEquals(5, now.roundsOf(QUIET), "in a plan of 2.7 a benchmark it does not name runs the pilot's rounds, "
                + "not its class's most");
    }

    @Test
    void aPilotEndsEarlyOnlyFromSixRoundsOnAndOnlyWhereAnotherRoundWouldPassTwoThirdsOfTheBudget() {
        PrecisionGoal goal = new PrecisionGoal(0.05, Duration.ofMinutes(20));
        assertEquals(800, goal.pilotSeconds(), "two thirds of 20 minutes");
        assertFalse(goal.pilotEndsAfter(5, 10, Duration.ofMinutes(19)), "five rounds are not trimmed: the pilot goes on");
        assertTrue(goal.pilotEndsAfter(6, 10, Duration.ofSeconds(6 * 126)),
                "rounds of 126 s (the A/A's 13 classes): a seventh would end at 882 s, past 800 s");
        assertFalse(goal.pilotEndsAfter(9, 10, Duration.ofSeconds(9 * 70)),
                "rounds of 70 s (runc's syscall classes): a tenth would end at 700 s, within 800 s");
        assertTrue(goal.pilotEndsAfter(6, 10, Duration.ofSeconds(6 * 115)), "a seventh at 115 s would end at 805 s");
        assertFalse(goal.pilotEndsAfter(6, 10, Duration.ofSeconds(6 * 114)), "a seventh at 114 s would end at 798 s");
        assertFalse(goal.pilotEndsAfter(10, 10, Duration.ofMinutes(30)), "the pilot's last round ends it anyway");
    }

    @Test
    void precisionAndBudgetComeTogetherAndReadAsPeopleWriteThem() {
        assertEquals(Duration.ofMinutes(20), PrecisionGoal.of(5.0, "20m").budget());
        assertEquals(Duration.ofMinutes(90), PrecisionGoal.of(5.0, "1h30m").budget());
        assertEquals(Duration.ofSeconds(90), PrecisionGoal.of(5.0, "90s").budget());
        assertEquals(0.025, PrecisionGoal.of(2.5, "1h").precision(), 1e-12);
        assertEquals("\u00b12.5 %", PrecisionGoal.of(2.5, "1h").text());
        assertEquals(null, PrecisionGoal.of(null, null));
        assertEquals("--precision needs --budget TIME (the longest the rounds may take, such as 20m)",
                assertThrows(IllegalArgumentException.class, () -> PrecisionGoal.of(5.0, null)).getMessage());
        assertEquals("--budget needs --precision PCT (the interval's half-width to plan for)",
                assertThrows(IllegalArgumentException.class, () -> PrecisionGoal.of(null, "20m")).getMessage());
        assertEquals("--budget '20' is not a time: write it as 90s, 20m or 1h30m",
                assertThrows(IllegalArgumentException.class, () -> PrecisionGoal.of(5.0, "20")).getMessage());
        assertEquals("--budget '-5m' is not a time: write it as 90s, 20m or 1h30m",
                assertThrows(IllegalArgumentException.class, () -> PrecisionGoal.of(5.0, "-5m")).getMessage());
        assertEquals("--precision is a percentage above 0 and below 100",
                assertThrows(IllegalArgumentException.class, () -> PrecisionGoal.of(100.0, "5m")).getMessage());
        assertEquals("--budget must be a positive time, such as 20m or 1h30m",
                assertThrows(IllegalArgumentException.class, () -> PrecisionGoal.of(5.0, "0m")).getMessage());
    }
}
