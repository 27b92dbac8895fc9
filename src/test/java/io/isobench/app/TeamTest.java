package io.isobench.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class TeamTest {

    @Test
    void everyIndexIsDoneOnceWhateverTheTeamAndTheRange() {
        for (int size : new int[] {1, 2, 3, 7}) {
            try (Team team = new Team(size)) {
                for (int count : new int[] {0, 1, 7, 8, 9, 64, 1000, 4099}) {
                    AtomicIntegerArray done = new AtomicIntegerArray(count);
                    for (int run = 0; run < 3; run++) {
                        team.run(count, (from, to) -> {
                            for (long i = from; i < to; i++) {
                                done.incrementAndGet((int) i);
                            }
                        });
                    }
                    for (int i = 0; i < count; i++) {
                        assertEquals(3, done.get(i), "index " + i + " of " + count + " with " + size + " threads");
                    }
                }
            }
        }
    }

    @Test
    void slicesStartOnCacheLinesAndEachThreadTakesOne() {
        for (int index = 0; index <= 3; index++) {
            assertEquals(0, Team.from(index, 3, 1000) % Team.ALIGN);
        }
        assertEquals(1000, Team.from(3, 3, 1000), "the last slice ends at the count");
        ConcurrentHashMap<String, Boolean> threads = new ConcurrentHashMap<>();
        try (Team team = new Team(4)) {
            team.run(4096, (from, to) -> threads.put(Thread.currentThread().getName(), true));
        }
        assertEquals(4, threads.size(), "the caller and three helpers: " + threads.keySet());
    }

    @Test
    void aSlicesFailureIsThrownToTheCallerAndTheTeamGoesOn() {
        try (Team team = new Team(3)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(3000, (from, to) -> {
                if (from > 0) {
                    throw new IllegalStateException("slice at " + from);
                }
            }));
            assertTrue(e.getMessage().startsWith("slice at "), e.getMessage());
            AtomicIntegerArray done = new AtomicIntegerArray(1);
            team.run(3000, (from, to) -> done.addAndGet(0, (int) (to - from)));
            assertEquals(3000, done.get(0));
        }
    }

    @Test
    void closingEndsTheHelpers() throws InterruptedException {
        Team team = new Team(3);
        team.run(10, (from, to) -> { });
        team.close();
        Thread.sleep(100);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("isobench-team-")
                && t.isAlive()), "no helper left");
        assertThrows(IllegalStateException.class, () -> team.run(10, (from, to) -> { }));
        assertThrows(IllegalArgumentException.class, () -> new Team(0));
    }
}
