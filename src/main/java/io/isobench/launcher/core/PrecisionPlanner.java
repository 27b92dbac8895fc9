package io.isobench.launcher.core;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.stats.TwoStage;
import io.isobench.schema.PrecisionRecord;
import io.isobench.suite.BenchmarkSelection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plans the rounds after a pilot for a precision ({@code --precision PCT --budget TIME}): the pilot's results are
 * compared as the report will compare them, each comparable row paired by round gets the rounds that Stein's
 * two-stage procedure asks for ({@link TwoStage#plan}: from the pilot's standard deviation of the per-round log ratio
 * only, never from later rounds, so that no rule looks at the data it stops on), and each benchmark the most that its
 * rows need. The benchmark is the unit, as it is a step's: a round of a class's quiet benchmarks is not paid for
 * where only a noisy one needs it. What the budget leaves after the pilot goes first to the rows that are cheapest to
 * bring to the precision, then in passes of one more round per benchmark, at each benchmark's mean step time in the
 * pilot ({@link #schedule}); a row the budget cuts short says so. The plan depends on the pilot alone, so the final
 * intervals keep their coverage.
 */
final class PrecisionPlanner {

    private PrecisionPlanner() {
    }

    /**
     * The plan after a pilot of {@code spec.rounds()} rounds whose steps were {@code pilot}, taking
     * {@code pilotTime}; {@code extra} are the environments that run rounds after the pilot (not emulated, not lost).
     */
    static PrecisionRecord plan(RunSpec spec, List<BenchmarkSelection.Group> groups, List<RunningEnvironment.Step> pilot,
                                Set<String> extra, Duration pilotTime) {
        PrecisionGoal goal = spec.precision();
        double alpha = CompareOptions.defaults().alpha();
        List<String> notes = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        try {
            Comparison comparison = Comparison.ofRunDir(spec.runDir(), CompareOptions.defaults());
            int unpaired = 0;
            for (ComparisonRow row : comparison.rows()) {
                if (!row.comparable() || !extra.contains(row.environment()) || !extra.contains(row.baseline())) {
                    continue;
                }
                double[] logs = row.test().roundLogRatios().values().stream().mapToDouble(Double::doubleValue).toArray();
                if (logs.length < 2) {
                    unpaired++;
                    continue;
                }
                needs.add(new Need(row, TwoStage.plan(logs, alpha, goal.precision(), Integer.MAX_VALUE)));
            }
            if (unpaired > 0) {
                notes.add(unpaired + " row" + (unpaired == 1 ? " was" : "s were")
                        + " not paired in two or more pilot rounds and got no plan");
            }
        } catch (CompareException e) {
            notes.add("the pilot could not be compared, so no rounds were planned: " + e.getMessage());
        }
        Map<String, List<Integer>> extraNeeded = new LinkedHashMap<>();
        for (BenchmarkSelection.Group group : groups) {
            for (BenchmarkSelection.Group benchmark : group.perBenchmark()) {
                String name = benchmark.benchmark();
                extraNeeded.put(name, needs.stream().filter(n -> n.row().key().benchmark().equals(name))
                        .map(n -> n.plan().rounds() - n.plan().pilotRounds()).toList());
            }
        }
        Map<String, Integer> extraRounds = schedule(extraNeeded, secondsPerRound(pilot, extra, spec.rounds()),
                goal.budget().minus(pilotTime).toMillis() / 1000.0);
        List<PrecisionRecord.BenchmarkRounds> benchmarks = new ArrayList<>();
        extraRounds.forEach((b, n) -> benchmarks.add(new PrecisionRecord.BenchmarkRounds(b, spec.rounds() + n)));
        List<PrecisionRecord.Row> rows = needs.stream().map(n -> new PrecisionRecord.Row(n.row().environment(),
                n.row().baseline(), n.row().key().benchmark(), n.row().key().mode(), n.row().key().params(),
                n.plan().pilotRounds(), n.plan().pilotSd(), n.plan().rounds(),
                n.plan().pilotRounds() + extraRounds.getOrDefault(n.row().key().benchmark(), 0), n.plan().trim()))
                .toList();
        return PrecisionRecord.of(goal.precision(), alpha, goal.budget().toSeconds(), spec.rounds(),
                pilotTime.toSeconds(), benchmarks, rows, notes);
    }

    /** A planned row: its comparison after the pilot and Stein's plan for it. */
    private record Need(ComparisonRow row, TwoStage.Plan plan) {
    }

    /**
     * Rounds after the pilot per benchmark, from each of its rows' extra rounds needed ({@code extraNeeded}), within
     * {@code seconds} at each benchmark's {@code secondsPerRound} (all environments). First, as many rows as the budget
     * allows reach their precision: each time the row that is cheapest to bring there raises its benchmark to its
     * need, while that fits (a row that needs 130 more rounds is not fed before ten that need 5). Then what is left is
     * given out in passes of one more round per benchmark that still has a row short of its need, in the order given:
     * more rounds still narrow the interval of a row that cannot reach the precision.
     */
    static Map<String, Integer> schedule(Map<String, List<Integer>> extraNeeded, Map<String, Double> secondsPerRound,
                                         double seconds) {
        Map<String, Integer> given = new LinkedHashMap<>();
        extraNeeded.keySet().forEach(c -> given.put(c, 0));
        double left = seconds;
        while (true) {
            String cheapest = null;
            int to = 0;
            double cost = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, List<Integer>> entry : extraNeeded.entrySet()) {
                String c = entry.getKey();
                for (int need : entry.getValue()) {
                    double add = (need - given.get(c)) * secondsPerRound.getOrDefault(c, 0.0);
                    if (need > given.get(c) && add <= left && add < cost) {
                        cheapest = c;
                        to = need;
                        cost = add;
                    }
                }
            }
            if (cheapest == null) {
                break;
            }
            given.put(cheapest, to);
            left -= cost;
        }
        boolean more = true;
        while (more) {
            more = false;
            for (Map.Entry<String, List<Integer>> entry : extraNeeded.entrySet()) {
                String c = entry.getKey();
                double cost = secondsPerRound.getOrDefault(c, 0.0);
                int most = entry.getValue().stream().mapToInt(Integer::intValue).max().orElse(0);
                if (given.get(c) < most && cost <= left) {
                    given.merge(c, 1, Integer::sum);
                    left -= cost;
                    more = true;
                }
            }
        }
        return given;
    }

    /** Each benchmark's mean time per pilot round, summed over the environments that take part after the pilot. */
    static Map<String, Double> secondsPerRound(List<RunningEnvironment.Step> pilot, Set<String> extra, int rounds) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (RunningEnvironment.Step step : pilot) {
            if (extra.contains(step.environment())) {
                seconds.merge(Objects.requireNonNull(step.benchmark(), "a step of rounds runs one benchmark"),
                        Duration.between(step.startedAt(), step.endedAt()).toMillis() / 1000.0 / rounds, Double::sum);
            }
        }
        return seconds;
    }
}
