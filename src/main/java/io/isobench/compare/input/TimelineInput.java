package io.isobench.compare.input;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareException;
import io.isobench.compare.stats.Format;
import io.isobench.schema.Timeline;
import io.isobench.schema.UntrustedFile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The order in which an interleaved run measured its steps ({@code RUN_DIR/timeline.json}, {@link Timeline}, beside
 * environments.json): the order seed, the number of rounds, and one step per round, environment and benchmark
 * class with its start, end, exit code and status (ok, failed, hung, lost, skipped).
 */
public record TimelineInput(Long seed, int rounds, List<Step> steps) {

    /** The file name, at the run directory's top level. */
    public static final String FILE = io.isobench.schema.ResultLayout.TIMELINE_JSON;

    /** The statuses a step may have. */
    public static final Set<String> STATUSES = Set.copyOf(Timeline.STATUSES);

    /** One benchmark class run in one environment in one round. */
    public record Step(int round, String environment, String benchmarkClass, Instant startedAt, Instant endedAt,
                       Integer exitCode, String status) {

        /** Whether the step did not complete (failed, hung or lost; skipped steps never started). */
        public boolean failed() {
            return !status.equals("ok") && !status.equals("skipped");
        }

        /** The class name without its package. */
        public String shortClass() {
            return benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
        }
    }

    public TimelineInput {
        steps = List.copyOf(steps);
    }

    /** The timeline of a run directory, or null when it has none. */
    public static TimelineInput read(Path runDir) throws CompareException {
        Path file = runDir.resolve(FILE);
        if (!UntrustedFile.present(file)) {
            return null;
        }
        JsonNode root = Json.read(file);
        if (!root.isObject() || !root.path("steps").isArray()) {
            throw new CompareException(file, "is not a timeline (expected an object with a steps list)");
        }
        Timeline timeline = Json.bind(file, root, Timeline.class);
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (Timeline.Step step : timeline.steps()) {
            index++;
            steps.add(step(file, index, step));
        }
        int rounds = timeline.rounds() != null ? timeline.rounds() : steps.stream().mapToInt(Step::round).max().orElse(0);
        return new TimelineInput(timeline.seed(), rounds, steps);
    }

    private static Step step(Path file, int index, Timeline.Step step) throws CompareException {
        String where = "step " + index;
        if (step == null || step.round() == null || isBlank(step.environment()) || isBlank(step.benchmarkClass())) {
            throw new CompareException(file, where + " needs a round, an environment and a benchmarkClass");
        }
        String status = step.status() != null ? step.status()
                : step.exitCode() != null && step.exitCode() == 0 ? "ok" : "failed";
        if (!STATUSES.contains(status)) {
            throw new CompareException(file, where + " has status '" + status + "' (expected one of "
                    + String.join(", ", new java.util.TreeSet<>(STATUSES)) + ")");
        }
        return new Step(step.round(), step.environment(), step.benchmarkClass(), instant(file, where, step.startedAt()),
                instant(file, where, step.endedAt()), step.exitCode(), status);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Instant instant(Path file, String where, String text) throws CompareException {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CompareException(file, where + " has a time that is not ISO-8601: " + text);
        }
    }
    /** The environments in order of first appearance. */
    public List<String> environments() {
        return steps.stream().map(Step::environment).distinct().toList();
    }

    /** The first start, or null. */
    public Instant start() {
        return steps.stream().map(Step::startedAt).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
    }

    /** The last end, or null. */
    public Instant end() {
        return steps.stream().map(Step::endedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
    }

    /** One line: rounds, seed, steps, wall time, and the steps that did not complete. */
    public String summary() {
        StringBuilder sb = new StringBuilder("Interleaved run: ").append(rounds).append(rounds == 1 ? " round" : " rounds")
                .append(", order seed ").append(seed == null ? "not recorded" : seed.toString()).append("; ")
                .append(steps.size()).append(" steps in ").append(environments().size()).append(" environments");
        if (start() != null && end() != null) {
            sb.append(", ").append(Format.millis(Duration.between(start(), end()).toMillis())).append(" from ")
                    .append(start()).append(" to ").append(end());
        }
        List<String> bad = steps.stream().filter(s -> !s.status().equals("ok"))
                .map(s -> s.environment() + " " + s.shortClass() + " round " + s.round() + " " + s.status()).toList();
        sb.append(bad.isEmpty() ? "; every step ok." : "; not ok: " + String.join(", ", bad) + ".");
        return sb.toString();
    }
}
