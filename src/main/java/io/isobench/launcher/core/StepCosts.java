package io.isobench.launcher.core;

import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.Timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a class cost per round in one environment (its steps, one per benchmark) in the earlier runs on this machine:
 * read from the timeline.json of the run directories under the results directories, counting only runs of the same
 * profile and rounds whose steps of the class all ended ok; per environment and class the median over the rounds of
 * the most recent run that has it. A plan ({@code isobench bench --plan}) uses them before any estimate from the
 * settings.
 */
public final class StepCosts {

    /** A measured cost: the median seconds of its steps and the run they come from. */
    public record Measured(double seconds, Path runDir, Instant when) {
    }

    private record Key(String environment, String benchmarkClass) {
    }

    private final Map<Key, Measured> costs;

    private StepCosts(Map<Key, Measured> costs) {
        this.costs = costs;
    }

    /** No measured cost at all. */
    public static StepCosts none() {
        return new StepCosts(Map.of());
    }

    /**
     * The costs measured by the run directories directly under {@code roots} whose environments ran {@code profile};
     * unreadable or foreign directories are passed over (a plan never fails for an old run).
     */
    public static StepCosts read(List<Path> roots, String profile) {
        Map<Key, Measured> costs = new HashMap<>();
        for (Path runDir : runDirs(roots)) {
            Optional<Timeline> timeline = timeline(runDir);
            if (timeline.isEmpty() || !ranProfile(runDir, profile)) {
                continue;
            }
            // A class's cost in a round is the sum of its steps (one per benchmark since 2.6, one per class before);
            // a round in which any of them did not end ok or has no times counts for nothing.
            Map<Key, Map<Integer, Double>> seconds = new HashMap<>();
            Map<Key, Set<Integer>> spoilt = new HashMap<>();
            Instant last = Instant.EPOCH;
            for (Timeline.Step step : timeline.get().steps()) {
                if (step.environment() == null || step.benchmarkClass() == null) {
                    continue;
                }
                Key key = new Key(step.environment(), step.benchmarkClass());
                int round = step.round() == null ? 0 : step.round();
                Optional<Duration> took = took(step);
                if (took.isEmpty() || !ok(step)) {
                    spoilt.computeIfAbsent(key, k -> new HashSet<>()).add(round);
                    continue;
                }
                seconds.computeIfAbsent(key, k -> new HashMap<>()).merge(round, took.get().toMillis() / 1000.0,
                        Double::sum);
                Instant ended = Instant.parse(step.endedAt());
                last = ended.isAfter(last) ? ended : last;
            }
            for (Map.Entry<Key, Map<Integer, Double>> entry : seconds.entrySet()) {
                Set<Integer> bad = spoilt.getOrDefault(entry.getKey(), Set.of());
                List<Double> rounds = entry.getValue().entrySet().stream().filter(r -> !bad.contains(r.getKey()))
                        .map(Map.Entry::getValue).toList();
                if (rounds.isEmpty()) {
                    continue;
                }
                Measured measured = new Measured(median(rounds), runDir, last);
                costs.merge(entry.getKey(), measured, (a, b) -> a.when().isAfter(b.when()) ? a : b);
            }
        }
        return new StepCosts(costs);
    }

    /** The measured cost of a round of this class in this environment, if an earlier run of the profile has one. */
    public Optional<Measured> of(String environment, String benchmarkClass) {
        return Optional.ofNullable(costs.get(new Key(environment, benchmarkClass)));
    }

    private static List<Path> runDirs(List<Path> roots) {
        List<Path> dirs = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> children = Files.list(root)) {
                children.filter(dir -> Files.isRegularFile(dir.resolve(ResultLayout.TIMELINE_JSON)))
                        .sorted(Comparator.comparing(Path::toString)).forEach(dirs::add);
            } catch (IOException | SecurityException e) {
                // an unreadable results directory measured nothing that the plan could use
            }
        }
        return dirs;
    }

    private static Optional<Timeline> timeline(Path runDir) {
        try {
            return Optional.of(ResultJson.read(runDir.resolve(ResultLayout.TIMELINE_JSON), Timeline.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the run's environments recorded this profile (the first environment.json found says it). */
    private static boolean ranProfile(Path runDir, String profile) {
        try (Stream<Path> children = Files.list(runDir)) {
            for (Path env : children.filter(Files::isDirectory).sorted().toList()) {
                Path file = ResultLayout.environmentJson(env);
                if (Files.isRegularFile(file)) {
                    EnvironmentRecord record = ResultJson.read(file, EnvironmentRecord.class);
                    return profile.equals(record.fingerprint().profile());
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** Whether the step ended ok (timelines without a status say it by their exit code). */
    private static boolean ok(Timeline.Step step) {
        return step.status() == null ? Integer.valueOf(0).equals(step.exitCode()) : "ok".equals(step.status());
    }

    private static Optional<Duration> took(Timeline.Step step) {
        if (step.startedAt() == null || step.endedAt() == null) {
            return Optional.empty();
        }
        try {
            Duration took = Duration.between(Instant.parse(step.startedAt()), Instant.parse(step.endedAt()));
            return took.isNegative() ? Optional.empty() : Optional.of(took);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
