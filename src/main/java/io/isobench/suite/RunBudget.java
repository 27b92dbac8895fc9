package io.isobench.suite;

import org.openjdk.jmh.runner.options.TimeValue;

import java.util.List;

/**
 * How long a run may take before an environment is declared hung: the JMH options' forks, iterations and times,
 * times the number of benchmark configurations, with room for fork start-up and a slowdown factor (emulation).
 */
public final class RunBudget {

    /** Fork start-up, set-up and teardown per fork, in seconds, on a healthy machine. */
    private static final double FORK_OVERHEAD_SECONDS = 5;
    /** Room for a noisy machine before a run counts as hung. */
    private static final double SAFETY = 3;

    private RunBudget() {
    }

    public static long seconds(List<String> jmhArgs, long configurations, double slowdown) {
        double forks = number(jmhArgs, "-f", 1);
        double perFork = number(jmhArgs, "-wi", 1) * time(jmhArgs, "-w")
                + number(jmhArgs, "-i", 1) * time(jmhArgs, "-r") + FORK_OVERHEAD_SECONDS;
        return Math.round(120 + configurations * Math.max(forks, 1) * perFork * SAFETY * slowdown);
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
