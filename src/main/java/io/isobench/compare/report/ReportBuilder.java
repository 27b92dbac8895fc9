package io.isobench.compare.report;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.Reasons;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.Confounds;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.model.EvidenceTable;
import io.isobench.compare.model.FingerprintTable;
import io.isobench.compare.model.FootprintTable;
import io.isobench.compare.model.Headline;
import io.isobench.compare.model.RegressionGate;
import io.isobench.compare.model.TailTable;
import io.isobench.compare.model.ThreadScaling;
import io.isobench.compare.report.doc.Block.BulletList;
import io.isobench.compare.report.doc.Block.Callout;
import io.isobench.compare.report.doc.Block.Chart;
import io.isobench.compare.report.doc.Block.Details;
import io.isobench.compare.report.doc.Block.Only;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Block.Subheading;
import io.isobench.compare.report.doc.Block;
import io.isobench.compare.report.doc.Inline;
import io.isobench.compare.report.doc.ReportDocument;
import io.isobench.compare.report.doc.Section;
import io.isobench.compare.report.doc.Table.Cell;
import io.isobench.compare.report.doc.Table.Column;
import io.isobench.compare.report.doc.Table.Row;
import io.isobench.compare.report.doc.Table;
import io.isobench.compare.stats.ByteSizes;
import io.isobench.compare.stats.Format;
import io.isobench.suite.Area;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The comparison's report as a document, built once and written by {@link io.isobench.compare.report.doc.MarkdownWriter}
 * and {@link io.isobench.compare.report.doc.HtmlWriter}. One method per section, in the order of {@link #SECTIONS}:
 * adding a section is a method here and a line there. Where Markdown and HTML show a place differently (the page's
 * tables have sortable columns that Markdown folds together, and charts), both versions are built side by side here,
 * each marked {@link Only} for its output.
 */
public final class ReportBuilder {

    /** One section of the report from a comparison, or empty when it has nothing to say about it. */
    @FunctionalInterface
    public interface SectionSource {
        Optional<Section> build(Comparison c);
    }

    /** The report's sections, in order. */
    public static final List<SectionSource> SECTIONS = List.of(ReportBuilder::headline, ReportBuilder::density,
            ReportBuilder::timeline, PrecisionSection::build, ReportBuilder::gate, ReportBuilder::confounds,
            SchedulingSection::build, ReportBuilder::notComparable,
            ReportBuilder::areas, AppSection::build,
            ReportBuilder::threadScaling, ReportBuilder::footprint, ReportBuilder::fingerprints,
            ReportBuilder::missing, ReportBuilder::method);

    private ReportBuilder() {
    }

    public static ReportDocument build(Comparison c) {
        return build(c, SECTIONS);
    }

    /** The report with these sections, in this order (the standard ones are {@link #SECTIONS}). */
    public static ReportDocument build(Comparison c, List<SectionSource> sections) {
        List<Block> lead = new ArrayList<>();
        lead.add(Paragraph.intro(ReportText.intro(c)));
        c.banners().forEach(banner -> lead.add(Callout.warning(banner)));
        c.notes().forEach(note -> lead.add(Paragraph.note(note)));
        if (c.timeline() != null) {
            // The page shows the timeline as a section with its chart; Markdown has only the sentence, up here.
            lead.add(Only.markdown(Paragraph.note(c.timeline().summary())));
        }
        List<Section> built = sections.stream().flatMap(s -> s.build(c).stream()).toList();
        return new ReportDocument("isobench comparison" + ReportText.titleSuffix(c), lead, built);
    }

    /** The report of a run directory that holds only a density run. */
    public static ReportDocument density(DensityTable d) {
        return new ReportDocument("isobench density", List.of(), List.of(densitySection(d)));
    }

    static Optional<Section> headline(Comparison c) {
        return Optional.of(new Section("headline", "Headline", headlineBlocks(c)));
    }

    /** The headline's caption and table (also printed on the console, and shown for a fleet's hosts). */
    public static List<Block> headlineBlocks(Comparison c) {
        Headline h = c.headline();
        if (h.lines().isEmpty()) {
            return List.of(Paragraph.of("Nothing to compare."));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.left("Area")));
        c.pairs().forEach(pair -> columns.add(Column.right(c.title(pair))));
        List<Row> rows = new ArrayList<>();
        for (Headline.Line line : h.lines()) {
            List<Cell> cells = new ArrayList<>();
            cells.add(line.area() == null ? Cell.of(new Inline.Strong("All")) : Cell.of(line.title()));
            for (String column : h.columns()) {
                Headline.Cell cell = line.cells().get(column);
                cells.add(cell == null ? Cell.num(Format.DASH)
                        : new Cell(List.of(new Inline.Text(ReportText.headlineValue(cell)),
                        new Inline.Detail(ReportText.headlineCounts(cell))), Cell.NUM, null, null, null)
                        .withBadge(headlineClass(cell, c.options().alpha())));
            }
            rows.add(Row.of(cells));
        }
        return List.of(Paragraph.of(ReportText.headlineCaption(c)), new Table("headline", null, false, columns, rows));
    }

    /**
     * The verdict a headline cell says, as the page colours it: slower or faster only when the cell differs after the
     * table's multiplicity ({@link Headline.Cell#differs}), else the neutral colour.
     */
    public static String headlineClass(Headline.Cell cell, double alpha) {
        if (cell.benchmarks() == 0) {
            return "invalid";
        }
        return !cell.differs(alpha) ? "same" : cell.cost() > 1 ? "slower" : "faster";
    }

    static Optional<Section> density(Comparison c) {
        return Optional.ofNullable(c.density()).map(ReportBuilder::densitySection);
    }

    /**
     * The density run: measured marginal host memory per idle instance, the headline that replaces the division of
     * the RAM by one instance's idle memory, and its two charts.
     */
    static Section densitySection(DensityTable d) {
        List<Inline> sentence = List.of(new Inline.Text("Idle instances (each an EchoPeer JVM) started one by one on "
                        + d.record().host() + ", " + d.record().startedAt() + "; after each, the drop of the host's "
                        + "MemAvailable. "), new Inline.Emphasis("Each further"),
                new Inline.Text(" is (drop with N \u2212 drop with 1) / (N \u2212 1)"));
        List<Inline> markdown = new ArrayList<>(sentence);
        markdown.add(new Inline.Text(": what one more instance costs once the first has paid for what they share."));
        List<Inline> html = new ArrayList<>(sentence);
        html.add(new Inline.Text("."));
        List<Row> rows = new ArrayList<>();
        for (DensityTable.Row r : d.rows()) {
            rows.add(Row.of(List.of(Cell.styled(r.label(), "env").withTooltip(String.join("; ", r.notes())),
                    Cell.num(Integer.toString(r.instances())),
                    Cell.num(ByteSizes.format(r.marginalBytes()), r.marginalBytes()),
                    Cell.num(ByteSizes.format(r.firstBytes()), r.firstBytes()),
                    Cell.num(ByteSizes.format(r.pssBytes()), r.pssBytes()),
                    Cell.num(Format.millis(r.startMillis()), r.startMillis()), Cell.of(r.stopReason()))));
        }
        Table table = new Table("sortable", null, false, List.of(Column.left("Kind"), Column.right("Instances"),
                Column.right("Each further"), Column.right("First"), Column.right("Host processes (last)"),
                Column.right("Start to ready"), Column.left("Stopped because")), rows);
        List<String> notes = d.rows().stream().filter(r -> r.notes().stream().anyMatch(n -> !n.isBlank()))
                .map(r -> r.label() + ": " + String.join("; ", r.notes().stream().filter(n -> !n.isBlank()).toList()))
                .toList();
        return new Section("density", "Density: host memory per idle instance (measured)", List.of(
                Only.markdown(new Paragraph(Paragraph.Style.PLAIN, markdown)),
                Only.html(new Paragraph(Paragraph.Style.PLAIN, html)),
                table, BulletList.of(notes),
                Only.html(new Subheading(null, "Host memory against instances")),
                new Chart(Chart.Kind.LINES, DensityChart.render(d, DensityChart.Metric.MEMORY)),
                Only.html(new Subheading(null, "Start time against instances")),
                new Chart(Chart.Kind.LINES, DensityChart.render(d, DensityChart.Metric.START))));
    }

    /** The timeline of an interleaved run, with its chart (the page only: Markdown has its sentence in the lead). */
    static Optional<Section> timeline(Comparison c) {
        if (c.timeline() == null) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>(List.of(Only.html(Paragraph.of(c.timeline().summary())),
                new Chart(Chart.Kind.TIMELINE, TimelineChart.render(c.timeline()))));
        if (!c.farRounds().lines().isEmpty()) {
            blocks.add(Paragraph.of(ReportText.FAR_ROUNDS_CAPTION));
            blocks.add(BulletList.of(c.farRounds().lines().stream()
                    .map(line -> ReportText.farRounds(c, line, c.options().alpha())).toList()));
        }
        return Optional.of(new Section("timeline", "Timeline", blocks));
    }

    static Optional<Section> gate(Comparison c) {
        if (c.options().failOnRegressionPct() == null) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        if (c.regressions().isEmpty()) {
            blocks.add(Paragraph.of("Passed: no significant slowdown above "
                    + Format.plain(c.options().failOnRegressionPct()) + " % (or the benchmark's own threshold)."));
        } else {
            BulletList regressions = BulletList.of(c.regressions().stream()
                    .map(RegressionGate.Regression::describe).toList());
            String failed = " " + c.regressions().size() + " significant slowdown(s) above the threshold";
            blocks.add(Only.markdown(Paragraph.of(new Inline.Strong("Failed:"), new Inline.Text(failed + ":"))));
            blocks.add(Only.markdown(regressions));
            blocks.add(Only.html(new Callout(Callout.Tone.FAILURE,
                    List.of(new Inline.Strong("Failed:"), new Inline.Text(failed + ".")), List.of(regressions))));
        }
        if (!c.unjudged().isEmpty()) {
            BulletList unjudged = BulletList.of(c.unjudged().stream().map(RegressionGate::describeUnjudged).toList());
            String notJudged = "Not judged (no real test, so neither passed nor failed): " + c.unjudged().size() + " row(s)";
            blocks.add(Only.markdown(Paragraph.of(notJudged + ".")));
            blocks.add(Only.markdown(unjudged));
            blocks.add(Only.html(new Details("unjudged", Inline.plain(notJudged), List.of(unjudged))));
        }
        return Optional.of(new Section("gate", "Regression gate", blocks));
    }

    static Optional<Section> confounds(Comparison c) {
        if (c.pairs().isEmpty()) {
            return Optional.empty();
        }
        if (c.confounds().isEmpty()) {
            return Optional.of(new Section("confounds", "What else differs",
                    List.of(Paragraph.of(ReportText.NO_CONFOUNDS))));
        }
        List<Row> rows = new ArrayList<>();
        for (Confounds.Confound f : c.confounds()) {
            rows.add(Row.of(List.of(Cell.styled(c.name(f.environment()), "env"), Cell.of(f.what()),
                    Cell.styled(f.baselineValue(), "mono"), Cell.styled(f.value(), "mono"), Cell.of(f.why()))));
        }
        Table table = new Table("confounds", null, false, List.of(Column.left("Environment"), Column.left("What"),
                Column.left("Baseline"), Column.left("Environment's"), Column.left("Why it matters")), rows);
        return Optional.of(new Section("confounds", "What else differs",
                List.of(Paragraph.of(ReportText.CONFOUNDS_INTRO), table)));
    }

    /**
     * The rows that are not comparable, each with the evidence of every environment side by side (per round where the
     * run had rounds), and the rows whose measured iterations still trended, with their change from the first to the
     * last; absent when there are neither.
     */
    static Optional<Section> notComparable(Comparison c) {
        EvidenceTable t = c.evidence();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        if (t.lines().isEmpty()) {
            blocks.add(Paragraph.of(ReportText.ALL_COMPARABLE));
        } else {
            blocks.add(Paragraph.of(ReportText.NOT_COMPARABLE_INTRO));
            List<Column> columns = new ArrayList<>(List.of(Column.left("Benchmark"), Column.left("Params"),
                    Column.left("Mode"), Column.left("Evidence"), Column.left("Claim contradicted")));
            t.columns().forEach(label -> columns.add(Column.left(c.name(label))));
            List<Row> rows = new ArrayList<>();
            for (EvidenceTable.Line line : t.lines()) {
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(line.key().shortName()).withTooltip(line.key().benchmark()),
                        Cell.of(line.key().paramsText()), Cell.of(line.key().mode()), Cell.of(line.kind().id()),
                        Cell.of(line.claims().isEmpty() ? Format.DASH : String.join("; ", line.claims()))));
                line.sides().forEach(side -> cells.add(Cell.of(ReportText.evidenceCell(line.kind(), side))));
                rows.add(Row.of(cells));
            }
            blocks.add(Table.of(columns, rows));
        }
        if (!t.unsteady().isEmpty()) {
            blocks.add(new Subheading(null, "Unsteady rows"));
            blocks.add(Paragraph.of(ReportText.UNSTEADY_INTRO));
            List<Row> rows = new ArrayList<>();
            for (EvidenceTable.Trend trend : t.unsteady()) {
                BenchmarkKey key = new BenchmarkKey(trend.row().benchmark(), "", new TreeMap<>(trend.row().params()));
                rows.add(Row.of(List.of(Cell.styled(c.name(trend.environment()), "env"),
                        Cell.of(key.shortName()).withTooltip(key.benchmark()), Cell.of(key.paramsText()),
                        Cell.num(ReportText.change(trend.row().firstToLast()), trend.row().firstToLast()),
                        Cell.of(String.join(", ", trend.row().forks().stream().map(ReportText::change).toList())))));
            }
            blocks.add(Table.of(List.of(Column.left("Environment"), Column.left("Benchmark"), Column.left("Params"),
                    Column.right("First to last (median)"), Column.left("Per fork")), rows));
        }
        return Optional.of(new Section("not-comparable", "Rows that are not comparable", blocks));
    }

    /** Overhead per area: per area its chart and table (the baseline's results alone when nothing is compared). */
    static Optional<Section> areas(Comparison c) {
        List<Block> blocks = new ArrayList<>();
        if (c.pairs().isEmpty() && c.baseline() != null) {
            baselineOnly(c, c.baseline(), blocks);
        }
        List<String> columns = c.pairs().stream().map(p -> p.environment().label()).toList();
        TailTable tails = TailTable.of(c);
        for (Map.Entry<Area, List<ComparisonRow>> entry : c.rowsByArea().entrySet()) {
            Area area = entry.getKey();
            List<ComparisonRow> rows = entry.getValue();
            boolean net = rows.stream().anyMatch(r -> r.net() != null);
            blocks.add(new Subheading("area-" + area.id(), area.title()));
            blocks.add(new Chart(Chart.Kind.BARS, SvgChart.render(area, rows, columns, c::name)));
            blocks.add(Only.markdown(areaTableMarkdown(c, rows)));
            blocks.add(Only.html(areaTableHtml(c, area, rows)));
            if (area == Area.SYSCALL && net) {
                blocks.add(Only.markdown(Paragraph.of(ReportText.NET_OF_JNA)));
            }
            if (net) {
                blocks.add(Only.html(Paragraph.note(ReportText.NET_OF_JNA)));
            }
            blocks.addAll(tails(c, tails.in(area), columns));
        }
        return Optional.of(new Section("areas", "Overhead per area", blocks));
    }

    /**
     * The latency distributions of an area's sample-mode rows: on the page a plot of each (the share of samples at or
     * below each time), and in both outputs JMH's percentiles per environment; nothing when the area has none.
     */
    private static List<Block> tails(Comparison c, List<TailTable.Plot> plots, List<String> columns) {
        if (plots.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Only.markdown(Paragraph.of(ReportText.TAILS_MARKDOWN)));
        blocks.add(Only.html(Paragraph.of(ReportText.TAILS_HTML)));
        plots.stream().filter(p -> p.lines().stream().anyMatch(l -> l.distribution().values().length > 0))
                .forEach(p -> blocks.add(new Chart(Chart.Kind.LINES, TailChart.render(p, columns, c::name))));
        List<Column> header = new ArrayList<>(List.of(Column.left("Benchmark"), Column.left("Params"),
                Column.left("Environment"), Column.left("Unit"), Column.right("Samples")));
        ReportText.TAIL_PERCENTILES.forEach(p -> header.add(Column.right("p" + Format.plain(p))));
        List<Row> rows = new ArrayList<>();
        for (TailTable.Plot plot : plots) {
            for (TailTable.Line line : plot.lines()) {
                double samples = line.distribution().total();
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(plot.key().shortName()).withTooltip(plot.key().benchmark()),
                        Cell.of(plot.key().paramsText()),
                        Cell.styled(c.name(line.label()) + (line.baseline() ? " (baseline)" : ""), "env"),
                        Cell.of(plot.unit()),
                        Cell.num(samples > 0 ? String.format(Locale.ROOT, "%,.0f", samples) : Format.DASH, samples)));
                ReportText.TAIL_PERCENTILES.forEach(p -> {
                    double v = line.distribution().percentile(p);
                    cells.add(Cell.num(Double.isFinite(v) ? Format.num(v) : Format.DASH, v));
                });
                rows.add(Row.of(cells));
            }
        }
        blocks.add(Table.of(header, rows));
        return blocks;
    }

    private static void baselineOnly(Comparison c, EnvironmentInput base, List<Block> blocks) {
        List<Row> markdown = new ArrayList<>();
        List<Row> html = new ArrayList<>();
        for (BenchmarkResult r : base.results()) {
            markdown.add(Row.of(List.of(Cell.of(r.key().shortName()), Cell.of(r.key().paramsText()), Cell.of(r.key().mode()),
                    Cell.of(Format.scoreWithError(r.primary().score(), r.primary().scoreError())),
                    Cell.of(r.primary().unit()), Cell.of(Format.pct(r.primary().relativeError())))));
            html.add(Row.of(List.of(Cell.of(r.key().shortName()), Cell.of(r.key().paramsText()), Cell.of(r.key().mode()),
                    number(r.primary().score()), error(r.primary().scoreError()), Cell.of(r.primary().unit()))));
        }
        blocks.add(Only.markdown(Paragraph.of("Results of " + c.name(base.label()) + " alone:")));
        blocks.add(Only.markdown(Table.of(List.of(Column.left("Benchmark"), Column.left("Params"), Column.left("Mode"),
                Column.right("Score ± error"), Column.left("Unit"), Column.right("Rel. error")), markdown)));
        blocks.add(Only.html(Paragraph.of("Results of " + c.name(base.label()) + " alone.")));
        blocks.add(Only.html(new Table("sortable", null, false, List.of(Column.left("Benchmark"), Column.left("Params"),
                Column.left("Mode"), Column.right("Score"), Column.right("Error"), Column.left("Unit")), html)));
    }

    /** An area's rows in Markdown: score and error in one column, the verdict with its reason and notes. */
    private static Table areaTableMarkdown(Comparison c, List<ComparisonRow> rows) {
        boolean net = rows.stream().anyMatch(r -> r.net() != null);
        boolean secondary = rows.stream().anyMatch(r -> !r.secondary().isEmpty());
        boolean evidence = rows.stream().anyMatch(r -> !r.evidence().isEmpty());
        List<Column> columns = new ArrayList<>(List.of(Column.left("Benchmark"), Column.left("Params"),
                Column.left("Mode"), Column.left("Environment"), Column.right("Score ± error"), Column.right("Baseline"),
                Column.left("Unit"), Column.right("Ratio"), Column.left(ReportText.level(c) + " CI"), Column.right("p"),
                Column.left("Samples"), Column.left("Verdict")));
        if (secondary) {
            columns.add(Column.left("Secondary"));
        }
        if (evidence) {
            columns.add(Column.left("Evidence"));
        }
        if (net) {
            columns.addAll(List.of(Column.right("Net of JNA (ns/op)"), Column.right("Net baseline"),
                    Column.left("Net ratio")));
        }
        List<Row> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(r.key().shortName()), Cell.of(r.key().paramsText()),
                    Cell.of(r.key().mode()), Cell.of(c.environmentTitle(r)),
                    Cell.of(Format.scoreWithError(r.score(), r.scoreError()) + (r.noisy() ? " (noisy)" : "")),
                    Cell.of(Format.scoreWithError(r.baselineScore(), r.baselineScoreError())
                            + (r.baselineNoisy() ? " (noisy)" : "")),
                    Cell.of(r.unit()), Cell.of(Format.ratio(r.ratio().estimate())), Cell.of(ReportText.interval(r.test())),
                    Cell.of(Format.p(r.pValue())), Cell.of(r.test().samplesText()), Cell.of(ReportText.verdict(r))));
            if (secondary) {
                cells.add(Cell.of(ReportText.secondary(r)));
            }
            if (evidence) {
                cells.add(Cell.of(ReportText.evidence(r)));
            }
            if (net) {
                cells.add(Cell.of(r.net() == null ? "" : Format.num(r.net().score())));
                cells.add(Cell.of(r.net() == null ? "" : Format.num(r.net().baselineScore())));
                cells.add(Cell.of(r.net() == null ? "" : ReportText.testCell(r.net().test())));
            }
            out.add(Row.of(cells));
        }
        return Table.of(columns, out);
    }

    /** An area's rows on the page: every number a sortable column of its own, the reasons and notes as flags. */
    private static Table areaTableHtml(Comparison c, Area area, List<ComparisonRow> rows) {
        boolean net = rows.stream().anyMatch(r -> r.net() != null);
        boolean secondary = rows.stream().anyMatch(r -> !r.secondary().isEmpty());
        boolean evidence = rows.stream().anyMatch(r -> !r.evidence().isEmpty());
        List<Column> columns = new ArrayList<>(List.of(Column.left("Benchmark"), Column.left("Params"),
                Column.left("Mode"), Column.left("Environment"), Column.right("Score"), Column.right("\u00b1 Error"),
                Column.right("Baseline"), Column.left("Unit"), Column.right("Ratio"),
                Column.right(ReportText.level(c) + " CI"), Column.right("Cost"), Column.right("p"),
                Column.left("Samples"), Column.left("Verdict"), Column.left("Flags")));
        if (secondary) {
            columns.add(Column.left("Secondary"));
        }
        if (evidence) {
            columns.add(Column.left("Evidence"));
        }
        if (net) {
            columns.addAll(List.of(Column.right("Net of JNA (ns/op)"), Column.right("Net baseline (ns/op)"),
                    Column.right("Net ratio")));
        }
        List<Row> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(r.key().shortName()).withTooltip(r.key().benchmark()),
                    Cell.of(r.key().paramsText()), Cell.of(r.key().mode()), Cell.styled(c.environmentTitle(r), "env"),
                    number(r.score(), r.noisy()), error(r.scoreError()), number(r.baselineScore(), r.baselineNoisy()),
                    Cell.of(r.unit()), Cell.num(Format.ratio(r.ratio().estimate()), r.ratio().estimate()),
                    Cell.num(ReportText.interval(r.test()), r.ratio().low()),
                    Cell.num(Format.overhead(r.cost()), r.cost()), Cell.num(Format.p(r.pValue()), r.pValue()),
                    Cell.of(r.test().samplesText()).withTooltip(r.test().sampling().design() + "; " + r.test().method()),
                    Cell.of(r.verdict().word()).withBadge(ReportText.badge(r.verdict())),
                    Cell.styled(ReportText.flags(r), "flags")));
            if (secondary) {
                cells.add(Cell.of(ReportText.secondary(r)));
            }
            if (evidence) {
                cells.add(Cell.styled(ReportText.evidence(r), "flags"));
            }
            if (net) {
                if (r.net() == null) {
                    cells.addAll(List.of(Cell.of(""), Cell.of(""), Cell.of("")));
                } else {
                    cells.addAll(List.of(number(r.net().score()), number(r.net().baselineScore()),
                            Cell.num(ReportText.testCell(r.net().test()), r.net().ratio())));
                }
            }
            out.add(Row.of(cells));
        }
        return new Table("sortable", area.id(), true, columns, out);
    }

    private static Cell number(double v) {
        return Cell.num(Format.num(v), v);
    }

    /** A score, marked when JMH's error says it is noisy. */
    private static Cell number(double v, boolean noisy) {
        return noisy ? Cell.styled(Format.num(v), Cell.NUM + " noisy").withSortKey(Cell.sortKey(v)) : number(v);
    }

    /** An error: a dash when JMH could not compute one. */
    private static Cell error(double v) {
        return Cell.num(Double.isNaN(v) ? Format.DASH : Format.num(v), v);
    }

    static Optional<Section> threadScaling(Comparison c) {
        ThreadScaling scaling = c.threadScaling();
        if (scaling.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (ThreadScaling.Line line : scaling.lines()) {
            rows.add(Row.of(List.of(Cell.of(c.name(line.label())), Cell.num(line.cpus()),
                    Cell.num(Format.num(line.oneThread()) + " " + line.unit()),
                    Cell.num(Format.num(line.allCpus()) + " " + line.unit()), Cell.num(ReportText.scaling(line)))));
        }
        return Optional.of(new Section("scaling", "Thread scaling", List.of(Paragraph.of(ReportText.THREAD_SCALING_CAPTION),
                Table.of(List.of(Column.left("Environment"), Column.right("CPUs (JVM)"), Column.right("One thread"),
                        Column.right("All CPUs"), Column.right("Scaling")), rows))));
    }

    static Optional<Section> footprint(Comparison c) {
        FootprintTable f = c.footprint();
        String heading = "Image size, start time and idle memory";
        if (f.isEmpty()) {
            return Optional.of(new Section("footprint", heading,
                    List.of(Paragraph.of("No environment has a footprint.json."))));
        }
        // One column per start time's meaning, each only where some environment measured it.
        List<FootprintColumn> starts = FootprintColumn.STARTS.stream()
                .filter(s -> f.entries().stream().anyMatch(e -> Double.isFinite(s.millis().applyAsDouble(e)))).toList();
        List<Column> columns = new ArrayList<>(List.of(Column.left("Environment"), Column.left("Kind"),
                Column.right("Image")));
        starts.forEach(s -> columns.add(Column.right(s.header())));
        columns.add(Column.right("Idle memory"));
        columns.add(Column.right(ReportText.instancesHeader(f.ramBytes())));
        List<Row> markdown = new ArrayList<>();
        List<Row> html = new ArrayList<>();
        for (FootprintTable.Entry e : f.entries()) {
            String instances = ReportText.instancesCell(e);
            List<Cell> md = new ArrayList<>(List.of(Cell.of(c.name(e.label())), Cell.of(e.kind()),
                    Cell.of(ByteSizes.format(e.imageBytes()))));
            List<Cell> page = new ArrayList<>(List.of(Cell.styled(c.name(e.label()), "env").withTooltip(e.label()),
                    Cell.of(e.kind()), Cell.num(ByteSizes.format(e.imageBytes()), e.imageBytes())));
            for (FootprintColumn s : starts) {
                double ms = s.millis().applyAsDouble(e);
                md.add(Cell.of(Format.millis(ms)));
                page.add(Cell.num(Format.millis(ms), ms).withTooltip(Double.isFinite(ms) ? s.key().apply(e) : null));
            }
            md.add(Cell.of(ByteSizes.format(e.idleMemoryBytes())));
            md.add(Cell.of(instances));
            page.add(Cell.num(ByteSizes.format(e.idleMemoryBytes()), e.idleMemoryBytes()));
            page.add(Cell.num(instances).withSortKey(e.instances() < 0 ? "NaN" : Long.toString(e.instances()))
                    .withTooltip(e.basis() == null ? null : ReportText.basisTooltip(e)));
            markdown.add(Row.of(md));
            html.add(Row.of(page));
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Only.markdown(Table.of(columns, markdown)));
        blocks.add(Only.html(new Table("sortable", null, false, columns, html)));
        List<String> notes = new ArrayList<>();
        starts.forEach(s -> notes.add(s.header() + ": " + s.meaning()));
        notes.add(ReportText.instancesNote(f, c.density() != null));
        blocks.add(BulletList.of(notes));
        if (!f.images().isEmpty()) {
            List<Column> imageColumns = new ArrayList<>(List.of(Column.left(ReportText.IMAGE_HEADER.get(0)),
                    Column.left(ReportText.IMAGE_HEADER.get(1))));
            ReportText.IMAGE_HEADER.subList(2, ReportText.IMAGE_HEADER.size())
                    .forEach(h -> imageColumns.add(Column.right(h)));
            List<Row> images = new ArrayList<>();
            for (FootprintTable.Image i : f.images()) {
                List<String> texts = ReportText.imageCells(i);
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(texts.get(0)), Cell.of(texts.get(1))));
                texts.subList(2, texts.size()).forEach(t -> cells.add(Cell.num(t)));
                images.add(Row.of(cells));
            }
            blocks.add(new Subheading(null, "Images as shipped"));
            blocks.add(Table.of(imageColumns, images));
            blocks.add(Paragraph.of(ReportText.IMAGE_NOTE));
        }
        List<Column> valueColumns = new ArrayList<>(List.of(Column.left("Key")));
        f.entries().forEach(e -> valueColumns.add(Column.right(e.label())));
        List<Row> values = new ArrayList<>();
        for (String key : f.keys()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(key)));
            f.entries().forEach(e -> cells.add(Cell.num(ReportText.footprintValue(key, e.raw().values().get(key)))));
            values.add(Row.of(cells));
        }
        Table valueTable = Table.of(valueColumns, values);
        blocks.add(Only.markdown(Paragraph.of("Every footprint value (median; min–max of the samples when there are "
                + "several):")));
        blocks.add(Only.markdown(valueTable));
        blocks.add(Only.html(new Details(null, Inline.plain("Every footprint value"), List.of(valueTable))));
        return Optional.of(new Section("footprint", heading, blocks));
    }

    /**
     * A start time of the footprint table, one meaning per column: its header, what it measures (the note under the
     * table), its value (NaN where not measured) and the footprint key it came from.
     */
    private record FootprintColumn(String header, String meaning, ToDoubleFunction<FootprintTable.Entry> millis,
                                   Function<FootprintTable.Entry, String> key) {

        static final List<FootprintColumn> STARTS = List.of(
                new FootprintColumn("JVM start", "java -version inside the environment, by the same shell loop in "
                        + "every kind (jvmStartMillis)", FootprintTable.Entry::jvmStartMillis, e -> "jvmStartMillis"),
                new FootprintColumn("Instance start to ready", "from asking for a new instance until it runs a "
                        + "command: a container's create, start and first exec (startToReadyMillis; Podman's alike, "
                        + "Charliecloud's ch-run of true), a VM's QEMU start to its init's first line "
                        + "(bootToInitMillis); the host starts no instance",
                        FootprintTable.Entry::startToReadyMillis, FootprintTable.Entry::startToReadyKey),
                new FootprintColumn("VM boot to JVM ready", "a VM's QEMU start to a finished java -version inside it "
                        + "(bootToJvmReadyMillis)", FootprintTable.Entry::bootToJvmReadyMillis,
                        e -> "bootToJvmReadyMillis"));
    }

    /** The fingerprints side by side; Markdown shortens long values and marks differences in bold. */
    static Optional<Section> fingerprints(Comparison c) {
        FingerprintTable t = c.fingerprints();
        String heading = "Environment fingerprints";
        if (t.columns().isEmpty()) {
            return Optional.of(new Section("fingerprints", heading,
                    List.of(Paragraph.of("No input has an environment.json."))));
        }
        List<Block> blocks = new ArrayList<>();
        if (t.mismatches().isEmpty()) {
            blocks.add(Paragraph.of("No important mismatch (JVM, jar, kernel, accel, profile, CPU)."));
        } else {
            blocks.add(Only.markdown(Paragraph.of("Mismatches:")));
            blocks.add(Only.markdown(new BulletList(null, null,
                    t.mismatches().stream().map(m -> List.<Inline>of(new Inline.Strong(m))).toList())));
            blocks.add(Only.html(new BulletList("mismatches", "diff", t.mismatches().stream().map(Inline::plain).toList())));
        }
        blocks.add(Only.markdown(Paragraph.of("Rows marked ≠ differ between environments.")));
        blocks.add(Only.html(Paragraph.of("Highlighted rows differ between environments.")));
        List<Column> columns = new ArrayList<>(List.of(Column.left("Key")));
        t.columns().forEach(col -> columns.add(Column.left(col)));
        List<Row> markdown = new ArrayList<>();
        List<Row> html = new ArrayList<>();
        for (FingerprintTable.Row r : t.rows()) {
            List<Cell> md = new ArrayList<>(List.of(r.differs()
                    ? Cell.of(new Inline.Text("≠ "), new Inline.Strong(r.key())) : Cell.of(r.key())));
            List<Cell> page = new ArrayList<>(List.of(Cell.of((r.differs() ? "\u2260 " : "") + r.key())));
            for (int i = 0; i < r.values().size(); i++) {
                String v = r.values().get(i);
                String text = v == null ? Format.DASH : ReportText.shorten(ReportText.fingerprintValue(r.key(), v));
                md.add(r.differs() || r.alarming(i) ? Cell.of(new Inline.Strong(text)) : Cell.of(text));
                page.add(Cell.styled(v == null ? Format.DASH : ReportText.fingerprintValue(r.key(), v),
                        r.alarming(i) ? "mono alarm" : "mono"));
            }
            markdown.add(Row.of(md));
            html.add(new Row(r.differs() ? "diff" : null, page));
        }
        blocks.add(Only.markdown(Table.of(columns, markdown)));
        blocks.add(Only.html(new Table("fingerprints", null, false, columns, html)));
        return Optional.of(new Section("fingerprints", heading, blocks));
    }

    /**
     * The rows one side lacks, and each environment's skipped and failed benchmarks; each kind of item once per reason,
     * with every benchmark it concerns (an emulated smoke run skips dozens for one reason).
     */
    static Optional<Section> missing(Comparison c) {
        List<String> items = new ArrayList<>();
        record Lack(String presentIn, String missingIn, String reason) {
        }
        Map<Lack, List<String>> rows = new java.util.LinkedHashMap<>();
        for (Comparison.Missing m : c.missing()) {
            rows.computeIfAbsent(new Lack(m.presentIn(), m.missingIn(), m.reason()), k -> new ArrayList<>())
                    .add(m.key().toString());
        }
        rows.forEach((lack, keys) -> items.add(String.join(", ", keys) + ": in " + lack.presentIn() + ", not in "
                + lack.missingIn() + " (" + lack.reason() + ")"));
        for (EnvironmentInput e : c.environments()) {
            byReason(e.fingerprint().skipped()).forEach((reason, names) -> items.add(Reasons.after(e.label()
                    + " skipped " + String.join(", ", names), reason, "no reason recorded")));
            byReason(e.fingerprint().failed()).forEach((reason, names) -> items.add(Reasons.after(e.label()
                    + " failed " + String.join(", ", names), reason, "no reason recorded")));
        }
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Section("missing", "Missing, skipped and failed benchmarks", List.of(BulletList.of(items))));
    }

    /** The problems' benchmarks by reason, in order of first mention. */
    private static Map<String, List<String>> byReason(List<io.isobench.schema.Problem> problems) {
        Map<String, List<String>> names = new java.util.LinkedHashMap<>();
        for (io.isobench.schema.Problem p : problems) {
            List<String> of = names.computeIfAbsent(p.reason(), r -> new ArrayList<>());
            if (!of.contains(p.benchmark())) {
                of.add(p.benchmark()); // a benchmark that failed in several rounds for one reason, once
            }
        }
        return names;
    }

    static Optional<Section> method(Comparison c) {
        return Optional.of(new Section("method", "Method", List.of(BulletList.of(ReportText.method(c)))));
    }
}
