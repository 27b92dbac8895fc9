package io.isobench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentences and cell texts that the Markdown and HTML reports share. */
final class ReportText {

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
            parts.add("Baseline: " + c.baseline().label() + ".");
        }
        List<String> others = c.pairs().stream().map(p -> p.environment().label()).toList();
        if (!others.isEmpty()) {
            parts.add("Compared: " + String.join(", ", others) + ".");
        }
        parts.add(String.format(Locale.ROOT, "%d benchmark rows; alpha %s; noise threshold %s.",
                c.rows().size(), Format.plain(c.options().alpha()), Format.pct(c.options().noiseThreshold())));
        return String.join(" ", parts);
    }

    static String headlineCaption(Comparison c) {
        String against = c.isBaselineRun() ? "the baseline run" : c.baseline() == null ? "the baseline"
                : c.baseline().label();
        return "Median relative cost per area against " + against
                + " (+10 % = 10 % slower, whichever way the unit points; n = benchmarks with a valid ratio).";
    }

    static String headlineCell(Headline.Cell cell) {
        if (cell.count() == 0) {
            return "invalid (" + cell.invalid() + ")";
        }
        StringBuilder sb = new StringBuilder(Format.overhead(cell.medianCost()));
        sb.append(" (n=").append(cell.count());
        if (cell.slower() > 0) {
            sb.append(", ").append(cell.slower()).append(" slower");
        }
        if (cell.faster() > 0) {
            sb.append(", ").append(cell.faster()).append(" faster");
        }
        if (cell.invalid() > 0) {
            sb.append(", ").append(cell.invalid()).append(" invalid");
        }
        return sb.append(')').toString();
    }

    static String verdict(ComparisonRow r) {
        StringBuilder sb = new StringBuilder(r.verdict().word());
        if (r.valid() && r.verdict() != Verdict.SAME) {
            sb.append(' ').append(Format.overhead(r.cost()));
        }
        if (r.noisy()) {
            sb.append(", noisy ").append(Format.pct(r.relativeError()));
        }
        if (!r.note().isEmpty()) {
            sb.append(" (").append(r.note()).append(')');
        }
        return sb.toString();
    }

    /** Noise and notes of a row, for the HTML flags column. */
    static String flags(ComparisonRow r) {
        List<String> flags = new ArrayList<>();
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

    static String footprintValue(String key, Footprint.Value v) {
        if (v == null) {
            return Format.DASH;
        }
        if (v.isText()) {
            return shorten(v.text());
        }
        boolean bytes = key.endsWith("Bytes");
        boolean millis = key.endsWith("Millis");
        java.util.function.DoubleFunction<String> f = bytes ? Sizes::format : millis ? Format::millis : Format::num;
        String text = f.apply(v.median());
        if (v.samples().size() > 1) {
            text += " (" + f.apply(v.min()) + "–" + f.apply(v.max()) + ", n=" + v.samples().size() + ")";
        }
        return text;
    }

    /** A fingerprint value: sizes of keys ending in Bytes in binary units, the rest as it is. */
    static String fingerprintValue(String key, String value) {
        if (value != null && key.endsWith("Bytes") && value.matches("[0-9]+")) {
            return Sizes.format(Double.parseDouble(value)) + " (" + value + ")";
        }
        return value;
    }

    static String shorten(String value) {
        if (value.length() > 80) {
            return value.substring(0, 77) + "...";
        }
        return value;
    }

    static List<String> method(Comparison c) {
        CompareOptions o = c.options();
        return List.of(
                "Benchmarks are matched by name, mode and parameters.",
                "Ratio = environment score / baseline score, in the baseline's unit. Relative cost turns it so that "
                        + "above 1 is slower: for throughput (ops/time) cost = 1 / ratio, for time per operation "
                        + "(avgt, sample, ss) cost = ratio.",
                "Samples: one per fork (the fork's mean of its iterations) when both sides have two or more forks; "
                        + "otherwise JMH's per-iteration scores (rawData), flagged '1 fork'.",
                "95 % interval of the ratio of means: Fieller's, with Welch's degrees of freedom, when a side has fewer "
                        + "than " + Stats.BOOTSTRAP_MIN_SAMPLES + " samples; from there on a percentile bootstrap, "
                        + o.resamples() + " resamples, seed " + o.seed() + ". Empty, and flagged 'unbounded interval', where the "
                        + "baseline's own spread is too wide for its few samples to bound the ratio.",
                "p: Welch's two-sided t-test (commons-math3) on the same samples. faster/slower need "
                        + "p < " + Format.plain(o.alpha()) + " and an interval that excludes 1; otherwise same.",
                "invalid: a score that is NaN or infinite (JMH writes \"NaN\", \"+INF\", \"-INF\") on either side, "
                        + "or units that cannot be converted; such rows take no part in medians or the gate.",
                "noisy: the environment's own JMH error (99.9 % half-width) is above "
                        + Format.pct(o.noiseThreshold()) + " of its score.",
                "Instances in RAM: the RAM (" + Sizes.format(o.ramBytes()) + ") divided by the idle memory of one "
                        + "instance, rounded down.");
    }
}
