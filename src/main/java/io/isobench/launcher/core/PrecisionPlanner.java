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
import java.util.Set;

/**
 * Plans the rounds after a pilot for a precision ({@code --precision PCT --budget TIME}): the pilot's results are
 * compared as the report will compare them, each comparable row paired by round gets the rounds that Stein's
 * two-stage procedure asks for ({@link TwoStage#plan}: from the pilot's standard deviation of the per-round log ratio
 * only, never from later rounds, so that no rule looks at the data it stops on), and each class the most that its rows
 * need. What the budget leaves after the pilot is given out in passes, one more round per class and pass in the
 * suite's order, at the class's mean step time in the pilot, while it lasts; a class the budget cuts short has rows
 * that say so. The plan depends on the pilot alone, so the final intervals keep their coverage.
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
        Map<String, Integer> extraNeeded = new LinkedHashMap<>();
        for (BenchmarkSelection.Group group : groups) {
            extraNeeded.put(group.className(), needs.stream().filter(n -> n.className().equals(group.className()))
                    .mapToInt(n -> n.plan().rounds() - n.plan().pilotRounds()).max().orElse(0));
        }
        Map<String, Integer> extraRounds = schedule(extraNeeded, secondsPerRound(pilot, extra, spec.rounds()),
                goal.budget().minus(pilotTime).toMillis() / 1000.0);
        List<PrecisionRecord.ClassRounds> classes = new ArrayList<>();
        extraRounds.forEach((c, n) -> classes.add(new PrecisionRecord.ClassRounds(c, spec.rounds() + n)));
        List<PrecisionRecord.Row> rows = needs.stream().map(n -> new PrecisionRecord.Row(n.row().environment(),
                n.row().baseline(), n.row().key().benchmark(), n.row().key().mode(), n.row().key().params(),
                n.plan().pilotRounds(), n.plan().pilotSd(), n.plan().rounds(),
                n.plan().pilotRounds() + extraRounds.getOrDefault(n.className(), 0))).toList();
        return PrecisionRecord.of(goal.precision(), alpha, goal.budget().toSeconds(), spec.rounds(),
                pilotTime.toSeconds(), classes, rows, notes);
    }

    /** A planned row: its comparison after the pilot and Stein's plan for it. */
    private record Need(ComparisonRow row, TwoStage.Plan plan) {
        String className() {
            String benchmark = row.key().benchmark();
            return benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        }
    }

    /**
     * Rounds after the pilot per class, in the order given: in each pass, one more round for every class that still
     * needs one and whose round ({@code secondsPerRound}, all environments) fits in what is left of
     * {@code seconds}; passes go on while some class gets a round.
     */
    static Map<String, Integer> schedule(Map<String, Integer> extraNeeded, Map<String, Double> secondsPerRound,
                                         double seconds) {
        Map<String, Integer> given = new LinkedHashMap<>();
        extraNeeded.keySet().forEach(c -> given.put(c, 0));
        double left = seconds;
        boolean more = true;
        while (more) {
            more = false;
            for (Map.Entry<String, Integer> entry : extraNeeded.entrySet()) {
                String c = entry.getKey();
                double cost = secondsPerRound.getOrDefault(c, 0.0);
                if (given.get(c) < entry.getValue() && cost <= left) {
                    given.merge(c, 1, Integer::sum);
                    left -= cost;
                    more = true;
                }
            }
        }
        return given;
    }

    /** Each class's mean time per pilot round, summed over the environments that take part after the pilot. */
    static Map<String, Double> secondsPerRound(List<RunningEnvironment.Step> pilot, Set<String> extra, int rounds) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (RunningEnvironment.Step step : pilot) {
            if (extra.contains(step.environment())) {
                seconds.merge(step.benchmarkClass(),
                        Duration.between(step.startedAt(), step.endedAt()).toMillis() / 1000.0 / rounds, Double::sum);
            }
        }
        return seconds;
    }
}
