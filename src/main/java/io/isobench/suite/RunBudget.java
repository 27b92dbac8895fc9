package io.isobench.suite;

import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.concurrent.TimeUnit;

/**
 * How long a run may take before an environment is declared hung: per fork, the JMH options' iterations and times plus
 * a fork's start-up, set-up and teardown, times forks and benchmark configurations, with room for a noisy machine.
 * Only the start-up part takes the environment's slowdown: JMH's iterations are timed, so they last as long under
 * emulation as anywhere (fewer operations fit in them, that is all).
 */
public final class RunBudget {

    /** Fork start-up, set-up and teardown per fork, in seconds, on a healthy machine. */
    private static final double FORK_OVERHEAD_SECONDS = 5;
    /** The suite runner's own start-up per step on the host, in seconds (its JVM, the benchmark list, the fingerprint). */
    public static final double STEP_START_SECONDS = 2;
    /** The start-up slowdown allowed where code runs natively: the host, a container, a KVM guest. */
    public static final double NATIVE_SLOWDOWN = 1.5;
    /** Room for a noisy machine before a run counts as hung. */
    private static final double SAFETY = 3;

    private RunBudget() {
    }

    /**
     * The budget of {@code configurations} benchmark configurations under {@code options} (JMH's own typed reading of
     * the command line, so that {@code -w 500ms} and {@code -wi=2} mean what they mean to JMH).
     */
    public static long seconds(Options options, long configurations, double slowdown) {
        return Math.round(120 + SAFETY * expectedSeconds(options, configurations, slowdown));
    }

    /**
     * What {@code configurations} benchmark configurations are expected to take under {@code options} on a healthy
     * machine: the timed iterations of every fork plus each fork's start-up, set-up and teardown (for the plan of a run
     * that has not been measured here yet).
     */
    public static double expectedSeconds(Options options, long configurations, double slowdown) {
        // Fall-backs are JMH's own defaults (5 forks, 5 + 5 iterations of 10 s); the profiles always set all four.
        double forks = options.getForkCount().orElse(5);
        double perFork = options.getWarmupIterations().orElse(5) * seconds(options.getWarmupTime().orElse(TimeValue.seconds(10)))
                + options.getMeasurementIterations().orElse(5) * seconds(options.getMeasurementTime().orElse(TimeValue.seconds(10)))
                + FORK_OVERHEAD_SECONDS * slowdown;
        return configurations * Math.max(forks, 1) * perFork;
    }

    private static double seconds(TimeValue time) {
        return time.convertTo(TimeUnit.MILLISECONDS) / 1000.0;
    }
}
