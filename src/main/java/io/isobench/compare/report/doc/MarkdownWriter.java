package io.isobench.compare.report.doc;

import io.isobench.compare.report.doc.Block.BulletList;
import io.isobench.compare.report.doc.Block.Callout;
import io.isobench.compare.report.doc.Block.Chart;
import io.isobench.compare.report.doc.Block.Details;
import io.isobench.compare.report.doc.Block.Only;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Block.Subheading;

import java.util.List;

/**
 * report.md: GitHub-flavoured Markdown that also reads well in a terminal. Every block ends with a blank line; charts
 * have no place in it, and a section with nothing else to show is left out.
 */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(ReportDocument document) {
        StringBuilder md = new StringBuilder("# ").append(document.title()).append("\n\n");
        blocks(document.lead(), md);
        for (Section section : document.sections()) {
            if (section.blocks().stream().anyMatch(MarkdownWriter::shows)) {
                md.append("## ").append(section.heading()).append("\n\n");
                blocks(section.blocks(), md);
            }
        }
        // A text file ends with one newline, not with the last block's blank line.
        int end = md.length();
        while (end > 0 && md.charAt(end - 1) == '\n') {
            end--;
        }
        return md.substring(0, end) + "\n";
    }

    /** Blocks alone, such as a section's for the console. */
    public static String blocks(List<Block> blocks) {
        StringBuilder md = new StringBuilder();
        blocks(blocks, md);
        return md.toString();
    }

    /** Whether a block shows in Markdown. */
    private static boolean shows(Block block) {
        if (block instanceof Only only) {
            return only.output() == Only.Output.MARKDOWN && shows(only.block());
        }
        return !(block instanceof Chart);
    }

    private static void blocks(List<Block> blocks, StringBuilder md) {
        blocks.forEach(b -> block(b, md));
    }

    private static void block(Block block, StringBuilder md) {
        if (block instanceof Paragraph p) {
            md.append(p.style() == Paragraph.Style.NOTE ? "> " : "").append(text(p.text())).append("\n\n");
        } else if (block instanceof Subheading h) {
            md.append("### ").append(h.text()).append("\n\n");
        } else if (block instanceof BulletList list) {
            list.items().forEach(item -> md.append("- ").append(cell(item)).append('\n'));
            md.append('\n');
        } else if (block instanceof Table table) {
            table(table, md);
        } else if (block instanceof Callout box) {
            md.append("> ").append(text(box.text())).append("\n\n");
            blocks(box.body(), md);
        } else if (block instanceof Details details) {
            md.append(text(details.summary())).append("\n\n");
            blocks(details.body(), md);
        } else if (block instanceof Only only && only.output() == Only.Output.MARKDOWN) {
            block(only.block(), md);
        }
        // A chart is an image Markdown cannot hold; the HTML page has it.
    }

    private static void table(Table table, StringBuilder md) {
        md.append(row(table.columns().stream().map(c -> esc(c.header())).toList()));
        md.append('|');
        table.columns().forEach(c -> md.append(c.align() == Table.Align.RIGHT ? "---:|" : "---|"));
        md.append('\n');
        table.rows().forEach(r -> md.append(row(r.cells().stream().map(c -> cell(c.text())).toList())));
        md.append('\n');
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        cells.forEach(c -> sb.append(' ').append(c).append(" |"));
        return sb.append('\n').toString();
    }

    /** Text in a table cell or list item, where a pipe or a line break would end it. */
    private static String cell(List<Inline> text) {
        StringBuilder sb = new StringBuilder();
        for (Inline run : text) {
            sb.append(markup(run, esc(run.text())));
        }
        return sb.toString();
    }

    private static String text(List<Inline> text) {
        StringBuilder sb = new StringBuilder();
        text.forEach(run -> sb.append(markup(run, run.text())));
        return sb.toString();
    }

    private static String markup(Inline run, String text) {
        if (run instanceof Inline.Strong) {
            return "**" + text + "**";
        }
        if (run instanceof Inline.Emphasis) {
            return "*" + text + "*";
        }
        return run instanceof Inline.Code ? "`" + text + "`" : text;
    }

    private static String esc(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
