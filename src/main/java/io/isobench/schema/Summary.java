package io.isobench.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * {@code summary.json}: the comparison for machines, written by {@code isobench compare} beside report.md and
 * index.html. One record per benchmark and environment ({@code comparisons}), the headline per area and environment,
 * what else differs between each environment and its baseline, the timeline, thread scaling, density and footprint,
 * fingerprint mismatches, missing benchmarks, banners and notes, and the regression gate. Numbers that are NaN or
 * infinite are null (the {@code Double} components); the version is {@link #SCHEMA}, a name of its own rather than
 * the results' {@link SchemaVersion}, since no run directory file carries it.
 *
 * @param schema        {@link #SCHEMA}
 * @param mode          {@code baseline} (environments against one baseline) or {@code baseline-run} (against a
 *                      previous run's same environment)
 * @param title         the {@code --title}, or null
 * @param baselines     the baseline labels, in order of first use
 * @param environments  every input environment, baselines included, in input order
 * @param comparisons   one per benchmark and environment, by area, benchmark, mode, params, then environment
 * @param headline      one per area (and {@code all}) and environment
 * @param timeline      the interleaved run's order, or null for a run without timeline.json
 * @param density       one per series of the run's density.json, or null without one
 * @param precision     the plan of a run asked for a precision (precision.json as the launcher wrote it; absent
 *                      otherwise); each planned row's note says whether it reached the precision
 * @param unsteady      the rows that still trended in some environment, as its environment.json lists them (absent
 *                      when none did)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Summary(String schema, String mode, String title, List<String> baselines, List<Input> environments,
                      List<Row> comparisons, List<HeadlineCell> headline, List<Confound> confounds,
                      Timeline timeline, List<Scaling> threadScaling, List<Density> density, Footprints footprint,
                      List<String> fingerprintMismatches, List<Missing> missing, List<String> banners,
                      List<String> notes, Gate gate,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UnsteadyRow> unsteady,
                      @JsonInclude(JsonInclude.Include.NON_NULL) PrecisionRecord precision,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Scheduling> scheduling) {

    /** The name and major version of this file's layout. */
    public static final String SCHEMA = "isobench-compare/3";

    /** A finite number, or null for NaN and infinities (JSON has neither). */
    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * What else ran while an environment measured (its forks' scheduling record): the rest of the machine's CPUs per
     * iteration (median, highest), the measuring thread's preemptions per iteration (median), forks by the CPU they
     * ended on, the C chain canary's median over forks (ns per step) and its forks more than 10 % above it, the getppid
     * canary's median (ns per call), the memory canary's median and 90th percentile over forks (ns per load), and the
     * chain canary's ratio to the baseline's (null for the baseline).
     */
    public record Scheduling(String environment, boolean emulated, int forks, Double othersCpusMedian,
                             Double othersCpusMax, Double preemptionsMedian, Map<Integer, Integer> forksByCpu,
                             Double canaryCpu, int slowForks, Double canarySyscall, Double canaryMemory,
                             Double canaryMemoryP90, Double canaryCpuVsBaseline) {
    }

    /** An input environment: where it came from and how many benchmark results it holds. */
    public record Input(String label, String env, String runId, String kind, String accel, String profile,
                              String source, boolean previousRun, int benchmarks) {
    }

    /** What names a benchmark result: the method, the JMH mode and the parameters. */
    public record Key(String benchmark, String mode, Map<String, String> params) {
    }

    /**
     * One test of a ratio against its baseline: the ratio and its interval, the relative cost (above 1 is slower
     * whichever way the unit points) and its interval, the p-value before and after the false-discovery adjustment,
     * the design ({@code paired} | {@code unpaired}), the sample ({@code round} | {@code fork} | {@code iteration} |
     * {@code none}) and the sample counts ({@code pairs} for paired rows only), and the verdict ({@code faster} |
     * {@code slower} | {@code same} | {@code inconclusive} | {@code invalid} | {@code not comparable}) with its reason.
     * A row that is {@code not comparable} (its evidence contradicts its claim on either side) keeps its ratio and p,
     * has no {@code pAdjusted} and counts in no headline cell. {@code farRounds}: the rounds whose log cost lies far
     * from the row's others ({@code io.isobench.compare.stats.FarRounds}; absent where the rounds are not judged).
     */
    public record TestResult(Double ratio, Double ratioLow, Double ratioHigh, Double cost, Double costLow, Double costHigh,
                       Double overheadPct, Double intervalLevel, String intervalMethod, Double pValue, Double pAdjusted,
                       String design, String sample, int envSamples, int baselineSamples,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer pairs, String verdict, String reason,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> farRounds) {
    }

    /**
     * One benchmark in one environment against its baseline: scores with their half-widths at the intervals' level
     * ({@code scoreError}, {@code baselineScoreError}: t times the standard error of the round means, else the fork
     * means, not JMH's pooled 99.9 % error), the test, the noise flags and note, the net of JNA for syscall rows that
     * call libc through JNA (else null), the secondary metrics both sides report, and the evidence of what work the
     * row did on each side (absent for rows without evidence).
     */
    public record Row(@JsonUnwrapped Key key, String area, String environment, String baseline, String unit,
                             boolean higherIsBetter, Double score, Double scoreError, Double baselineScore,
                             Double baselineScoreError, @JsonUnwrapped TestResult test, Double relativeError, boolean noisy,
                             boolean baselineNoisy, String note, Net netOfJna, List<Secondary> secondary,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EvidenceOfRow> evidence) {
    }

    /**
     * One kind of evidence of a row ({@code deviceReadBytesPerOp}, {@code minorFaultsPerOp}, {@code hugePageCoverage},
     * {@code sameCpuFraction}) on each side; a side is null where it has none. Evidence is not tested.
     */
    public record EvidenceOfRow(String name, EvidenceSide environment, EvidenceSide baseline) {
    }

    /**
     * One side's evidence: the value over all forks (null when nothing was counted), the same per {@code round} of an
     * interleaved run or else per {@code fork} (numbered from 1), and the claims of the row it contradicts (empty when
     * it keeps them).
     */
    public record EvidenceSide(Double value, String per, Map<Integer, Double> samples, List<String> contradicts) {
    }

    /** A row that still trended in one environment: its median and per-fork change from the first to the last iteration. */
    public record UnsteadyRow(String environment, String benchmark, Map<String, String> params, Double firstToLast,
                              List<Double> forks) {
    }

    /** A syscall row less the JNA calls it makes, in ns/op on both sides, with its own test. */
    public record Net(String unit, int jnaCalls, Double score, Double baselineScore, @JsonUnwrapped TestResult test) {
    }

    /**
     * A secondary metric of a row in the row's unit (MiB/s beside ops/s, the time per page fault beside the time per
     * page), which way is better, and its own test; one that is a fixed multiple of the score in every sample (MiB/s
     * beside ops/s) has that factor in {@code multipleOfScore} and the row's own test (it is not tested twice), else
     * {@code multipleOfScore} is null.
     */
    public record Secondary(String name, String unit, boolean higherIsBetter, Double score, Double baselineScore,
                            Double multipleOfScore,
                            @JsonUnwrapped TestResult test) {
    }

    /**
     * The headline of one area ({@code all} for every area) in one environment: the geometric mean cost with its
     * interval, how the interval was drawn ({@code rounds}: over the rounds every row ran in, {@code intervalRounds}
     * of them; {@code rows}: each row's error propagated; {@code none}, with {@code noInterval} saying why), and
     * counts; {@code q}: the cell's p-value adjusted with every other cell's (Benjamini-Hochberg), absent without an
     * interval; the report calls a cell slower or faster only when it is at most alpha.
     */
    public record HeadlineCell(String area, String environment, Double cost, Double costLow, Double costHigh,
                               String intervalOver, int intervalRounds, String noInterval, Double overheadPct,
                               int benchmarks, int rows, int faster, int slower, int same, int inconclusive,
                               int invalid, Double q) {
    }

    /** A fingerprint difference between an environment and its baseline besides the isolation, and why it matters. */
    public record Confound(String environment, String baseline, String what, String baselineValue, String value,
                           String why) {
    }

    /**
     * The interleaved run: its order's seed (null when not recorded), rounds, steps and the steps not ok, and per
     * environment the far rounds of its paired rows and on which side they fell.
     */
    public record Timeline(Long seed, int rounds, int steps, long notOk, List<FarRounds> farRounds) {
    }

    /**
     * An environment's far rounds against its baseline ({@code io.isobench.compare.model.FarRoundsTable}): of
     * {@code rounds} judged rounds over {@code rows} rows, those above its row's usual cost and below, with the
     * two-sided binomial p of that split.
     */
    public record FarRounds(String environment, String baseline, int rows, int rounds, int above, int below,
                            Double pValue) {
    }

    /** How one environment scales from one thread to every CPU the JVM counts, with the interval of the factor. */
    public record Scaling(String environment, String cpus, double oneThread, double allCpus, String unit,
                          double scaling, Double scalingLow, Double scalingHigh) {
    }

    /** One series of density.json: the marginal host memory per further idle instance, and what stopped it. */
    public record Density(String kind, int instances, Double marginalBytes, Double firstBytes,
                          Double hostProcessesPssBytes, Double startToReadyMillis, String stopReason) {
    }

    /** The footprints of the environments, and the RAM their estimates of instances fill. */
    public record Footprints(long ramBytes, List<EnvironmentFootprint> environments) {
    }

    /**
     * One environment's footprint: image size; the start times, one meaning each (null where not measured): the JVM's
     * ({@code java -version}), the instance's start to ready (and the footprint key it came from:
     * {@code startToReadyMillis}, or a VM's {@code bootToInitMillis}) and a VM's boot to a ready JVM; idle memory; an
     * estimate of how many instances fit in the RAM (null when nothing to estimate it from) and what it was
     * extrapolated from ({@code density}: the density run's series {@code densitySeries}; {@code idleMemory}: the RAM
     * over the idle memory); and every value of its footprint.json.
     */
    public record EnvironmentFootprint(String environment, String kind, Double imageBytes, Double jvmStartMillis,
                                       Double startToReadyMillis, String startToReadyKey, Double bootToJvmReadyMillis,
                                       Double idleMemoryBytes, Long instancesInRam, String instancesBasis,
                                       String densitySeries, Map<String, FootprintValue> values) {
    }

    /** A value of footprint.json: text, or a measured number. */
    public sealed interface FootprintValue permits Text, Sampled {

        /** Reads either form: a string is text, an object a measured number. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static FootprintValue read(JsonNode node) {
            return node.isTextual() ? new Text(node.asText()) : ResultJson.toValue(node, Sampled.class);
        }
    }

    /** A text value, written as a plain string. */
    public record Text(@JsonValue String text) implements FootprintValue {
    }

    /** A measured value: its median and every sample. */
    public record Sampled(Double median, List<Double> samples) implements FootprintValue {
    }

    /** A benchmark one side of a pair has and the other lacks, and why (skipped, failed, or not in its results). */
    public record Missing(@JsonUnwrapped Key key, String presentIn, String missingIn, String reason) {
    }

    /**
     * The regression gate ({@code --fail-on-regression}; the threshold null without it): whether it failed, the
     * significant slowdowns above their threshold, and the rows it could not judge.
     */
    public record Gate(Double failOnRegressionPct, boolean failed, List<Regression> regressions,
                       List<Unjudged> unjudged) {
    }

    /** A significant slowdown above its threshold. */
    public record Regression(@JsonUnwrapped Key key, String environment, String baseline, Double overheadPct,
                             Double thresholdPct, Double pValue) {
    }

    /** A row the gate could not judge (no real test), with its verdict and why. */
    public record Unjudged(@JsonUnwrapped Key key, String environment, String verdict, String reason) {
    }

    /** The summary.json of a run directory that holds only a density run: {@link #SCHEMA} and the density alone. */
    public record DensityOnly(String schema, List<Density> density) {
    }
}
