package io.isobench.compare.report;

import io.isobench.app.MicroRows;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.RowEvidence;
import io.isobench.compare.report.doc.Block;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Section;
import io.isobench.compare.report.doc.Table;
import io.isobench.compare.report.doc.Table.Cell;
import io.isobench.compare.report.doc.Table.Column;
import io.isobench.compare.report.doc.Table.Row;
import io.isobench.compare.stats.Format;
import io.isobench.suite.Area;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The application section: per environment, each application row (the {@code app} area) beside the micro rows that
 * explain it, as its class declares them ({@link io.isobench.app.ExplainedBy}), each with its cost against the baseline,
 * so that a reader sees which micro cost carries the application's (a commit that costs +40 % where the 4 KiB
 * write+fsync costs +45 % is its fsync's). A micro row that did not run in the environment is shown as missing.
 */
public final class AppSection {

    static final String INTRO = "Each application row beside the micro rows that explain it, both against the baseline: "
            + "when the application's cost follows one micro row's, that micro cost carries it. Cost is the "
            + "environment's time per operation over the baseline's (a throughput turned around), above 0 % slower.";

    private AppSection() {
    }

    /** The section, or empty when no application row was compared. */
    public static Optional<Section> build(Comparison c) {
        List<ComparisonRow> apps = c.rows().stream().filter(r -> r.area() == Area.APP).toList();
        if (apps.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (ComparisonRow app : apps) {
            List<MicroRows.Micro> micros = MicroRows.of(app.key().benchmark());
            if (micros.isEmpty()) {
                rows.add(row(c, app, null, null));
            }
            for (MicroRows.Micro micro : micros) {
                List<ComparisonRow> matched = c.rows().stream()
                        .filter(r -> r.environment().equals(app.environment()) && r.baseline().equals(app.baseline())
                                && micro.matches(r.key().benchmark(), r.key().params()))
                        .toList();
                if (matched.isEmpty()) {
                    rows.add(row(c, app, micro, null));
                }
                matched.forEach(m -> rows.add(row(c, app, micro, m)));
            }
        }
        Table table = Table.of(List.of(Column.left("Environment"), Column.left("Application row"), Column.right("Score"),
                Column.right("Cost"), Column.left("Its work, here (baseline)"), Column.left("Explained by"),
                Column.right("Score"), Column.right("Cost"),
                Column.left("What it measures of the application's work")), rows);
        List<Block> blocks = List.of(Paragraph.of(INTRO), table);
        return Optional.of(new Section("app", "What the application pays, and which micro cost carries it", blocks));
    }

    /** One line: the application row and one of its micro rows (null: none declared, or not run here). */
    private static Row row(Comparison c, ComparisonRow app, MicroRows.Micro micro, ComparisonRow matched) {
        List<Cell> cells = new ArrayList<>(List.of(Cell.styled(c.environmentTitle(app), "env"), Cell.of(name(app)),
                score(app), cost(app), Cell.of(work(app))));
        if (micro == null) {
            cells.addAll(List.of(Cell.of(Format.DASH), Cell.num(""), Cell.num(""), Cell.of("")));
        } else if (matched == null) {
            cells.addAll(List.of(Cell.of(shortName(micro.benchmark()) + params(micro)), Cell.num(Format.DASH),
                    Cell.num(Format.DASH), Cell.of(micro.why() + " (not run in this environment)")));
        } else {
            cells.addAll(List.of(Cell.of(name(matched)), score(matched), cost(matched), Cell.of(micro.why())));
        }
        return Row.of(cells);
    }

    /**
     * The application row's evidence in this environment and in the baseline ({@code 4.0 read and write calls of the
     * service per request (baseline 4.0)}): the work under its cost, which the micro rows price.
     */
    static String work(ComparisonRow app) {
        List<String> parts = new ArrayList<>();
        for (RowEvidence evidence : app.evidence()) {
            if (evidence.environment() == null) {
                continue;
            }
            String baseline = evidence.baseline() == null ? "none recorded"
                    : RowEvidence.number(evidence.kind(), evidence.baseline().value());
            parts.add(evidence.environment().text(evidence.kind()) + " (baseline " + baseline + ")");
        }
        return parts.isEmpty() ? Format.DASH : String.join("; ", parts);
    }

    private static String name(ComparisonRow row) {
        String params = row.key().paramsText();
        return row.key().shortName() + (params.isEmpty() ? "" : " (" + params + ")") + " " + row.key().mode();
    }

    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    private static String params(MicroRows.Micro micro) {
        return micro.params().isEmpty() ? "" : " (" + String.join(", ", micro.params().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()) + ")";
    }

    private static Cell score(ComparisonRow row) {
        return Cell.num(Format.num(row.score()) + " " + row.unit(), row.score());
    }

    /** The cost (a percentage, or a multiple from ×2 up) with the row's verdict. */
    private static Cell cost(ComparisonRow row) {
        return Cell.num(Format.cost(row.cost()) + " " + row.verdict().word(), row.cost())
                .withBadge(row.verdict().word());
    }
}
