package io.isobench.compare.report;

import io.isobench.compare.input.Area;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.Confounds;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.model.FingerprintTable;
import io.isobench.compare.model.FootprintTable;
import io.isobench.compare.model.Headline;
import io.isobench.compare.model.Pair;
import io.isobench.compare.model.RegressionGate;
import io.isobench.compare.model.ThreadScaling;
import io.isobench.compare.stats.ByteSizes;
import io.isobench.compare.stats.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** report.md: GitHub-flavoured Markdown that also reads well in a terminal. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Comparison c) {
        StringBuilder md = new StringBuilder();
        md.append("# isobench comparison").append(ReportText.titleSuffix(c)).append("\n\n");
        md.append(ReportText.intro(c)).append("\n\n");
        for (String banner : c.banners()) {
            md.append("> **Warning:** ").append(banner).append("\n\n");
        }
        for (String note : c.notes()) {
            md.append("> ").append(note).append("\n\n");
        }
        if (c.timeline() != null) {
            md.append("> ").append(c.timeline().summary()).append("\n\n");
        }
        md.append("## Headline\n\n").append(headline(c)).append('\n');
        if (c.density() != null) {
            density(c.density(), md);
        }
        gate(c, md);
        confounds(c, md);
        md.append("## Overhead per area\n\n");
        if (c.pairs().isEmpty()) {
            baselineOnly(c, md);
        }
        for (Map.Entry<Area, List<ComparisonRow>> area : c.rowsByArea().entrySet()) {
            md.append("### ").append(area.getKey().title()).append("\n\n");
            area(c, area.getKey(), area.getValue(), md);
        }
        threadScaling(c, md);
        footprint(c, md);
        fingerprints(c, md);
        missing(c, md);
        md.append("## Method\n\n");
        ReportText.method(c).forEach(line -> md.append("- ").append(line).append('\n'));
        return md.toString();
    }

    /** The headline table alone, as Markdown (also fine to print on a terminal). */
    public static String headline(Comparison c) {
        Headline h = c.headline();
        if (h.lines().isEmpty()) {
            return "Nothing to compare.\n";
        }
        StringBuilder md = new StringBuilder();
        md.append(ReportText.headlineCaption(c)).append("\n\n");
        List<String> header = new ArrayList<>();
        header.add("Area");
        for (Pair pair : c.pairs()) {
            header.add(c.title(pair));
        }
        md.append(row(header));
        md.append("|---|").append("---:|".repeat(header.size() - 1)).append('\n');
        for (Headline.Line line : h.lines()) {
            List<String> cells = new ArrayList<>();
            cells.add(line.area() == null ? "**All**" : line.title());
            for (String column : h.columns()) {
                Headline.Cell cell = line.cells().get(column);
                cells.add(cell == null ? Format.DASH : ReportText.headlineCell(cell));
            }
            md.append(row(cells));
        }
        return md.toString();
    }

    private static void gate(Comparison c, StringBuilder md) {
        if (c.options().failOnRegressionPct() == null) {
            return;
        }
        md.append("## Regression gate\n\n");
        if (c.regressions().isEmpty()) {
            md.append("Passed: no significant slowdown above ").append(Format.plain(c.options().failOnRegressionPct()))
                    .append(" % (or the benchmark's own threshold).\n\n");
            unjudged(c, md);
            return;
        }
        md.append("**Failed:** ").append(c.regressions().size()).append(" significant slowdown(s) above the threshold:\n\n");
        c.regressions().forEach(r -> md.append("- ").append(esc(r.describe())).append('\n'));
        md.append('\n');
        unjudged(c, md);
    }

    private static void unjudged(Comparison c, StringBuilder md) {
        if (c.unjudged().isEmpty()) {
            return;
        }
        md.append("Not judged (no real test, so neither passed nor failed): ").append(c.unjudged().size())
                .append(" row(s).\n\n");
        c.unjudged().forEach(r -> md.append("- ").append(esc(RegressionGate.describeUnjudged(r))).append('\n'));
        md.append('\n');
    }

    private static void confounds(Comparison c, StringBuilder md) {
        if (c.pairs().isEmpty()) {
            return;
        }
        md.append("## What else differs\n\n");
        if (c.confounds().isEmpty()) {
            md.append(ReportText.NO_CONFOUNDS).append("\n\n");
            return;
        }
        md.append(ReportText.CONFOUNDS_INTRO).append("\n\n");
        md.append(row(List.of("Environment", "What", "Baseline", "Environment's", "Why it matters")));
        md.append("|---|---|---|---|---|\n");
        for (Confounds.Confound f : c.confounds()) {
            md.append(row(List.of(f.environment(), f.what(), f.baselineValue(), f.value(), f.why())));
        }
        md.append('\n');
    }

    private static void baselineOnly(Comparison c, StringBuilder md) {
        EnvironmentInput base = c.baseline();
        if (base == null) {
            return;
        }
        md.append("Results of ").append(base.label()).append(" alone:\n\n");
        md.append(row(List.of("Benchmark", "Params", "Mode", "Score ± error", "Unit", "Rel. error")));
        md.append("|---|---|---|---:|---|---:|\n");
        for (BenchmarkResult r : base.results()) {
            md.append(row(List.of(r.key().shortName(), r.key().paramsText(), r.key().mode(),
                    Format.scoreWithError(r.primary().score(), r.primary().scoreError()), r.primary().unit(),
                    Format.pct(r.primary().relativeError()))));
        }
        md.append('\n');
    }

    private static void area(Comparison c, Area area, List<ComparisonRow> rows, StringBuilder md) {
        boolean net = rows.stream().anyMatch(r -> r.net() != null);
        boolean secondary = rows.stream().anyMatch(r -> !r.secondary().isEmpty());
        List<String> header = new ArrayList<>(List.of("Benchmark", "Params", "Mode", "Environment", "Score ± error",
                "Baseline", "Unit", "Ratio", ReportText.level(c) + " CI", "p", "Samples", "Verdict"));
        StringBuilder align = new StringBuilder("|---|---|---|---|---:|---:|---|---:|---|---:|---|---|");
        if (secondary) {
            header.add("Secondary");
            align.append("---|");
        }
        if (net) {
            header.addAll(List.of("Net of JNA (ns/op)", "Net baseline", "Net ratio"));
            align.append("---:|---:|---|");
        }
        md.append(row(header)).append(align).append('\n');
        for (ComparisonRow r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.key().shortName(), r.key().paramsText(), r.key().mode(),
                    c.environmentTitle(r), Format.scoreWithError(r.score(), r.scoreError()) + (r.noisy() ? " (noisy)" : ""),
                    Format.scoreWithError(r.baselineScore(), r.baselineScoreError())
                            + (r.baselineNoisy() ? " (noisy)" : ""),
                    r.unit(), Format.ratio(r.ratio().estimate()), ReportText.interval(r.test()),
                    Format.p(r.pValue()), r.test().samplesText(), ReportText.verdict(r)));
            if (secondary) {
                cells.add(ReportText.secondary(r));
            }
            if (net) {
                cells.add(r.net() == null ? "" : Format.num(r.net().score()));
                cells.add(r.net() == null ? "" : Format.num(r.net().baselineScore()));
                cells.add(r.net() == null ? "" : ReportText.testCell(r.net().test()));
            }
            md.append(row(cells));
        }
        md.append('\n');
        if (area == Area.SYSCALL && net) {
            md.append(ReportText.NET_OF_JNA).append("\n\n");
        }
    }

    private static void threadScaling(Comparison c, StringBuilder md) {
        ThreadScaling scaling = c.threadScaling();
        if (scaling.isEmpty()) {
            return;
        }
        md.append("## Thread scaling\n\n").append(ReportText.THREAD_SCALING_CAPTION).append("\n\n");
        md.append(row(List.of("Environment", "CPUs (JVM)", "One thread", "All CPUs", "Scaling")));
        md.append("|---|---:|---:|---:|---:|\n");
        for (ThreadScaling.Line line : scaling.lines()) {
            md.append(row(List.of(line.label(), line.cpus(), Format.num(line.oneThread()) + " " + line.unit(),
                    Format.num(line.allCpus()) + " " + line.unit(), ReportText.scaling(line))));
        }
        md.append('\n');
    }

    /**
     * The density run: measured marginal host memory per idle instance, the headline that replaces the division of
     * the RAM by one instance's idle memory.
     */
    static void density(DensityTable d, StringBuilder md) {
        md.append("## Density: host memory per idle instance (measured)\n\n");
        md.append("Idle instances (each an EchoPeer JVM) started one by one on ").append(esc(d.record().host()))
                .append(", ").append(d.record().startedAt()).append("; after each, the drop of the host's MemAvailable. ")
                .append("*Each further* is (drop with N − drop with 1) / (N − 1): what one more instance costs once the ")
                .append("first has paid for what they share.\n\n");
        md.append(row(List.of("Kind", "Instances", "Each further", "First", "Host processes (last)", "Start to ready",
                "Stopped because")));
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (DensityTable.Row r : d.rows()) {
            md.append(row(List.of(r.label(), Integer.toString(r.instances()), ByteSizes.format(r.marginalBytes()),
                    ByteSizes.format(r.firstBytes()), ByteSizes.format(r.pssBytes()), Format.millis(r.startMillis()),
                    r.stopReason())));
        }
        md.append('\n');
        for (DensityTable.Row r : d.rows()) {
            if (!r.notes().isEmpty()) {
                md.append("- ").append(esc(r.label())).append(": ").append(esc(String.join("; ", r.notes()))).append('\n');
            }
        }
        md.append('\n');
    }

    private static void footprint(Comparison c, StringBuilder md) {
        FootprintTable f = c.footprint();
        md.append("## Image size, start time and idle memory\n\n");
        if (f.isEmpty()) {
            md.append("No environment has a footprint.json.\n\n");
            return;
        }
        String ram = ByteSizes.format(f.ramBytes());
        md.append(row(List.of("Environment", "Kind", "Image", "Start", "Idle memory", "Instances in " + ram)));
        md.append("|---|---|---:|---:|---:|---:|\n");
        for (FootprintTable.Entry e : f.entries()) {
            md.append(row(List.of(e.label(), e.kind(), ByteSizes.format(e.imageBytes()),
                    Format.millis(e.startMillis()) + (e.startKey() == null ? "" : " (" + e.startKey() + ")"),
                    ByteSizes.format(e.idleMemoryBytes()),
                    e.instances() < 0 ? Format.DASH : String.format(Locale.ROOT, "%,d", e.instances()))));
        }
        if (c.density() != null) {
            md.append("\nThe last column divides the RAM by one instance's idle memory, an estimate; the density run "
                    + "above measures what each further instance costs the host.\n");
        }
        if (!f.images().isEmpty()) {
            md.append("\n### Images as shipped\n\n");
            md.append(row(ReportText.IMAGE_HEADER));
            md.append("|---|---|").append("---:|".repeat(ReportText.IMAGE_HEADER.size() - 2)).append('\n');
            f.images().forEach(i -> md.append(row(ReportText.imageCells(i))));
            md.append('\n').append(ReportText.IMAGE_NOTE).append('\n');
        }
        md.append("\nEvery footprint value (median; min–max of the samples when there are several):\n\n");
        List<String> header = new ArrayList<>();
        header.add("Key");
        f.entries().forEach(e -> header.add(e.label()));
        md.append(row(header));
        md.append("|---|").append("---:|".repeat(f.entries().size())).append('\n');
        for (String key : f.keys()) {
            List<String> cells = new ArrayList<>();
            cells.add(key);
            for (FootprintTable.Entry e : f.entries()) {
                cells.add(ReportText.footprintValue(key, e.raw().values().get(key)));
            }
            md.append(row(cells));
        }
        md.append('\n');
    }

    private static void fingerprints(Comparison c, StringBuilder md) {
        FingerprintTable t = c.fingerprints();
        md.append("## Environment fingerprints\n\n");
        if (t.columns().isEmpty()) {
            md.append("No input has an environment.json.\n\n");
            return;
        }
        if (t.mismatches().isEmpty()) {
            md.append("No important mismatch (JVM, jar, kernel, accel, profile, CPU).\n\n");
        } else {
            md.append("Mismatches:\n\n");
            t.mismatches().forEach(m -> md.append("- **").append(esc(m)).append("**\n"));
            md.append('\n');
        }
        md.append("Rows marked ≠ differ between environments.\n\n");
        List<String> header = new ArrayList<>();
        header.add("Key");
        header.addAll(t.columns());
        md.append(row(header));
        md.append("|---|").append("---|".repeat(t.columns().size())).append('\n');
        for (FingerprintTable.Row r : t.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(r.differs() ? "≠ **" + r.key() + "**" : r.key());
            for (int i = 0; i < r.values().size(); i++) {
                String v = r.values().get(i) == null ? Format.DASH
                        : ReportText.shorten(ReportText.fingerprintValue(r.key(), r.values().get(i)));
                cells.add(r.differs() || r.alarming(i) ? "**" + v + "**" : v);
            }
            md.append(row(cells));
        }
        md.append('\n');
    }

    private static void missing(Comparison c, StringBuilder md) {
        boolean any = !c.missing().isEmpty()
                || c.environments().stream().anyMatch(e -> !e.fingerprint().skipped().isEmpty()
                || !e.fingerprint().failed().isEmpty());
        if (!any) {
            return;
        }
        md.append("## Missing, skipped and failed benchmarks\n\n");
        for (Comparison.Missing m : c.missing()) {
            md.append("- ").append(esc(m.key().toString())).append(": in ").append(m.presentIn())
                    .append(", not in ").append(m.missingIn()).append(" (").append(esc(m.reason())).append(")\n");
        }
        for (EnvironmentInput e : c.environments()) {
            e.fingerprint().skipped().forEach(p -> md.append("- ").append(e.label()).append(" skipped ")
                    .append(esc(p.benchmark())).append(": ").append(esc(p.reason())).append('\n'));
            e.fingerprint().failed().forEach(p -> md.append("- ").append(e.label()).append(" failed ")
                    .append(esc(p.benchmark())).append(": ").append(esc(p.reason())).append('\n'));
        }
        md.append('\n');
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        for (String cell : cells) {
            sb.append(' ').append(esc(cell)).append(" |");
        }
        return sb.append('\n').toString();
    }

    private static String esc(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
