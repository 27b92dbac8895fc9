package io.isobench.suite;

import io.isobench.cpu.Sha256DigestBenchmark;
import io.isobench.process.ProcessSpawnBenchmark;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhCommandLineTest {

    @Test
    void withoutRawOptionsItIsTheProfile() {
        assertEquals(Profile.QUICK.jmhArgs(), JmhCommandLine.of(Profile.QUICK, List.of()).args());
    }

    @Test
    void parameterOverridesAreCountedPerName() {
        JmhCommandLine line = JmhCommandLine.of(Profile.SMOKE, List.of("-p", "size=1", "-p=mode=a,b,c"));
        assertEquals(java.util.Map.of("size", 1, "mode", 3), line.parameterCounts());
        assertEquals(java.util.Map.of(), JmhCommandLine.of(Profile.SMOKE, List.of("-f", "2")).parameterCounts());
    }

    @Test
    void rawOptionsReplaceTheProfilesOptionOfTheSameName() {
        List<String> args = JmhCommandLine.of(Profile.SMOKE, List.of("-f", "3", "-i=7")).args();
        assertEquals(1, args.stream().filter("-f"::equals).count());
        assertEquals("3", args.get(args.indexOf("-f") + 1));
        assertEquals("7", args.get(args.indexOf("-i") + 1));
        assertEquals("1", args.get(args.indexOf("-wi") + 1), "untouched profile options stay");
    }

    @Test
    void aSlowClassesWarmupIsAFloorUnderTheProfilesButNotUnderRawOptionsOrSmoke() {
        List<String> spawn = JmhCommandLine.of(Profile.QUICK, List.of()).forClass(ProcessSpawnBenchmark.class).args();
        assertEquals("3", spawn.get(spawn.indexOf("-wi") + 1), "the class's @Warmup iterations");
        assertEquals("1000ms", spawn.get(spawn.indexOf("-w") + 1), "and its iteration time");
        assertEquals(1, spawn.stream().filter("-w"::equals).count());
        assertEquals(Profile.QUICK.jmhArgs(),
                JmhCommandLine.of(Profile.QUICK, List.of()).forClass(Sha256DigestBenchmark.class).args(), "no floor");
        assertEquals(Profile.SMOKE.jmhArgs(),
                JmhCommandLine.of(Profile.SMOKE, List.of()).forClass(ProcessSpawnBenchmark.class).args(), "smoke keeps its own");
        List<String> asked = JmhCommandLine.of(Profile.QUICK, List.of("-wi", "1")).forClass(ProcessSpawnBenchmark.class).args();
        assertEquals("1", asked.get(asked.lastIndexOf("-wi") + 1), "what was asked is what runs");
        assertEquals("1000ms", asked.get(asked.indexOf("-w") + 1));
        List<String> longer = JmhCommandLine.of(Profile.FULL, List.of("-w", "2s")).forClass(ProcessSpawnBenchmark.class).args();
        assertEquals("2s", longer.get(longer.lastIndexOf("-w") + 1), "a longer warm-up than the floor stays");
        assertEquals("3", longer.get(longer.indexOf("-wi") + 1), "full's 2 iterations are raised to 3");
    }

    @Test
    void outputOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhCommandLine.of(Profile.SMOKE, List.of("-rf", "csv")));
        assertTrue(e.getMessage().contains("-rf is set by isobench"), e.getMessage());
    }

    @Test
    void positionalIncludesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhCommandLine.of(Profile.SMOKE, List.of("Sha256")));
        assertTrue(e.getMessage().contains("--include"), e.getMessage());
    }

    @Test
    void optionWithoutValueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JmhCommandLine.of(Profile.SMOKE, List.of("-f")));
        assertEquals("JMH option -f needs a value", e.getMessage());
    }

    @Test
    void unknownOptionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JmhCommandLine.of(Profile.SMOKE, List.of("-xyz", "1")));
    }
}
