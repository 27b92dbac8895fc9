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
 * have no place in it, and a section with nothing else to show is left out. Every text of the document goes through
 * {@link #esc} as it is written, so that a value (a benchmark name, a parameter, an environment's label, a title, a
 * note) shows as the text it is and never as markup.
 */
public final class MarkdownWriter {

    private MarkdownWriter() {
    }

    public static String write(ReportDocument document) {
        StringBuilder md = new StringBuilder("# ").append(esc(document.title())).append("\n\n");
        blocks(document.lead(), md);
        for (Section section : document.sections()) {
            if (section.blocks().stream().anyMatch(MarkdownWriter::shows)) {
                md.append("## ").append(esc(section.heading())).append("\n\n");
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
            md.append("### ").append(esc(h.text())).append("\n\n");
        } else if (block instanceof BulletList list) {
            list.items().forEach(item -> md.append("- ").append(text(item)).append('\n'));
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
        table.rows().forEach(r -> md.append(row(r.cells().stream().map(c -> text(c.text())).toList())));
        md.append('\n');
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        cells.forEach(c -> sb.append(' ').append(c).append(" |"));
        return sb.append('\n').toString();
    }

    private static String text(List<Inline> text) {
        StringBuilder sb = new StringBuilder();
        for (Inline run : text) {
            if (run instanceof Inline.Strong) {
                sb.append("**").append(esc(run.text())).append("**");
            } else if (run instanceof Inline.Emphasis) {
                sb.append('*').append(esc(run.text())).append('*');
            } else if (run instanceof Inline.Code) {
                sb.append(code(run.text()));
            } else if (run instanceof Inline.Detail) {
                sb.append(' ').append(esc(run.text()));
            } else {
                sb.append(esc(run.text()));
            }
        }
        return sb.toString();
    }

    /**
     * Text as Markdown shows it, never as markup: a pipe (it would end a table cell) and a backslash are escaped, a
     * line break becomes a space (a value stays on its row, a title on its heading line), a leading {@code #} is
     * escaped (no heading), and {@code <}, {@code &} and a leading {@code >} become entities where Markdown would read
     * them as markup (a tag, comment or autolink, an entity, a quote): no raw HTML for pandoc or mkdocs to render,
     * while {@code p < 0.05} stays as it reads.
     */
    static String esc(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '|' -> sb.append("\\|");
                case '\r' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "" : " ");
                case '\n' -> sb.append(' ');
                // Only where Markdown would read markup: a tag, comment or autolink, an entity, a quote's start.
                case '<' -> sb.append(startsMarkup(text, i + 1) ? "&lt;" : "<");
                case '>' -> sb.append(leading ? "&gt;" : ">");
                case '&' -> sb.append(i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1))
                        || text.charAt(i + 1) == '#') ? "&amp;" : "&");
                case '#' -> sb.append(leading ? "\\#" : "#");
                default -> sb.append(ch);
            }
            leading &= ch == ' ' || ch == '\t';
        }
        return sb.toString();
    }

    /** Whether a {@code <} before {@code at} could open raw HTML or an autolink: a letter, /, ! or ? follows it. */
    private static boolean startsMarkup(String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        char next = text.charAt(at);
        return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
    }

    /** A code span: its text literal (Markdown escapes nothing inside one), on one line, fenced past its backticks. */
    private static String code(String text) {
        String line = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        String fence = "`";
        while (line.contains(fence)) {
            fence += "`";
        }
        String pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
        return fence + pad + line + pad + fence;
    }
}
