package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code RUN_DIR/precision.json}: the plan of a run asked for a precision ({@code --precision PCT --budget TIME}).
 * A pilot of {@code pilotRounds} interleaved rounds estimated each paired row's standard deviation of the per-round
 * log ratio (winsorized, since 2.8); Stein's two-stage procedure (on the trimmed mean, since 2.8) then gave each row the rounds it needs for a 1 - alpha interval of half-width
 * log(1 + precision), and each benchmark (the unit of a step) the most that its rows need, as far as the budget
 * allowed. Written by the launcher once, after the pilot; read by compare, which then tests each planned row with the
 * pilot's standard deviation (see {@code io.isobench.compare.stats.TwoStage}). Since 2.4.
 *
 * @param precision the half-width asked for, as a fraction of the ratio (0.05 for +-5 %)
 * @param alpha the level the rounds were planned at (1 - alpha intervals)
 * @param budgetSeconds the longest the rounds were to take, pilot included
 * @param pilotSeconds what the pilot took
 * @param classes each benchmark class and the most rounds one of its benchmarks was given (before 2.7 the plan's unit:
 *                every benchmark of the class ran these)
 * @param benchmarks each benchmark and the rounds it was given in all (since 2.7)
 * @param rows each planned row (an environment's benchmark against its baseline, paired by round)
 * @param notes what the plan could not do (a row without a pilot, no baseline), one sentence each
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrecisionRecord(SchemaVersion schemaVersion, double precision, double alpha, long budgetSeconds,
                              int pilotRounds, long pilotSeconds, List<ClassRounds> classes,
                              List<BenchmarkRounds> benchmarks, List<Row> rows, List<String> notes) {

    /** A benchmark class and the rounds it got, the pilot's included. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassRounds(String benchmarkClass, int rounds) {
    }

    /** A benchmark (class and method) and the rounds it got, the pilot's included. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BenchmarkRounds(String benchmark, int rounds) {
    }

    /**
     * One planned row.
     *
     * @param pilotSd the standard deviation of the pilot's per-round log ratios, winsorized where {@code trim} is
     *                above 0
     * @param neededRounds the rounds Stein's procedure asks for (never fewer than the pilot's)
     * @param rounds the rounds its benchmark was given (the budget may have cut them below {@code neededRounds})
     * @param trim the fraction of rounds trimmed from each side, in the pilot's standard deviation and the final
     *             trimmed mean (since 2.8: 0.2 for a pilot of six rounds or more; 0, Stein's procedure on the mean,
     *             for a smaller pilot and in every plan of 2.7 or older)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String environment, String baseline, String benchmark, String mode, Map<String, String> params,
                      int pilotRounds, double pilotSd, int neededRounds, int rounds, double trim) {

        public Row {
            params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
        }

        /** Whether the rounds given reach the precision. */
        public boolean reachesPrecision() {
            return rounds >= neededRounds;
        }

        /** Whether {@code paired} rounds, as the comparison paired them, reach the precision. */
        public boolean reachedWith(int paired) {
            return paired >= neededRounds;
        }
    }

    public PrecisionRecord {
        schemaVersion = schemaVersion == null ? SchemaVersion.LEGACY : schemaVersion;
        classes = classes == null ? List.of() : List.copyOf(classes);
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
        rows = rows == null ? List.of() : List.copyOf(rows);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A plan of this build's schema, its {@code classes} the most that each class's benchmarks were given. */
    public static PrecisionRecord of(double precision, double alpha, long budgetSeconds, int pilotRounds,
                                     long pilotSeconds, List<BenchmarkRounds> benchmarks, List<Row> rows,
                                     List<String> notes) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        benchmarks.forEach(b -> classes.merge(classOf(b.benchmark()), b.rounds(), Math::max));
        return new PrecisionRecord(SchemaVersion.CURRENT, precision, alpha, budgetSeconds, pilotRounds, pilotSeconds,
                classes.entrySet().stream().map(e -> new ClassRounds(e.getKey(), e.getValue())).toList(), benchmarks,
                rows, notes);
    }

    /**
     * The rounds a benchmark was given; in a plan of 2.6 or older (no {@code benchmarks}), its class's; the pilot's
     * when the plan gave it none.
     */
    public int roundsOf(String benchmark) {
        Objects.requireNonNull(benchmark, "benchmark");
        if (benchmarks.isEmpty()) {
            return classes.stream().filter(c -> c.benchmarkClass().equals(classOf(benchmark)))
                    .mapToInt(ClassRounds::rounds).findFirst().orElse(pilotRounds);
        }
        return benchmarks.stream().filter(b -> b.benchmark().equals(benchmark)).mapToInt(BenchmarkRounds::rounds)
                .findFirst().orElse(pilotRounds);
    }

    /** The most rounds any benchmark was given (the pilot's at least). */
    public int lastRound() {
        return Math.max(pilotRounds, Math.max(benchmarks.stream().mapToInt(BenchmarkRounds::rounds).max().orElse(0),
                classes.stream().mapToInt(ClassRounds::rounds).max().orElse(0)));
    }

    private static String classOf(String benchmark) {
        return benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
    }
}
