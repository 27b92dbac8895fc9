package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code RUN_DIR/precision.json}: the plan of a run asked for a precision ({@code --precision PCT --budget TIME}).
 * A pilot of {@code pilotRounds} interleaved rounds estimated each paired row's standard deviation of the per-round
 * log ratio; Stein's two-stage procedure then gave each row the rounds it needs for a 1 - alpha interval of half-width
 * log(1 + precision), and each class the most that its rows need, as far as the budget allowed. Written by the
 * launcher once, after the pilot; read by compare, which then tests each planned row with the pilot's standard
 * deviation (see {@code io.isobench.compare.stats.TwoStage}). Since 2.4.
 *
 * @param precision the half-width asked for, as a fraction of the ratio (0.05 for +-5 %)
 * @param alpha the level the rounds were planned at (1 - alpha intervals)
 * @param budgetSeconds the longest the rounds were to take, pilot included
 * @param pilotSeconds what the pilot took
 * @param classes each benchmark class and the rounds it was given in all
 * @param rows each planned row (an environment's benchmark against its baseline, paired by round)
 * @param notes what the plan could not do (a row without a pilot, no baseline), one sentence each
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrecisionRecord(SchemaVersion schemaVersion, double precision, double alpha, long budgetSeconds,
                              int pilotRounds, long pilotSeconds, List<ClassRounds> classes, List<Row> rows,
                              List<String> notes) {

    /** A benchmark class and the rounds it got, the pilot's included. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassRounds(String benchmarkClass, int rounds) {
    }

    /**
     * One planned row.
     *
     * @param pilotSd the standard deviation of the pilot's per-round log ratios
     * @param neededRounds the rounds Stein's procedure asks for (never fewer than the pilot's)
     * @param rounds the rounds its class was given (the budget may have cut them below {@code neededRounds})
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String environment, String baseline, String benchmark, String mode, Map<String, String> params,
                      int pilotRounds, double pilotSd, int neededRounds, int rounds) {

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
        rows = rows == null ? List.of() : List.copyOf(rows);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A plan of this build's schema. */
    public static PrecisionRecord of(double precision, double alpha, long budgetSeconds, int pilotRounds,
                                     long pilotSeconds, List<ClassRounds> classes, List<Row> rows, List<String> notes) {
        return new PrecisionRecord(SchemaVersion.CURRENT, precision, alpha, budgetSeconds, pilotRounds, pilotSeconds,
                classes, rows, notes);
    }

    /** The rounds a class was given, or the pilot's when the plan gave it none. */
    public int roundsOf(String benchmarkClass) {
        return classes.stream().filter(c -> c.benchmarkClass().equals(benchmarkClass)).mapToInt(ClassRounds::rounds)
                .findFirst().orElse(pilotRounds);
    }
}
