package io.isobench.launcher.core;

import io.isobench.compare.stats.Format;
import io.isobench.suite.BenchmarkSelection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a run will do, before anything starts ({@code isobench bench --plan}): per environment its rounds, its steps
 * and the time they are expected to take, each class at the cost an earlier run of the same profile measured here
 * ({@link StepCosts}), else at what the profile's settings give ({@link RunSpec#expectedStepSeconds}); and the
 * environments that will be skipped, with why.
 */
public record RunPlan(String profile, int rounds, int classes, List<Line> lines, List<String> skipped) {

    /**
     * One environment's part.
     *
     * @param measuredClasses how many of its classes are timed from an earlier run (the others from the settings)
     * @param measuredBy the earlier runs those times come from
     */
    public record Line(String environment, int rounds, int classes, int steps, double seconds, int measuredClasses,
                       Set<Path> measuredBy, boolean emulated) {
    }

    public RunPlan {
        lines = List.copyOf(lines);
        skipped = List.copyOf(skipped);
    }

    /** The plan of these environments under this spec, timed by these costs. */
    public static RunPlan of(List<Rounds.Planned> planned, RunSpec spec, StepCosts costs) {
        List<BenchmarkSelection.Group> groups = spec.groups();
        List<Line> lines = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Rounds.Planned p : planned) {
            Environment environment = p.environment();
            if (p.missing().isPresent()) {
                skipped.add(environment.name() + ": " + p.missing().get());
                continue;
            }
            int rounds = spec.roundsFor(environment.expectsEmulation());
            List<BenchmarkSelection.Group> runs = spec.groupsFor(environment.expectsEmulation(), groups);
            double perRound = 0;
            int measured = 0;
            Set<Path> by = new LinkedHashSet<>();
            for (BenchmarkSelection.Group group : runs) {
                Optional<StepCosts.Measured> cost = costs.of(environment.name(), group.className());
                if (cost.isPresent()) {
                    measured++;
                    by.add(cost.get().runDir());
                    perRound += cost.get().seconds();
                } else {
                    for (BenchmarkSelection.Group benchmark : group.perBenchmark()) {
                        perRound += spec.expectedStepSeconds(benchmark, environment.expectedSlowdown());
                    }
                }
            }
            lines.add(new Line(environment.name(), rounds, runs.size(), rounds * StepClock.stepsPerRound(runs),
                    rounds * perRound, measured, by, environment.expectsEmulation()));
        }
        return new RunPlan(spec.profile().id(), spec.rounds(), groups.size(), lines, skipped);
    }

    public int steps() {
        return lines.stream().mapToInt(Line::steps).sum();
    }

    public double seconds() {
        return lines.stream().mapToDouble(Line::seconds).sum();
    }

    /** The plan as the console prints it. */
    public List<String> text() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "plan: %s profile, %d round%s of %d class%s; in each round every benchmark runs "
                        + "once in every environment, in an order drawn at random", profile, rounds, rounds == 1 ? "" : "s",
                classes, classes == 1 ? "" : "es"));
        int width = lines.stream().mapToInt(l -> l.environment().length()).max().orElse(0);
        for (Line line : lines) {
            String basis = line.measuredClasses() == 0 ? "estimated from the profile's settings"
                    : line.measuredClasses() == line.classes() ? "as measured by " + runs(line.measuredBy())
                    : line.measuredClasses() + " of " + line.classes() + " classes as measured by "
                            + runs(line.measuredBy()) + ", the others estimated from the settings";
            out.add(String.format(Locale.ROOT, "  %-" + width + "s  %2d round%s  %4d steps  about %-8s (%s%s%s)",
                    line.environment(), line.rounds(), line.rounds() == 1 ? " " : "s", line.steps(),
                    Format.duration(line.seconds()), basis,
                    line.emulated() && line.rounds() < rounds ? "; emulated: the first " + line.rounds()
                            + " round" + (line.rounds() == 1 ? "" : "s") + " only, --emulated-rounds" : "",
                    line.classes() < classes ? "; emulated: " + line.classes() + " of " + classes
                            + " classes, one per area" : ""));
        }
        skipped.forEach(s -> out.add("  cannot run now: " + s));
        if (!skipped.isEmpty()) {
            out.add("  (scripts/bench.sh installs and starts the engines it can before a run; --plan starts nothing)");
        }
        out.add(String.format(Locale.ROOT, "total: %d steps, about %s, plus each environment's start (an image is built "
                + "on its first use) and the density measurement", steps(), Format.duration(seconds())));
        return out;
    }

    private static String runs(Set<Path> runDirs) {
        return String.join(", ", runDirs.stream().map(p -> p.getFileName().toString()).toList());
    }
}
