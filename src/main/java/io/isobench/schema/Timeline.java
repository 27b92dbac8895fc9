package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * {@code RUN_DIR/timeline.json}: the order in which an interleaved run measured its steps: the seed of the order, the
 * number of rounds, and one step per round, environment and benchmark class with its start, end, exit code and status.
 * Rewritten after every step by the launcher, so that an interrupted run keeps what happened; read by compare.
 *
 * @param schemaVersion the schema this file was written in (older timelines have none and read as legacy)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timeline(SchemaVersion schemaVersion, Long seed, Integer rounds, List<Step> steps) {

    /** What a step's status may be: ok, failed, hung, lost, or skipped (never started). */
    public static final List<String> STATUSES = List.of("ok", "failed", "hung", "lost", "skipped");

    /**
     * One step: a benchmark of a class (or, before 2.6, the whole class) run in one environment in one round.
     *
     * @param startedAt ISO-8601, as {@link java.time.Instant#toString()} writes it
     * @param status one of {@link #STATUSES}; files that have none say it by their exit code (0 is ok)
     * @param benchmark the benchmark the step ran ({@code io.isobench.syscall.NativeSyscallBenchmark.getppid}) when it ran
     *     one, as every step does since 2.6; absent where a step ran a whole class of several (files before 2.6)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(Integer round, String environment, String benchmarkClass, String startedAt, String endedAt,
                       Integer exitCode, String status, String benchmark) {

        public Step(Integer round, String environment, String benchmarkClass, String startedAt, String endedAt,
                    Integer exitCode, String status) {
            this(round, environment, benchmarkClass, startedAt, endedAt, exitCode, status, null);
        }
    }

    public Timeline {
        schemaVersion = schemaVersion == null ? SchemaVersion.LEGACY : schemaVersion;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** A timeline of this build's schema. */
    public static Timeline of(long seed, int rounds, List<Step> steps) {
        return new Timeline(SchemaVersion.CURRENT, seed, rounds, steps);
    }
}
