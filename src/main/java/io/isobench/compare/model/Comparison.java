package io.isobench.compare.model;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.EnvironmentTitle;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.input.MismatchPolicy;
import io.isobench.compare.input.PrecisionInput;
import io.isobench.compare.input.Reasons;
import io.isobench.compare.input.RunRecordInput;
import io.isobench.compare.input.TimelineInput;
import io.isobench.compare.input.Unfinished;
import io.isobench.compare.stats.BootstrapBudget;
import io.isobench.compare.stats.Sampling;
import io.isobench.schema.ContainerRuntime;
import io.isobench.schema.PrecisionRecord;
import io.isobench.schema.Problem;
import io.isobench.suite.Area;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The comparison model: which environment is compared with which baseline, one {@link ComparisonRow} per benchmark
 * and environment, the headline, the footprint and fingerprint tables, the rows that are not comparable
 * ({@link NotComparable}, {@link EvidenceTable}), banners (TCG, mismatches allowed), notes (missing benchmarks,
 * baseline choice) and, with a gate, the regressions. Build it with {@link #of}. Rows that are not comparable stay in
 * {@link #rows()} but out of the false-discovery adjustment and the headline.
 */
public final class Comparison {

    /** A benchmark that one side of a pair has and the other lacks. */
    public record Missing(BenchmarkKey key, String presentIn, String missingIn, String reason) {
    }

    private final CompareOptions options;
    private final List<EnvironmentInput> environments;
    private final List<Pair> pairs;
    private final boolean baselineRun;
    private final List<ComparisonRow> rows;
    private final List<Missing> missing;
    private final Headline headline;
    private final FootprintTable footprint;
    private final FingerprintTable fingerprints;
    private final List<String> banners;
    private final List<String> notes;
    private final List<RegressionGate.Regression> regressions;
    private final List<ComparisonRow> unjudged;
    private final List<Confounds.Confound> confounds;
    private final TimelineInput timeline;
    private final DensityTable density;
    private final EvidenceTable evidence;
    private final SchedulingTable scheduling;
    private final FarRoundsTable farRounds;
    private final ThreadScaling threadScaling;
    private final Map<String, String> titles;
    private final PrecisionRecord precision;

    private Comparison(CompareOptions options, List<EnvironmentInput> environments, List<Pair> pairs,
                       boolean baselineRun, List<ComparisonRow> rows, List<Missing> missing,
                       List<String> banners, List<String> notes, PrecisionRecord precision) {
        this.options = options;
        this.precision = precision;
        this.timeline = null;
        this.density = null;
        this.environments = List.copyOf(environments);
        this.titles = EnvironmentTitle.of(environments);
        this.pairs = List.copyOf(pairs);
        this.baselineRun = baselineRun;
        this.rows = List.copyOf(rows);
        this.missing = List.copyOf(missing);
        this.headline = Headline.of(pairs, rows.stream().filter(ComparisonRow::comparable).toList(), options);
        this.footprint = FootprintTable.of(environments, options.ramBytes());
        this.fingerprints = FingerprintTable.of(environments);
        this.banners = List.copyOf(banners);
        this.notes = List.copyOf(notes);
        this.regressions = RegressionGate.find(rows, options);
        this.unjudged = RegressionGate.unjudged(rows, options);
        this.confounds = Confounds.of(pairs);
        this.evidence = EvidenceTable.of(environments, this.rows);
        this.scheduling = SchedulingTable.of(environments, baseline());
        this.farRounds = FarRoundsTable.of(this.rows);
        this.threadScaling = ThreadScaling.of(environments, 1 - options.alpha());
    }

    /** A copy with other notes, timeline and density; what was computed from the rows is kept, not computed again. */
    private Comparison(Comparison c, List<String> notes, TimelineInput timeline, DensityTable density) {
        this.options = c.options;
        this.precision = c.precision;
        this.timeline = timeline;
        this.environments = c.environments;
        this.titles = c.titles;
        this.pairs = c.pairs;
        this.baselineRun = c.baselineRun;
        this.rows = c.rows;
        this.missing = c.missing;
        this.headline = c.headline;
        this.footprint = c.footprint;
        this.fingerprints = c.fingerprints;
        this.banners = c.banners;
        this.notes = List.copyOf(notes);
        this.regressions = c.regressions;
        this.unjudged = c.unjudged;
        this.confounds = c.confounds;
        this.evidence = c.evidence;
        this.scheduling = c.scheduling;
        this.farRounds = c.farRounds;
        this.threadScaling = c.threadScaling;
        this.density = density;
    }

    /** Loads one run directory and compares its environments with its host (or {@code options.baseline()}). */
    public static Comparison ofRunDir(Path runDir, CompareOptions options) throws CompareException {
        return of(InputLoader.load(List.of(runDir), List.of()), options, PrecisionInput.read(runDir))
                .withNotes(RunRecordInput.notes(List.of(runDir)))
                .withTimeline(TimelineInput.read(runDir)).withDensity(DensityTable.read(runDir));
    }

    /** The same comparison with more notes (e.g. environments the main job skipped, and why). */
    public Comparison withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Comparison(this, all, timeline, density);
    }

    /** The same comparison with the timeline of an interleaved run (null for none). */
    public Comparison withTimeline(TimelineInput value) {
        return new Comparison(this, notes, value, density);
    }

    /** The same comparison with the density measured in the run ({@code density.json}; null for none). */
    public Comparison withDensity(DensityTable value) {
        return new Comparison(this, notes, timeline, value);
    }

    /** The plan of a run asked for a precision ({@code precision.json}), or null when it was not. */
    public PrecisionRecord precision() {
        return precision;
    }

    /** The comparison's row that a row of its precision plan names, if it was compared. */
    public Optional<ComparisonRow> planned(PrecisionRecord.Row row) {
        return rows.stream().filter(r -> PlannedRows.names(row, r.environment(), r.baseline(), r.key())).findFirst();
    }

    /** The density run's table, or null when the run has no density.json. */
    public DensityTable density() {
        return density;
    }

    /**
     * Compares loaded inputs. When some inputs are marked {@link EnvironmentInput#previousRun()}, each other
     * environment is compared with the previous run's environment of the same env name; otherwise every
     * environment is compared with the baseline ({@code options.baseline()}, default host).
     *
     * @throws CompareException when the inputs cannot be compared (no baseline, mismatched builds or profiles)
     */
    public static Comparison of(List<EnvironmentInput> inputs, CompareOptions options) throws CompareException {
        return of(inputs, options, null);
    }

    /**
     * Compares loaded inputs of a run asked for a precision: the rows of {@code precision} (null for none) are tested
     * as planned ({@link PlannedRows}).
     */
    public static Comparison of(List<EnvironmentInput> inputs, CompareOptions options, PrecisionRecord precision)
            throws CompareException {
        if (inputs.isEmpty()) {
            throw new CompareException("no input given; name at least one run directory or JMH JSON file");
        }
        List<String> banners = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> mismatches = MismatchPolicy.check(inputs, options.allowMismatch());
        mismatches.forEach(m -> banners.add("Compared despite a mismatch (--allow-mismatch): " + m + "."));
        Unfinished.warnings(inputs).forEach(w -> banners.add(w + "."));
        boolean baselineRun = inputs.stream().anyMatch(EnvironmentInput::previousRun);
        List<Pair> pairs = baselineRun ? pairByEnv(inputs, notes) : pairWithBaseline(inputs, options, notes);
        Map<String, String> titles = EnvironmentTitle.of(inputs);
        for (EnvironmentInput input : inputs) {
            ContainerRuntime runtime = input.fingerprint().containerRuntime();
            if (runtime != null && runtime.isGvisor()) {
                banners.add(gvisorBanner(titles.get(input.label()), runtime));
            }
            if (input.isTcg()) {
                banners.add(titles.get(input.label()) + " ran under QEMU TCG: its numbers measure emulation, not KVM "
                        + "overhead.");
            }
        }
        RowCalculator calculator = new RowCalculator(options, BootstrapBudget.perComparison());
        List<ComparisonRow> rows = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (Pair pair : pairs) {
            Map<BenchmarkKey, BenchmarkResult> env = pair.environment().byKey();
            Map<BenchmarkKey, BenchmarkResult> base = pair.baseline().byKey();
            if (!sameRun(pair.environment(), pair.baseline())) {
                // Round numbers pair samples only within one interleaved run: round 3 of another run is another time.
                env = withoutRounds(env);
                base = withoutRounds(base);
            }
            for (BenchmarkKey key : new TreeSet<>(base.keySet())) {
                BenchmarkResult e = env.get(key);
                if (e == null) {
                    missing.add(new Missing(key, pair.baseline().label(), pair.environment().label(),
                            reason(pair.environment(), key)));
                } else {
                    ComparisonRow row = calculator.compare(pair.environment().label(), pair.baseline().label(), e,
                            base.get(key), env, base);
                    rows.add(NotComparable.judge(PlannedRows.apply(row, precision, options), pair, e, base.get(key)));
                }
            }
            for (BenchmarkKey key : new TreeSet<>(env.keySet())) {
                if (!base.containsKey(key)) {
                    missing.add(new Missing(key, pair.environment().label(), pair.baseline().label(),
                            reason(pair.baseline(), key)));
                }
            }
        }
        // A row that is not comparable tests nothing the report claims: it is no member of the false-discovery family.
        List<ComparisonRow> notComparable = rows.stream().filter(r -> !r.comparable()).toList();
        rows = new ArrayList<>(FalseDiscovery.adjust(rows.stream().filter(ComparisonRow::comparable).toList(),
                options.alpha(), options.equivalence()));
        rows.addAll(notComparable);
        notes.addAll(TestNotes.of(rows));
        rows.sort((a, b) -> {
            int byKey = a.key().compareTo(b.key());
            return byKey != 0 ? byKey : Integer.compare(indexOf(pairs, a), indexOf(pairs, b));
        });
        if (rows.stream().anyMatch(r -> r.test().sampling() == Sampling.ITERATIONS)) {
            notes.add("Rows with one fork per side come from a single JVM each: their iterations do not show run-to-run "
                    + "variance (JIT decisions, memory layout), so such rows are inconclusive whatever their interval "
                    + "says. Profiles with two or more forks or rounds (standard, full) test one sample per fork or round.");
        }
        return new Comparison(options, inputs, pairs, baselineRun, rows, missing, banners, notes, precision);
    }

    private static int indexOf(List<Pair> pairs, ComparisonRow row) {
        for (int i = 0; i < pairs.size(); i++) {
            if (pairs.get(i).environment().label().equals(row.environment())) {
                return i;
            }
        }
        return pairs.size();
    }

    /** Whether two inputs were measured in one run (the fingerprint's run id, else the run directory). */
    static boolean sameRun(EnvironmentInput a, EnvironmentInput b) {
        String runA = a.fingerprint() != null && a.fingerprint().runId() != null ? a.fingerprint().runId() : a.runId();
        String runB = b.fingerprint() != null && b.fingerprint().runId() != null ? b.fingerprint().runId() : b.runId();
        return runA != null && !runA.isBlank() && runA.equals(runB);
    }

    private static Map<BenchmarkKey, BenchmarkResult> withoutRounds(Map<BenchmarkKey, BenchmarkResult> results) {
        Map<BenchmarkKey, BenchmarkResult> plain = new java.util.LinkedHashMap<>();
        results.forEach((key, result) -> plain.put(key, result.withoutRounds()));
        return plain;
    }

    private static String reason(EnvironmentInput input, BenchmarkKey key) {
        for (Problem p : input.fingerprint().skipped()) {
            if (p.benchmark().equals(key.benchmark()) || key.benchmark().startsWith(p.benchmark() + ".")) {
                return Reasons.after("skipped", p.reason(), "no reason recorded");
            }
        }
        for (Problem p : input.fingerprint().failed()) {
            if (p.benchmark().equals(key.benchmark()) || key.benchmark().startsWith(p.benchmark() + ".")) {
                return Reasons.after("failed", p.reason(), "no reason recorded");
            }
        }
        return "not in its results";
    }

    private static List<Pair> pairWithBaseline(List<EnvironmentInput> inputs, CompareOptions options,
                                               List<String> notes) throws CompareException {
        String wanted = options.baseline() == null ? CompareOptions.DEFAULT_BASELINE : options.baseline();
        EnvironmentInput baseline = inputs.stream().filter(i -> i.label().equals(wanted)).findFirst()
                .orElse(inputs.stream().filter(i -> i.env().equals(wanted)).findFirst().orElse(null));
        if (baseline == null) {
            if (options.baseline() != null) {
                throw new CompareException("--baseline " + wanted + " matches no environment (there are: "
                        + String.join(", ", inputs.stream().map(EnvironmentInput::label).toList()) + ")");
            }
            baseline = inputs.get(0);
            notes.add("No environment is called host, so the baseline is " + baseline.label()
                    + ", the first input; choose another with --baseline.");
        }
        List<Pair> pairs = new ArrayList<>();
        List<String> twins = new ArrayList<>();
        for (EnvironmentInput input : inputs) {
            if (input != baseline) {
                EnvironmentInput alone = alone(input, inputs);
                pairs.add(new Pair(input, alone != null ? alone : baseline));
                if (alone != null) {
                    twins.add(input.label() + " vs " + alone.label());
                }
            }
        }
        if (!twins.isEmpty()) {
            notes.add("With neighbours: " + String.join(", ", twins) + ". Each environment that ran beside loaded "
                    + "siblings of its kind is compared with the same kind alone, round by round in the same run (not "
                    + "with " + baseline.label() + "): its cost is what the neighbours' load did to it.");
        }
        if (pairs.isEmpty()) {
            notes.add("Only one environment (" + baseline.label() + "): there is nothing to compare it with.");
        }
        return pairs;
    }

    /** The same kind without neighbours, measured in the same run, for an environment that had neighbours; or null. */
    private static EnvironmentInput alone(EnvironmentInput input, List<EnvironmentInput> inputs) {
        io.isobench.schema.Neighbours neighbours = input.fingerprint().neighbours();
        if (neighbours == null || neighbours.alone() == null) {
            return null;
        }
        return inputs.stream().filter(i -> i != input && neighbours.alone().equals(i.env()) && sameRun(i, input))
                .findFirst().orElse(null);
    }

    private static List<Pair> pairByEnv(List<EnvironmentInput> inputs, List<String> notes)
            throws CompareException {
        Map<String, EnvironmentInput> previous = new LinkedHashMap<>();
        inputs.stream().filter(EnvironmentInput::previousRun).forEach(i -> previous.putIfAbsent(i.env(), i));
        List<Pair> pairs = new ArrayList<>();
        for (EnvironmentInput input : inputs) {
            if (input.previousRun()) {
                continue;
            }
            EnvironmentInput old = previous.get(input.env());
            if (old == null) {
                notes.add(input.label() + " has no environment of the same name in the baseline run.");
            } else {
                pairs.add(new Pair(input, old));
            }
        }
        if (pairs.isEmpty()) {
            throw new CompareException("the baseline run and the new run have no environment in common (baseline: "
                    + String.join(", ", previous.keySet()) + ")");
        }
        return pairs;
    }

    public CompareOptions options() {
        return options;
    }

    /** How each environment scales with threads (empty when ParallelDigestBenchmark did not run). */
    public ThreadScaling threadScaling() {
        return threadScaling;
    }

    /** Every input environment, baseline(s) included, in input order. */
    public List<EnvironmentInput> environments() {
        return environments;
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** A pair's column title: {@code env vs baseline} when its baseline is not the comparison's one. */
    public String title(Pair pair) {
        return baselineRun || pair.baseline() != baseline()
                ? name(pair.environment().label()) + " vs " + name(pair.baseline().label())
                : name(pair.environment().label());
    }

    /** A row's environment as the tables name it: {@code env vs baseline} when its baseline is not the comparison's. */
    public String environmentTitle(ComparisonRow row) {
        EnvironmentInput main = baseline();
        return baselineRun || main == null || row.baseline().equals(main.label()) ? name(row.environment())
                : name(row.environment()) + " vs " + name(row.baseline());
    }

    /**
     * What ran under this label, in words ({@link EnvironmentTitle}): how the report's columns and headline name an
     * environment; the label itself stays its key (in summary.json and on the command line).
     */
    public String name(String label) {
        return titles.getOrDefault(label, label);
    }

    /** The gVisor banner: what ran, and whether it is gVisor's default configuration that published numbers use. */
    static String gvisorBanner(String title, ContainerRuntime runtime) {
        String text = title + " ran in gVisor (runsc), a user-space kernel: its system calls are served by the "
                + "sandbox's Sentry on the " + runtime.gvisorPlatform() + " platform, with network="
                + runtime.gvisorNetwork() + "; /proc and uname inside are gVisor's own.";
        if (!EnvironmentTitle.gvisorOffDefaults(runtime)) {
            return text;
        }
        List<String> off = new ArrayList<>();
        if (!EnvironmentTitle.GVISOR_DEFAULT_PLATFORM.equals(runtime.gvisorPlatform())) {
            off.add("the " + runtime.gvisorPlatform() + " platform, not systrap (gVisor's default since mid-2023, and "
                    + "faster on system calls)");
        }
        if (!EnvironmentTitle.GVISOR_DEFAULT_NETWORK.equals(runtime.gvisorNetwork())) {
            off.add("network=" + runtime.gvisorNetwork() + " (the host kernel's network stack), not gVisor's own "
                    + "netstack (network=sandbox, its default)");
        }
        return text + " Not gVisor's defaults: " + String.join("; ", off) + ". Hold its numbers against gVisor's "
                + "published ones only for the same platform and network.";
    }

    /** Whether this compares a new run with a previous one ({@code --baseline-run}). */
    public boolean isBaselineRun() {
        return baselineRun;
    }

    /** The baseline labels, in order of first use (one, unless comparing with a previous run). */
    public List<String> baselineLabels() {
        return pairs.stream().map(p -> p.baseline().label()).distinct().toList();
    }

    /** The single baseline environment when there is one (not with --baseline-run), else null. */
    public EnvironmentInput baseline() {
        if (baselineRun) {
            return null;
        }
        if (!pairs.isEmpty()) {
            return pairs.stream().filter(p -> !p.neighbours()).findFirst().orElse(pairs.get(0)).baseline();
        }
        return environments.isEmpty() ? null : environments.get(0);
    }

    /** All rows, by area, benchmark, mode, params, then environment. */
    public List<ComparisonRow> rows() {
        return rows;
    }

    /** Rows grouped by area, in area order; areas without rows are absent. */
    public Map<Area, List<ComparisonRow>> rowsByArea() {
        Map<Area, List<ComparisonRow>> map = new LinkedHashMap<>();
        for (Area area : Area.values()) {
            List<ComparisonRow> inArea = rows.stream().filter(r -> r.area() == area).toList();
            if (!inArea.isEmpty()) {
                map.put(area, inArea);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    public List<Missing> missing() {
        return missing;
    }

    public Headline headline() {
        return headline;
    }

    /** The footprints, with the instances that fit in the RAM estimated from the density run where it measured a kind. */
    public FootprintTable footprint() {
        return footprint.withDensity(density);
    }

    public FingerprintTable fingerprints() {
        return fingerprints;
    }

    /** Warnings to show above everything (TCG, compared despite a mismatch). */
    public List<String> banners() {
        return banners;
    }

    /** Smaller remarks (baseline choice, environments without counterpart). */
    public List<String> notes() {
        return notes;
    }

    /** Significant slowdowns beyond the gate's threshold; empty without {@code --fail-on-regression}. */
    public List<RegressionGate.Regression> regressions() {
        return regressions;
    }

    /** The rows the gate could not judge (inconclusive or invalid); empty without {@code --fail-on-regression}. */
    public List<ComparisonRow> unjudged() {
        return unjudged;
    }

    /** What else differs between each environment and its baseline, besides the isolation. */
    public List<Confounds.Confound> confounds() {
        return confounds;
    }

    /** Per environment, the rounds of its paired rows that lie far from their row's others, and on which side. */
    public FarRoundsTable farRounds() {
        return farRounds;
    }

    /** What else ran while each environment measured (the forks' scheduling record), and who ran on a slower machine. */
    public SchedulingTable scheduling() {
        return scheduling;
    }

    /** The rows that are not comparable with every environment's evidence, and the unsteady rows. */
    public EvidenceTable evidence() {
        return evidence;
    }

    /** The timeline of the compared interleaved run, or null. */
    public TimelineInput timeline() {
        return timeline;
    }

    /** Whether the regression gate is on and failed. */
    public boolean failsGate() {
        return options.failOnRegressionPct() != null && !regressions.isEmpty();
    }
}
