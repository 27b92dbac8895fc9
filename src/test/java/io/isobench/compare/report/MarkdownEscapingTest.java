package io.isobench.compare.report;

import io.isobench.compare.Fixtures;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Inline;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.report.doc.ReportDocument;
import io.isobench.compare.report.doc.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Values from the inputs are text in report.md, never markup: a benchmark name with a pipe, a carriage return and a
 * script tag stays one table row with its cells in place, and a title with a line break stays one heading.
 */
class MarkdownEscapingTest {

    private static final String EVIL = "io.isobench.cpu.Evil|Bench\r<script>alert(1)</script>.loop";

    @TempDir
    Path tmp;

    private String report(String... options) throws IOException {
        Path run = tmp.resolve("run");
        List<Fixtures.Bench> host = List.of(avgt(EVIL, 1000, 5, 4), avgt("io.isobench.cpu.Plain.loop", 500, 5, 5));
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"), Map.of());
        Fixtures.envDir(run, "container-bridge", Fixtures.scaled(host, 1.05, 5),
                Fixtures.fingerprint("container-bridge", "container", "none"), Map.of());
        Path out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of(run.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        Fixtures.Result r = Fixtures.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Files.readString(out.resolve("report.md"));
    }

    /** The cells of a table row: split at the pipes that are not escaped. */
    private static int cells(String row) {
        return row.split("(?<!\\\\)\\|", -1).length - 2;
    }

    @Test
    void aCraftedBenchmarkNameIsOneEscapedRow() throws IOException {
        String md = report();
        assertFalse(md.contains("\r"), "no carriage return survives");
        assertFalse(md.contains("<script>"), "no raw HTML for pandoc or mkdocs to render");
        List<String> rows = md.lines().filter(l -> l.contains("Evil")).toList();
        assertEquals(1, rows.size(), "one row in the CPU table, not split by the \\r: " + md);
        String row = rows.get(0);
        assertTrue(row.startsWith("| Evil\\|Bench &lt;script>alert(1)&lt;/script>.loop | "), row);
        String header = md.lines().filter(l -> l.startsWith("| Benchmark | Params | Mode | Environment |"))
                .findFirst().orElseThrow();
        assertEquals(cells(header), cells(row), "the pipe in the name does not shift the cells: " + row);
    }

    @Test
    void aTitleWithALineBreakIsOneHeading() throws IOException {
        String md = report("--title", "mine\n# injected\r\n<b>bold</b> & co");
        assertEquals(List.of("# isobench comparison \u2014 mine # injected &lt;b>bold&lt;/b> & co"),
                md.lines().filter(l -> l.startsWith("#") && !l.startsWith("##")).toList());
        assertFalse(md.lines().anyMatch(l -> l.startsWith("# injected")));
    }

    @Test
    void aValueThatLooksLikeMarkupIsText() {
        ReportDocument document = new ReportDocument("t", List.of(Paragraph.of("# not a heading, \\| not an escape")),
                List.of(new Section("s", "s", List.of(Paragraph.of(new Inline.Strong("a|b"))))));
        String md = MarkdownWriter.write(document);
        assertTrue(md.contains("\n\\# not a heading, \\\\\\| not an escape\n"), md);
        assertTrue(md.contains("\n**a\\|b**\n"), "the writer's own markup around the escaped text: " + md);
    }
}
