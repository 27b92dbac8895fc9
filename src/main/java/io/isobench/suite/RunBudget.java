package io.isobench.suite;

import org.openjdk.jmh.runner.options.TimeValue;

import java.util.List;

/**
 * How long a run may take before an environment is declared hung: per fork, the JMH options' iterations and times plus
 * a fork's start-up, set-up and teardown, times forks and benchmark configurations, with room for a noisy machine.
 * Only the start-up part takes the environment's slowdown: JMH's iterations are timed, so they last as long under
 * emulation as anywhere (fewer operations fit in them, that is all).
 */
public final class RunBudget {

    /** Fork start-up, set-up and teardown per fork, in seconds, on a healthy machine. */
    private static final double FORK_OVERHEAD_SECONDS = 5;
    /** The start-up slowdown allowed where code runs natively: the host, a container, a KVM guest. */
    public static final double NATIVE_SLOWDOWN = 1.5;
    /** Room for a noisy machine before a run counts as hung. */
    private static final double SAFETY = 3;

    private RunBudget() {
    }

    public static long seconds(List<String> jmhArgs, long configurations, double slowdown) {
        // Fall-backs are JMH's own defaults (5 forks, 5 + 5 iterations of 10 s); the profiles always set all four.
        double forks = number(jmhArgs, "-f", 5);
        double perFork = number(jmhArgs, "-wi", 5) * time(jmhArgs, "-w")
                + number(jmhArgs, "-i", 5) * time(jmhArgs, "-r") + FORK_OVERHEAD_SECONDS * slowdown;
        return Math.round(120 + configurations * Math.max(forks, 1) * perFork * SAFETY);
    }

    private static double number(List<String> args, String option, double fallback) {
        int i = args.lastIndexOf(option);
        return i >= 0 && i + 1 < args.size() ? Double.parseDouble(args.get(i + 1)) : fallback;
    }

    private static double time(List<String> args, String option) {
        int i = args.lastIndexOf(option);
        if (i < 0 || i + 1 >= args.size()) {
            return 10; // JMH's default iteration time
        }
        return TimeValue.fromString(args.get(i + 1)).convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }
}
