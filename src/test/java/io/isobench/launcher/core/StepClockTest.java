package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The time left counts each environment's steps at that environment's own pace. */
class StepClockTest {

    @Test
    void eachEnvironmentAtItsOwnPace() {
        StepClock clock = new StepClock(StepClock.steps(List.of("host", "vm-tcg"), List.of(3, 1), List.of(2, 2)));
        assertEquals(8, clock.total());
        clock.finished("host", Duration.ofSeconds(2));
        clock.finished("vm-tcg", Duration.ofSeconds(40));
        // host: 5 more at 2 s; vm-tcg: 1 more at 40 s.
        assertEquals(50.0, clock.secondsLeft(), 1e-9);
        assertEquals("step 2/8, about 50 s left", clock.line());
    }

    @Test
    void anEnvironmentThatRunsFewerClassesHasFewerSteps() {
        StepClock clock = new StepClock(StepClock.steps(List.of("host", "vm-tcg"), List.of(1, 1), List.of(30, 9)));
        assertEquals(39, clock.total());
    }

    @Test
    void anEnvironmentWithoutAStepYetTakesTheRunsMeanAndALostOneNone() {
        StepClock clock = new StepClock(StepClock.steps(List.of("host", "container-bridge"), List.of(2, 2), List.of(3, 3)));
        clock.finished("host", Duration.ofSeconds(4));
        assertEquals(5 * 4 + 6 * 4, clock.secondsLeft(), 1e-9);
        clock.lost("container-bridge");
        assertEquals(5 * 4, clock.secondsLeft(), 1e-9);
        assertEquals("step 1/6, about 20 s left", clock.line());
    }
}
