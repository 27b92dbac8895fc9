package io.isobench.compare.report;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.FootprintInput;
import io.isobench.compare.input.SampleDistribution;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.FarRoundsTable;
import io.isobench.compare.model.FootprintTable;
import io.isobench.compare.model.Headline;
import io.isobench.compare.model.RowEvidence;
import io.isobench.compare.model.ThreadScaling;
import io.isobench.compare.stats.ByteSizes;
import io.isobench.compare.stats.FarRounds;
import io.isobench.compare.stats.Format;
import io.isobench.compare.stats.RatioTest;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import io.isobench.evidence.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentences and cell texts of the report, shared by its builders (the comparison's and the fleet's). */
public final class ReportText {

    /** The note under the syscall table. */
    static final String NET_OF_JNA = "Net of JNA: on each side the score minus the same environment's "
            + "JnaCallBenchmark.libcAbs (a JNA call that never enters the kernel) times the JNA calls the benchmark "
            + "makes per operation, in ns/op; the net ratio (environment net / baseline net) has its own interval "
            + "and verdict.";

    /** The percentiles the tables of latency distributions show, in percent. */
    static final List<Double> TAIL_PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9);

    private static final String TAILS = "JMH's percentiles over every sample of every fork (its scorePercentiles; a "
            + "run in rounds has them over all its rounds' forks): the tail that a mean hides.";

    /** The caption of an area's latency percentiles in Markdown. */
    static final String TAILS_MARKDOWN = "Latency distribution of the rows measured in sample mode: " + TAILS
            + " The page (index.html) plots each distribution.";

    /** The caption of an area's latency plots and percentiles on the page. */
    static final String TAILS_HTML = "Latency distribution of the rows measured in sample mode: the share of samples "
            + "at or below each time, from the histograms JMH stored (a baseline dashed), then " + TAILS;

    static final String CONFOUNDS_INTRO = "Besides the isolation itself, these differences between each environment "
            + "and its baseline can move the numbers; a cost above may be theirs as much as the isolation's.";

    static final String NOT_COMPARABLE_INTRO = "A row is not comparable when its evidence (what the operation did "
            + "underneath: bytes read from the device, page faults, huge-page coverage, the CPUs two threads ran on) "
            + "contradicts what the row claims to measure in either environment: its two numbers measure different work. "
            + "Its ratio stays in its area's table, but it gets no faster, slower or same, and it takes no part in the "
            + "false-discovery adjustment, the headline or the regression gate. Each environment's evidence over all "
            + "forks, \u2717 where it contradicts the claim, and per round (or fork) in parentheses:";

    static final String ALL_COMPARABLE = "Every row's evidence keeps its claims in every environment.";

    static final String UNSTEADY_INTRO = "Rows whose measured iterations still trended (the change from the first to "
            + "the last measured iteration beyond 10 % in most forks, one way): the warm-up did not reach a steady "
            + "state in that environment, so its score depends on how long it was measured. They are compared as usual.";

    static final String NO_CONFOUNDS = "No fingerprint difference besides the isolation (or no environment.json to "
            + "compare).";

    private ReportText() {
    }

    /** {@code  — <title>}, or empty. */
    static String titleSuffix(Comparison c) {
        String title = c.options().title();
        return title == null || title.isBlank() ? "" : " \u2014 " + title.strip();
    }

    static String intro(Comparison c) {
        List<String> parts = new ArrayList<>();
        if (c.isBaselineRun()) {
            parts.add("Each environment of the new run is compared with the same environment of the baseline run ("
                    + String.join(", ", c.baselineLabels()) + ").");
        } else if (c.baseline() != null) {
            parts.add("Baseline: " + c.name(c.baseline().label()) + ".");
        }
        List<String> others = c.pairs().stream().map(p -> c.name(p.environment().label())).toList();
        if (!others.isEmpty()) {
            parts.add("Compared: " + String.join(", ", others) + ".");
        }
        parts.add(String.format(Locale.ROOT, "%d benchmark rows; alpha %s (intervals at %s); equivalence margin "
                        + "\u00b1%s (same = the whole %s interval within it: two one-sided tests at alpha); noise "
                        + "threshold %s (of the half-width over rounds).",
                c.rows().size(), Format.plain(c.options().alpha()), level(c),
                Format.pct(c.options().equivalence()), equivalenceLevel(c), Format.pct(c.options().noiseThreshold())));
        return String.join(" ", parts);
    }

    static String headlineCaption(Comparison c) {
        String against = c.isBaselineRun() ? "the baseline run" : c.baseline() == null ? "the baseline"
                : c.name(c.baseline().label());
        return "Relative cost per area against " + against + ": the geometric mean over the area's benchmark methods "
                + "(each method weighs the same whatever its parameter count; the JNA harness row is left out), "
                + "+10 % = 10 % slower whichever way the unit points (×15 = fifteen times the cost, from ×2 up), with its " + level(c) + " interval and the "
                + "verdicts of the rows. When every row is paired by round, cost and interval come from the rounds "
                + "that every row ran in (a t-interval over those rounds' area costs); otherwise the interval "
                + "propagates each row's own error into the mean, and a cell with a row without an interval of its "
                + "own (one fork, no spread) has none. A cell is coloured slower or faster only when it differs "
                + "after the table's multiplicity: its p-value adjusted with every other cell's (Benjamini-Hochberg) "
                + "at most " + Format.plain(c.options().alpha()) + "." + (c.rows().stream().allMatch(ComparisonRow::comparable) ? ""
                : " Rows that are not comparable (their evidence contradicts their claim) are left out; see \"Rows "
                + "that are not comparable\".");
    }

    /** {@code 95 %}: the interval level 1 - alpha. */
    static String level(Comparison c) {
        return percent(1 - c.options().alpha());
    }

    /** {@code 90 %}: the level 1 - 2 alpha of the interval {@code same} is decided on. */
    static String equivalenceLevel(Comparison c) {
        return percent(Verdict.equivalenceLevel(c.options().alpha()));
    }

    private static String percent(double level) {
        return Format.plain(Math.round(level * 1000) / 10.0) + " %";
    }

    /** A headline cell on one line: {@link #headlineValue} and {@link #headlineCounts}. */
    public static String headlineCell(Headline.Cell cell) {
        String counts = headlineCounts(cell);
        return counts.isEmpty() ? headlineValue(cell) : headlineValue(cell) + " " + counts;
    }

    /** The cell's cost and interval, in one scale ({@link Format#timesScale} of the point estimate). */
    public static String headlineValue(Headline.Cell cell) {
        if (cell.benchmarks() == 0) {
            return "invalid (" + cell.invalid() + ")";
        }
        boolean times = Format.timesScale(cell.cost());
        StringBuilder sb = new StringBuilder(Format.cost(cell.cost(), times));
        if (Double.isFinite(cell.low()) && Double.isFinite(cell.high())) {
            sb.append(" [").append(Format.cost(cell.low(), times)).append(", ").append(Format.cost(cell.high(), times))
                    .append(']');
        } else {
            sb.append(" [no interval: ").append(cell.why().isEmpty() ? "too few rounds or rows" : cell.why())
                    .append(']');
        }
        return sb.toString();
    }

    /**
     * What the cell stands on: its benchmark methods (what the mean weighs), then its rows' verdicts (a method has a
     * row per parameter combination): {@code (15 benchmarks; of 17 rows 12 slower, 5 inconclusive)}.
     */
    public static String headlineCounts(Headline.Cell cell) {
        if (cell.benchmarks() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("(").append(cell.benchmarks())
                .append(cell.benchmarks() == 1 ? " benchmark" : " benchmarks");
        List<String> counts = new ArrayList<>();
        counts(counts, cell.slower(), "slower");
        counts(counts, cell.faster(), "faster");
        counts(counts, cell.same(), "same");
        counts(counts, cell.inconclusive(), "inconclusive");
        counts(counts, cell.invalid(), "invalid");
        int rows = cell.slower() + cell.faster() + cell.same() + cell.inconclusive() + cell.invalid();
        if (!counts.isEmpty()) {
            sb.append("; of ").append(rows).append(rows == 1 ? " row " : " rows ").append(String.join(", ", counts));
        }
        return sb.append(')').toString();
    }

    private static void counts(List<String> out, int n, String word) {
        if (n > 0) {
            out.add(n + " " + word);
        }
    }

    static String verdict(ComparisonRow r) {
        StringBuilder sb = new StringBuilder(r.verdict().word());
        if (r.verdict() == Verdict.FASTER || r.verdict() == Verdict.SLOWER) {
            sb.append(' ').append(Format.cost(r.cost()));
        }
        if (!r.reason().isEmpty()) {
            sb.append(" (").append(r.reason()).append(')');
        }
        if (r.noisy()) {
            sb.append(", noisy ").append(Format.pct(r.relativeError()));
        }
        if (!r.note().isEmpty()) {
            sb.append(" (").append(r.note()).append(')');
        }
        return sb.toString();
    }

    /** The interval of a test, labelled when it comes from JMH's 99.9 % errors rather than a test. */
    public static String interval(RatioTest t) {
        String text = Format.interval(t.ratio().low(), t.ratio().high());
        return t.sampling() == Sampling.JMH_ERRORS && !text.isEmpty() ? text + " JMH 99.9 %" : text;
    }

    /** {@code ×1.002 [0.640, 2.370] inconclusive}: a derived comparison in one cell. */
    static String testCell(RatioTest t) {
        String interval = interval(t);
        return Format.ratio(t.ratio().estimate()) + (interval.isEmpty() ? "" : " " + interval) + " "
                + t.verdict().word();
    }

    static final String FAR_ROUNDS_CAPTION = "Far rounds (a diagnostic; every round stays in its row's test): a"
            + " round of a row paired in " + FarRounds.MIN_ROUNDS + " or more rounds whose log cost lies more than "
            + Format.plain(FarRounds.LIMIT) + " robust standard deviations from the row's median (Iglewicz and"
            + " Hoaglin's modified z-score). The environments run in a random order in every round, so the machine's"
            + " own slower stretches fall on either side alike. A far round in a pilot inflates its spread, and with it"
            + " the rounds the pilot asks for; in a row tested by t it widens the interval.";
    static final String THREAD_SCALING_CAPTION = "SHA-256 digests per second on every CPU the JVM counts over those on"
            + " one thread (ParallelDigestBenchmark): close to the CPU count where nothing else competes; a CPU quota,"
            + " vCPUs that share host cores, or a busy neighbour scale less. The interval is paired by round when both"
            + " methods ran in the same rounds, else Fieller's over their forks; none with one fork.";

    /**
     * One environment's far rounds ({@link FarRoundsTable}): how many, on which side, and what the split can say, e.g.
     * {@code container-bridge against host: 41 of 412 paired rounds (10 %) of 14 rows lie far from their row's others;
     * in 22 the environment cost more than its row's usual, in 19 less (binomial p = 0.755): the split does not tell the
     * sides apart, as the machine's own slower stretches would not.}
     */
    static String farRounds(Comparison c, FarRoundsTable.Line line, double alpha) {
        double percent = Math.round(1000.0 * line.far() / line.rounds()) / 10.0;
        String head = c.name(line.environment()) + " against " + c.name(line.baseline()) + ": " + line.far() + " of "
                + line.rounds() + " paired rounds (" + Format.plain(percent) + " %) of " + line.rows()
                + (line.rows() == 1 ? " row" : " rows") + (line.far() == 1 ? " lies" : " lie")
                + " far from their row's others";
        if (line.far() == 0) {
            return head + ".";
        }
        String split = "; in " + line.above() + " the environment cost more than its row's usual, in " + line.below()
                + " less (binomial p = " + Format.p(line.pValue()) + ")";
        if (2 * Math.pow(0.5, line.far()) >= alpha) {
            return head + split + ": too few to tell the sides apart.";
        }
        if (line.pValue() >= alpha) {
            return head + split + ": the split does not tell the sides apart, as the machine's own slower stretches "
                    + "would not.";
        }
        return head + split + (line.above() > line.below()
                ? ": more often above than a fair coin gives, which stalls of the environment's own would do (or a "
                + "baseline that is now and then faster)."
                : ": more often below than a fair coin gives, which stalls of the baseline's own would do.");
    }

    /** {@code ×1.93 [1.85, 2.01]}: a scaling factor with its interval, when it has one. */
    public static String scaling(ThreadScaling.Line line) {
        String interval = Double.isFinite(line.low()) && Double.isFinite(line.high())
                ? String.format(Locale.ROOT, " [%.2f, %.2f]", line.low(), line.high()) : "";
        return String.format(Locale.ROOT, "×%.2f", line.scaling()) + interval;
    }

    /**
     * The secondary metrics of a row in one cell: {@code mebibytes/s ×0.98 [0.90, 1.07] same}; one that is a fixed
     * multiple of the primary reads {@code mebibytes/s ×0.98 (the row's test)}.
     */
    static String secondary(ComparisonRow r) {
        return String.join("; ", r.secondary().stream().map(s -> s.label() + " " + (s.ofPrimary()
                ? Format.ratio(s.test().ratio().estimate()) + " (a fixed multiple of the score: the row's test)"
                : testCell(s.test()))).toList());
    }

    /** A verdict as the page's badge class names it ({@code not-comparable}). */
    static String badge(Verdict verdict) {
        return verdict.word().replace(' ', '-');
    }

    /**
     * A row's evidence in one cell, each kind as {@code hugePageCoverage 0.0 % \u2717 (baseline 99.6 %)}: what the
     * environment's and the baseline's counters show, \u2717 where a side contradicts the row's claim.
     */
    static String evidence(ComparisonRow r) {
        return String.join("; ", r.evidence().stream().map(e -> e.kind().id() + " " + evidenceValue(e.kind(),
                e.environment()) + " (baseline " + evidenceValue(e.kind(), e.baseline()) + ")").toList());
    }

    private static String evidenceValue(Evidence kind, RowEvidence.Side side) {
        return side == null ? Format.DASH : RowEvidence.number(kind, side.value()) + (side.contradicted() ? " \u2717" : "");
    }

    /** One environment's evidence of a row not comparable: {@code 0 B device reads per op \u2717 (rounds 1–3: ...)}. */
    static String evidenceCell(Evidence kind, RowEvidence.Side side) {
        if (side == null) {
            return Format.DASH;
        }
        String samples = side.samplesText(kind);
        return side.text(kind) + (side.contradicted() ? " \u2717" : "") + (samples.isEmpty() ? "" : " (" + samples + ")");
    }

    /** A relative change, {@code +14.0 %}; a dash for none. */
    static String change(Double fraction) {
        return fraction == null ? Format.DASH : Format.overhead(1 + fraction);
    }

    /** Noise and notes of a row, for the HTML flags column. */
    static String flags(ComparisonRow r) {
        List<String> flags = new ArrayList<>();
        if (!r.reason().isEmpty()) {
            flags.add(r.reason());
        }
        if (r.noisy()) {
            flags.add("noisy " + Format.pct(r.relativeError()));
        }
        if (r.baselineNoisy()) {
            flags.add("baseline noisy");
        }
        if (!r.note().isEmpty()) {
            flags.add(r.note());
        }
        return String.join("; ", flags);
    }

    /** The heading of the table of images as shipped. */
    static final List<String> IMAGE_HEADER = List.of("Environment", "Kind", "OS", "+ runtime", "+ jar (as shipped)",
            "Compressed", "Kernel + initrd", "Layer after idle start", "Layer after the suite");

    static final String IMAGE_NOTE = "Sizes are cumulative, what each step adds in parentheses: the recipe's OS image, "
            + "with the JVM runtime baked in (cached by recipe and runtime hash), with the benchmarks jar added per run: "
            + "the image the instance ran, as a Java service would ship it. Compressed: that image as a transfer moves "
            + "it (share of the image, and how). A VM also ships a kernel and initrd beside its disk. The layer is the "
            + "instance's own copy-on-write layer (container: writable layer; VM: qcow2 overlay), after a start that "
            + "only runs an idle EchoPeer and after the suite.";

    /** The cells of one row of the table of images as shipped, in {@link #IMAGE_HEADER}'s order. */
    static List<String> imageCells(FootprintTable.Image i) {
        return List.of(i.label(), i.kind(), ByteSizes.format(i.osBytes()), sizeWithStep(i.withRuntimeBytes(), i.runtimeBytes()),
                sizeWithStep(i.withJarBytes(), i.jarBytes()),
                Double.isNaN(i.compressedBytes()) ? Format.DASH : ByteSizes.format(i.compressedBytes()) + " ("
                        + Format.pct(i.compressedRatio()) + (i.compression() == null ? "" : ", " + i.compression()) + ")",
                ByteSizes.format(i.kernelInitrdBytes()), ByteSizes.format(i.idleLayerBytes()), ByteSizes.format(i.suiteLayerBytes()));
    }

    /** {@code 166 MiB (+74.0 MiB)}; the step left out when it is unknown. */
    static String sizeWithStep(double total, double step) {
        if (Double.isNaN(total)) {
            return Format.DASH;
        }
        return ByteSizes.format(total) + (Double.isNaN(step) ? "" : " (+" + ByteSizes.format(step) + ")");
    }

    static String footprintValue(String key, FootprintInput.Value v) {
        if (v == null) {
            return Format.DASH;
        }
        if (v.isText()) {
            return shorten(v.text());
        }
        boolean bytes = key.endsWith("Bytes");
        boolean millis = key.endsWith("Millis");
        java.util.function.DoubleFunction<String> f = bytes ? ByteSizes::format : millis ? Format::millis : Format::num;
        String text = f.apply(v.median());
        if (v.samples().size() > 1) {
            text += " (" + f.apply(v.min()) + "–" + f.apply(v.max()) + ", n=" + v.samples().size() + ")";
        }
        return text;
    }

    /** A fingerprint value: sizes of keys ending in Bytes in binary units, the rest as it is. */
    static String fingerprintValue(String key, String value) {
        if (value != null && key.endsWith("Bytes") && value.matches("[0-9]+")) {
            return ByteSizes.format(Double.parseDouble(value)) + " (" + value + ")";
        }
        return value;
    }

    /** {@code p50 417 us/op, p90 2,046, p99 5,805, p99.9 7,504 (234 samples)}: a distribution in one line. */
    static String percentiles(SampleDistribution d, String unit) {
        List<String> parts = new ArrayList<>();
        for (double p : TAIL_PERCENTILES) {
            double v = d.percentile(p);
            if (Double.isFinite(v)) {
                parts.add("p" + Format.plain(p) + " " + Format.num(v) + (parts.isEmpty() ? " " + unit : ""));
            }
        }
        double n = d.total();
        return String.join(", ", parts) + (n > 0 ? String.format(Locale.ROOT, " (%,.0f samples)", n) : "");
    }

    /** The header of the footprint table's estimate: {@code Instances in 64 GiB (estimate)}. */
    static String instancesHeader(long ramBytes) {
        return "Instances in " + ByteSizes.format(ramBytes) + " (estimate)";
    }

    /** An estimate of the instances in the RAM, with what it came from: {@code 2,540 (from the measured density)}. */
    static String instancesCell(FootprintTable.Entry e) {
        return e.instances() < 0 || e.basis() == null ? Format.DASH
                : String.format(Locale.ROOT, "%,d", e.instances()) + " (" + e.basis().words() + ")";
    }

    /** The estimate's source, as the page's tooltip says it. */
    static String basisTooltip(FootprintTable.Entry e) {
        return e.basis() == FootprintTable.Basis.DENSITY ? "extrapolated from the density run's series " + e.densitySeries()
                : "extrapolated from idle memory";
    }

    /**
     * How the instances that fit in the RAM are estimated, in one sentence: the method's, and (with
     * {@link #instancesNote}) the footprint table's.
     */
    static String instancesEstimate(long ramBytes) {
        String ram = ByteSizes.format(ramBytes);
        return "Instances in " + ram + " (--ram, not this host's memory) is an estimate, extrapolated from what was "
                + "measured: from the measured density where the density run measured the environment's kind, 1 + ("
                + ram + " \u2212 the first idle instance's drop of the host's MemAvailable) / the drop of each "
                + "further instance; elsewhere from idle memory, " + ram + " / one instance's idle memory "
                + "(footprint.json's idleMemoryBytes), rounded down, which counts nothing the instances share and "
                + "keeps nothing for the host.";
    }

    /** The note under the footprint table: the estimate, and which column is measured where a density run measured. */
    static String instancesNote(FootprintTable f, boolean density) {
        return instancesEstimate(f.ramBytes()) + (density ? " The density section above has the measured figures; "
                + "idle memory here is one instance's own, measured alone." : "");
    }

    public static String shorten(String value) {
        if (value.length() > 80) {
            return value.substring(0, 77) + "...";
        }
        return value;
    }

    static List<String> method(Comparison c) {
        CompareOptions o = c.options();
        String level = level(c);
        String eq = equivalenceLevel(c);
        return List.of(
                "Benchmarks are matched by name, mode and parameters.",
                "Ratio = environment score / baseline score, in the baseline's unit. Relative cost turns it so that "
                        + "above 1 is slower: for throughput (ops/time) cost = 1 / ratio, for time per operation "
                        + "(avgt, sample, ss) cost = ratio.",
                "Paired design (interleaved runs, both sides with two or more rounds in common): one sample per round "
                        + "(the mean of that round's forks), paired by round; the test is a one-sample t-test on the "
                        + "per-round log ratios, the ratio is their geometric mean and the " + level + " interval "
                        + "exp(mean \u00b1 t se). A sign-flip permutation test cannot reach p < 0.05 with five pairs "
                        + "(its smallest p is 2/32); on log ratios the t-test's normality assumption is mild, since "
                        + "timing noise is multiplicative. Sides that ran in rounds but share fewer than two are "
                        + "tested unpaired, and the row says so.",
                "Unpaired design: one sample per fork (the fork's mean of its iterations) when both sides have two or "
                        + "more forks; " + level + " interval of the ratio of means by Fieller's method with Welch's "
                        + "degrees of freedom below " + Stats.BOOTSTRAP_MIN_SAMPLES + " samples a side, a percentile "
                        + "bootstrap (" + o.resamples() + " resamples, seed " + o.seed() + ") from there up to "
                        + Stats.BOOTSTRAP_MAX_SAMPLES + " samples a side, and Fieller's again above (where the means "
                        + "are normal and the two agree) or once the comparison's bootstrap budget is spent; p from "
                        + "Welch's t-test. With one fork per side the iterations of one JVM are shown with an interval, "
                        + "but they are not independent samples, so the row is inconclusive; without per-iteration "
                        + "scores the interval is propagated from JMH's own 99.9 % errors and labelled so.",
                "Verdicts: faster/slower need p < " + Format.plain(o.alpha()) + " and a " + level + " interval that "
                        + "excludes 1, and p still below " + Format.plain(o.alpha()) + " after the Benjamini-Hochberg "
                        + "false-discovery-rate adjustment over every test of the environment's comparison (each "
                        + "row's, its net of JNA's and its secondary metrics'). same is two one-sided tests at "
                        + Format.plain(o.alpha()) + " each (TOST): the whole " + eq + " interval (level 1 - 2 alpha) "
                        + "within \u00b1" + Format.pct(o.equivalence()) + " of 1 (from 1/"
                        + Format.plain(1 + o.equivalence()) + " to " + Format.plain(1 + o.equivalence()) + "); a row "
                        + "whose faster/slower the adjustment takes away is checked for same like any other. Anything "
                        + "else is inconclusive, with the reason. Rows whose samples have no spread at all are not "
                        + "tested (no interval, no p-value) and take no part in the adjustment.",
                "invalid: a score that is NaN, infinite, zero or negative on either side, or units that cannot be "
                        + "converted; such rows take no part in the headline or the gate.",
                "not comparable: the row's evidence contradicts what it claims to measure on either side (its "
                        + "environment.json lists it as contradicted, or the row's claims find it in jmh.json); such "
                        + "rows take no part in the false-discovery adjustment, the headline or the gate.",
                "Evidence (deviceReadBytesPerOp, minorFaultsPerOp, hugePageCoverage, sameCpuFraction: each the sum of "
                        + "one JMH counter over the sum of another) says what work a row did, not how fast: it is shown "
                        + "beside the row and never tested. timePerFault, the time per page fault, is a cost and is "
                        + "compared as a secondary metric (lower is better).",
                "Net of JNA (syscall rows that call libc through JNA): on each side the score minus as many times the "
                        + "same environment's JnaCallBenchmark.libcAbs as the benchmark makes JNA calls per operation; "
                        + "the net ratio's interval carries the uncertainty of all four measurements (Fieller on the "
                        + "differences, or paired by round) and has its own verdict.",
                "Secondary metrics that both sides report in the benchmark's unit (e.g. p50 and p99 beside the mean) "
                        + "are compared the same way; one that is a fixed multiple of the score in every sample (MiB/s "
                        + "of a fixed size per operation beside ops/s) is shown with the row's own test, not tested "
                        + "twice.",
                "Headline: paired throughout, the cost and its t-interval come from the rounds every row ran in; "
                        + "otherwise each row's standard error (half its log interval's width over the normal "
                        + "quantile) is propagated into the mean of the methods, which are not resampled as if their "
                        + "costs were exact; no interval when a row has none of its own.",
                "\u00b1 and noisy: the " + level + " half-width of a score, t times the standard error of its round "
                        + "means (else its fork means; with one fork, of its iterations, which understates it; "
                        + "without iterations, JMH's 99.9 % error brought to " + level + "), not JMH's error pooled "
                        + "over iterations; noisy: the environment's half-width is above "
                        + Format.pct(o.noiseThreshold()) + " of its score, so that side alone cannot resolve a "
                        + "difference of that size.",
                "Regression gate: a row fails it when it is slower and the lower bound of its " + level + " cost "
                        + "interval is above its threshold; a row whose interval reaches past the threshold without "
                        + "lying above it is listed as not judged.",
                instancesEstimate(o.ramBytes()));
    }
}
