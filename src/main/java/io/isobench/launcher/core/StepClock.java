package io.isobench.launcher.core;

import io.isobench.suite.BenchmarkSelection;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run stands: step k of N, and the time left estimated from the steps measured so far (each environment's own
 * mean step time; an environment that has run none yet takes the run's mean), so that a VM's slow steps and a host's
 * quick ones each count at their own pace.
 */
final class StepClock {

    private final Map<String, Integer> remaining = new HashMap<>();
    private final Map<String, Double> seconds = new HashMap<>();
    private final Map<String, Integer> done = new HashMap<>();
    private final int total;
    private int finished;

    /** {@code steps}: how many steps each environment will run. */
    StepClock(Map<String, Integer> steps) {
        remaining.putAll(steps);
        total = steps.values().stream().mapToInt(Integer::intValue).sum();
    }

    int total() {
        return total;
    }

    /** Records a step of {@code environment} that took {@code took}. */
    void finished(String environment, Duration took) {
        finished++;
        remaining.merge(environment, -1, Integer::sum);
        seconds.merge(environment, took.toMillis() / 1000.0, Double::sum);
        done.merge(environment, 1, Integer::sum);
    }

    /** {@code steps} more steps of {@code environment} than planned (the rounds after a precision's pilot). */
    void more(String environment, int steps) {
        remaining.merge(environment, steps, Integer::sum);
    }

    /** The rounds planned so far are over for every environment (a precision's pilot that ended early). */
    void planEnded() {
        remaining.replaceAll((environment, steps) -> 0);
    }

    /** An environment that was lost runs no further steps. */
    void lost(String environment) {
        total(environment, 0);
    }

    private void total(String environment, int steps) {
        remaining.put(environment, steps);
    }

    /** Seconds left at each environment's mean step time so far. */
    double secondsLeft() {
        double all = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        int count = done.values().stream().mapToInt(Integer::intValue).sum();
        double runMean = count == 0 ? 0 : all / count;
        double left = 0;
        for (Map.Entry<String, Integer> entry : remaining.entrySet()) {
            int steps = Math.max(0, entry.getValue());
            Integer n = done.get(entry.getKey());
            left += steps * (n == null ? runMean : seconds.get(entry.getKey()) / n);
        }
        return left;
    }

    /** {@code step 7/40, about 12 min left}. */
    String line() {
        String estimate = io.isobench.compare.stats.Format.duration(secondsLeft());
        return "step " + finished + "/" + (finished + remaining.values().stream().mapToInt(v -> Math.max(0, v)).sum())
                + ", about " + estimate + " left";
    }

    /** The steps of a plan: per environment, its rounds times its steps per round ({@link #stepsPerRound}). */
    static Map<String, Integer> steps(List<String> environments, List<Integer> rounds, List<Integer> perRound) {
        Map<String, Integer> steps = new HashMap<>();
        for (int i = 0; i < environments.size(); i++) {
            steps.put(environments.get(i), rounds.get(i) * perRound.get(i));
        }
        return steps;
    }

    /** The steps of one round of these classes: one per benchmark ({@link BenchmarkSelection.Group#perBenchmark}). */
    static int stepsPerRound(List<BenchmarkSelection.Group> classes) {
        return classes.stream().mapToInt(g -> g.perBenchmark().size()).sum();
    }
}
