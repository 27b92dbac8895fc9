package io.isobench.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {

    @Test
    void parsesEveryProfileByItsId() {
        for (Profile profile : Profile.values()) {
            assertEquals(profile, Profile.parse(profile.id()));
        }
    }

    @Test
    void unknownProfileNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertEquals("unknown profile 'fast' (choose one of smoke, quick, standard, full)", e.getMessage());
    }

    @Test
    void smokeIsOneForkOfShortIterations() {
        List<String> args = Profile.SMOKE.jmhArgs();
        assertEquals(List.of("-f", "1", "-wi", "1", "-w", "100ms", "-i", "2", "-r", "100ms"), args.subList(0, 10));
        assertEquals("-jvmArgs", args.get(10));
    }

    @Test
    void roundsAreAsManyAsTheComparisonNeeds() {
        assertEquals(1, Profile.SMOKE.rounds());
        assertTrue(Profile.QUICK.rounds() >= 3);
        assertTrue(Profile.STANDARD.rounds() >= 5);
        assertTrue(Profile.FULL.rounds() >= 10);
        for (Profile profile : Profile.values()) {
            assertEquals(1, forks(profile), profile + ": one fork per round, so that a round is one paired sample");
        }
    }

    private static int forks(Profile profile) {
        List<String> args = profile.jmhArgs();
        return Integer.parseInt(args.get(args.indexOf("-f") + 1));
    }
}
