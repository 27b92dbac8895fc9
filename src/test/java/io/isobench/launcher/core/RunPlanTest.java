package io.isobench.launcher.core;

import io.isobench.compare.stats.Format;
import io.isobench.schema.ResultJson;
import io.isobench.schema.Timeline;
import io.isobench.suite.BenchmarkSelection;
import io.isobench.suite.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run's plan times each class by what an earlier run of the same profile measured here, else by the settings. */
class RunPlanTest {

    private static final String GETPPID = "io.isobench.syscall.ParentPidGetBenchmark";
    private static final String CLOCK = "io.isobench.syscall.ClockReadBenchmark";

    @TempDir
    Path results;

    private static RunSpec spec(int rounds, String... includes) {
        return new RunSpec(Profile.parse("smoke"), rounds, 1, 0, List.of(includes), List.of(), null, null, null, null);
    }

    private static Timeline.Step step(String env, String benchmarkClass, int startSecond, int seconds, String status) {
        return step(1, env, benchmarkClass, startSecond, seconds, status);
    }

    private static Timeline.Step step(int round, String env, String benchmarkClass, int startSecond, int seconds,
                                      String status) {
        Instant start = Instant.parse("2026-12-04T10:00:00Z").plusSeconds(startSecond);
        return new Timeline.Step(round, env, benchmarkClass, start.toString(), start.plusSeconds(seconds).toString(),
                status.equals("ok") ? 0 : 1, status);
    }

    /** A run directory under the results root: its timeline and one environment.json that names the profile. */
    private void run(String name, String profile, List<Timeline.Step> steps) throws Exception {
        Path dir = Files.createDirectories(results.resolve(name).resolve("host"));
        Files.writeString(dir.getParent().resolve("timeline.json"), ResultJson.toJson(Timeline.of(1, 1, steps)));
        Files.writeString(dir.resolve("environment.json"), "{\"schemaVersion\":\"2.3\",\"env\":\"host\",\"kind\":\"host\","
                + "\"profile\":\"" + profile + "\",\"status\":\"complete\"}");
    }

    /** A class's steps of one round (one per benchmark) cost their sum; a round with a failed one counts for nothing. */
    @Test
    void aClassCostsTheSumOfItsStepsInARound() throws Exception {
        run("run-c", "smoke", List.of(step(1, "host", CLOCK, 0, 3, "ok"), step(1, "host", CLOCK, 3, 4, "ok"),
                step(2, "host", CLOCK, 10, 5, "ok"), step(2, "host", CLOCK, 15, 4, "ok"),
                step(3, "host", CLOCK, 20, 2, "ok"), step(3, "host", CLOCK, 22, 60, "failed")));
        assertEquals(8.0, StepCosts.read(List.of(results), "smoke").of("host", CLOCK).orElseThrow().seconds(),
                "the median of 7 s and 9 s; round 3 had a failed step");
    }

    @Test
    void measuredClassesTakeTheirMedianStepAndTheOthersTheSettings() throws Exception {
        List<Timeline.Step> steps = new ArrayList<>();
        steps.add(step(1, "host", GETPPID, 0, 10, "ok"));
        steps.add(step(2, "host", GETPPID, 20, 14, "ok"));
        steps.add(step(3, "host", GETPPID, 40, 12, "ok"));
        steps.add(step(4, "host", GETPPID, 60, 300, "hung")); // a hung step says nothing of the class's cost
        run("run-a", "smoke", steps);
        run("run-b", "quick", List.of(step("host", CLOCK, 0, 99, "ok"))); // another profile's steps are not this one's
        StepCosts costs = StepCosts.read(List.of(results, results.resolve("absent")), "smoke");
        assertEquals(12.0, costs.of("host", GETPPID).orElseThrow().seconds());
        assertTrue(costs.of("host", CLOCK).isEmpty());

        RunSpec spec = spec(3, GETPPID.replace(".", "\\.") + "|" + CLOCK.replace(".", "\\."));
        assertEquals(2, spec.groups().size());
        BenchmarkSelection.Group clock = spec.groups().stream().filter(g -> g.className().equals(CLOCK)).findFirst()
                .orElseThrow();
        RunPlan plan = RunPlan.of(List.of(Rounds.Planned.of(Environment.named("host")),
                new Rounds.Planned(Environment.named("vm-tcg"), Optional.of("no QEMU here"))), spec, costs);
        assertEquals(1, plan.lines().size());
        RunPlan.Line host = plan.lines().get(0);
        assertEquals(2, clock.perBenchmark().size());
        assertEquals(3 * (1 + 2), host.steps(), "a step per benchmark: ParentPidGet has one, ClockRead two");
        assertEquals(1, host.measuredClasses());
        double slowdown = Environment.named("host").expectedSlowdown();
        assertEquals(3 * (12.0 + spec.expectedStepSeconds(clock.perBenchmark().get(0), slowdown)
                        + spec.expectedStepSeconds(clock.perBenchmark().get(1), slowdown)), host.seconds(), 1e-9);
        assertEquals(List.of("vm-tcg: no QEMU here"), plan.skipped());
        String text = String.join("\n", plan.text());
        assertTrue(text.contains("plan: smoke profile, 3 rounds of 2 classes"), text);
        assertTrue(text.contains("1 of 2 classes as measured by run-a"), text);
        assertTrue(text.contains("cannot run now: vm-tcg: no QEMU here"), text);
        assertTrue(text.contains("total: 9 steps"), text);
    }

    /** A VM that expects to be emulated (TCG), as the plan sees it before it starts. */
    private static Environment tcg() {
        return new Environment() {
            @Override
            public String name() {
                return "vm-tcg";
            }

            @Override
            public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double expectedSlowdown() {
                return 10;
            }

            @Override
            public boolean expectsEmulation() {
                return true;
            }
        };
    }

    @Test
    void anEmulatedEnvironmentRunsItsRoundsOnlyAndStartsSlower() {
        Environment tcg = tcg();
        RunSpec spec = spec(5, GETPPID.replace(".", "\\."));
        RunPlan plan = RunPlan.of(List.of(Rounds.Planned.of(Environment.named("host")), Rounds.Planned.of(tcg)), spec,
                StepCosts.none());
        RunPlan.Line host = plan.lines().get(0);
        RunPlan.Line vm = plan.lines().get(1);
        assertEquals(5, host.rounds());
        assertEquals(1, vm.rounds(), "an emulated environment takes part in --emulated-rounds rounds");
        assertTrue(vm.seconds() > host.seconds() / 5, "its forks start slower: " + vm.seconds() + " vs " + host.seconds());
        assertTrue(String.join("\n", plan.text()).contains("emulated: the first 1 round only"), plan.text().toString());
    }

    @Test
    void anEmulatedEnvironmentOfASmokeRunOfTheWholeSuiteRunsOneClassPerArea() {
        String sha = "io.isobench.cpu.Sha256DigestBenchmark";
        RunSpec named = spec(1, GETPPID.replace(".", "\\."), CLOCK.replace(".", "\\."), sha.replace(".", "\\."));
        List<BenchmarkSelection.Group> three = named.groups();
        assertEquals(3, three.size());
        assertEquals(three, named.groupsFor(true, three), "classes named with --include run wherever they were named");

        RunSpec whole = spec(1, RunSpec.WHOLE_SUITE.toArray(String[]::new));
        // ParentPidGet has one method, ClockRead two: the syscall area's class is the one with fewer configurations.
        assertEquals(List.of(GETPPID, sha), whole.groupsFor(true, three).stream()
                .map(BenchmarkSelection.Group::className).toList());
        assertEquals(three, whole.groupsFor(false, three), "an environment that is not emulated runs every class");
        assertTrue(whole.sampledOut(three.get(0)).contains("one class per area"), whole.sampledOut(three.get(0)));

        List<BenchmarkSelection.Group> all = whole.groups();
        long areas = all.stream().map(BenchmarkSelection.Group::area).distinct().count();
        RunPlan plan = RunPlan.of(List.of(Rounds.Planned.of(Environment.named("host")), Rounds.Planned.of(tcg())), whole,
                StepCosts.none());
        assertEquals(StepClock.stepsPerRound(all), plan.lines().get(0).steps());
        assertEquals(StepClock.stepsPerRound(whole.groupsFor(true, all)), plan.lines().get(1).steps());
        assertEquals(areas, whole.groupsFor(true, all).size());
        assertTrue(String.join("\n", plan.text()).contains("emulated: " + areas + " of " + all.size()
                + " classes, one per area"), plan.text().toString());

        RunSpec quick = new RunSpec(Profile.parse("quick"), 1, 1, 0, RunSpec.WHOLE_SUITE, List.of(), null, null, null,
                null);
        assertEquals(all, quick.groupsFor(true, all), "the other profiles run every class under emulation");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("45 s", Format.duration(45));
        assertEquals("12 min", Format.duration(720));
        assertEquals("2 h 05 min", Format.duration(7500));
    }
}
