package io.isobench.compare.report;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.HtmlWriter;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.report.doc.ReportDocument;
import io.isobench.compare.report.doc.Section;
import io.isobench.compare.report.doc.Table.Cell;
import io.isobench.compare.report.doc.Table.Column;
import io.isobench.compare.report.doc.Table.Row;
import io.isobench.compare.report.doc.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How an extension adds a section: a {@link ReportBuilder.SectionSource} put into a copy of
 * {@link ReportBuilder#SECTIONS} where it belongs; both writers then show it there, with nothing else to change.
 * summary.json is not built from the document (it is the comparison's data, {@link SummaryBuilder}), so a section
 * of the report does not appear in it.
 */
class ExtraSectionTest {

    @TempDir
    Path run;

    /** The extension: rows per environment, in a section of its own. */
    static Optional<Section> rowCounts(Comparison c) {
        List<Row> rows = c.pairs().stream().map(p -> Row.of(List.of(Cell.of(p.environment().label()),
                Cell.num(Long.toString(c.rows().stream().filter(r -> r.environment().equals(p.environment().label()))
                        .count()))))).toList();
        return Optional.of(new Section("row-counts", "Rows per environment", List.of(
                Paragraph.of("How many benchmark rows each environment has."),
                Table.of(List.of(Column.left("Environment"), Column.right("Rows")), rows))));
    }

    @Test
    void aSectionSourceAddedToTheListRendersInBothOutputsWhereItWasPut() throws Exception {
        List<Fixtures.Bench> host = List.of(avgt("io.isobench.cpu.ArithmeticLoopBenchmark.loop", 1000, 5, 4),
                avgt("io.isobench.syscall.ParentPidGetBenchmark.rawSyscall", 200, 2, 2));
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"), Map.of());
        Fixtures.envDir(run, "container-bridge", Fixtures.scaled(host, 1.05, 5),
                Fixtures.fingerprint("container-bridge", "container", "none"), Map.of());
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());

        List<ReportBuilder.SectionSource> sections = new ArrayList<>(ReportBuilder.SECTIONS);
        sections.add(sections.size() - 1, ExtraSectionTest::rowCounts);
        ReportDocument document = ReportBuilder.build(c, sections);

        String md = MarkdownWriter.write(document);
        assertTrue(md.contains("## Rows per environment\n\nHow many benchmark rows each environment has.\n\n"
                + "| Environment | Rows |\n|---|---:|\n| container-bridge | 2 |\n"), md);
        assertTrue(md.indexOf("## Rows per environment") < md.indexOf("## Method"), "before the method, as put");
        String html = HtmlWriter.write(document);
        assertTrue(html.contains("<h2 id=\"row-counts\">Rows per environment</h2>\n"
                + "<p>How many benchmark rows each environment has.</p>\n"
                + "<table><thead><tr><th>Environment</th><th>Rows</th></tr></thead><tbody>\n"
                + "<tr><td>container-bridge</td><td class=\"num\">2</td></tr>\n</tbody></table>\n"), html);
        assertTrue(html.indexOf("id=\"row-counts\"") < html.indexOf("id=\"method\""));

        assertEquals(MarkdownWriter.write(ReportBuilder.build(c)), MarkdownWriter.write(ReportBuilder.build(c,
                ReportBuilder.SECTIONS)), "the standard report is the standard list");
        assertFalse(MarkdownWriter.write(ReportBuilder.build(c)).contains("Rows per environment"));
    }
}
