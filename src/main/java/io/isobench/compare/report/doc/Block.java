package io.isobench.compare.report.doc;

import java.util.List;

/** A block of a section: what a writer lays out one below the other. */
public sealed interface Block permits Block.Paragraph, Block.Subheading, Block.BulletList, Block.Chart, Block.Callout,
        Block.Details, Block.Only, Table {

    /** A paragraph; its style says how it stands out. */
    record Paragraph(Style style, List<Inline> text) implements Block {

        /** PLAIN; INTRO, the report's opening (HTML class intro); NOTE, a remark aside (a Markdown quote). */
        public enum Style { PLAIN, INTRO, NOTE }

        public Paragraph {
            text = List.copyOf(text);
        }

        public static Paragraph of(String text) {
            return new Paragraph(Style.PLAIN, Inline.plain(text));
        }

        public static Paragraph of(Inline... text) {
            return new Paragraph(Style.PLAIN, List.of(text));
        }

        public static Paragraph intro(String text) {
            return new Paragraph(Style.INTRO, Inline.plain(text));
        }

        public static Paragraph note(String text) {
            return new Paragraph(Style.NOTE, Inline.plain(text));
        }
    }

    /** A heading within a section; {@code id} (the HTML anchor) may be null. */
    record Subheading(String id, String text) implements Block {
    }

    /** A bulleted list; {@code cssClass} and {@code itemCssClass} (HTML only) may be null. */
    record BulletList(String cssClass, String itemCssClass, List<List<Inline>> items) implements Block {

        public BulletList {
            items = List.copyOf(items);
        }

        public static BulletList of(List<String> items) {
            return new BulletList(null, null, items.stream().map(Inline::plain).toList());
        }
    }

    /**
     * An SVG chart, embedded as it is by the HTML writer; Markdown has no place for it. BARS are the bar charts of
     * relative cost, the ones the page's script checks were laid out ({@code svg.chart}).
     */
    record Chart(Kind kind, String svg) implements Block {

        public enum Kind { BARS, LINES, TIMELINE }
    }

    /** A box that must be seen: its text, then blocks inside it. */
    record Callout(Tone tone, List<Inline> text, List<Block> body) implements Block {

        /** WARNING (a Markdown quote, an HTML banner) or FAILURE (a red banner). */
        public enum Tone { WARNING, FAILURE }

        public Callout {
            text = List.copyOf(text);
            body = List.copyOf(body);
        }

        /** {@code Warning: text}. */
        public static Callout warning(String text) {
            return new Callout(Tone.WARNING, List.of(new Inline.Strong("Warning:"), new Inline.Text(" " + text)), List.of());
        }
    }

    /** Blocks behind a summary line, folded in HTML ({@code <details>}); {@code cssClass} may be null. */
    record Details(String cssClass, List<Inline> summary, List<Block> body) implements Block {

        public Details {
            summary = List.copyOf(summary);
            body = List.copyOf(body);
        }
    }

    /**
     * A block for one output only, where the two show a place differently (the HTML table has sortable columns that
     * the Markdown one folds together; a chart's caption).
     */
    record Only(Output output, Block block) implements Block {

        /** The outputs a document is written as. */
        public enum Output { MARKDOWN, HTML }

        public static Only markdown(Block block) {
            return new Only(Output.MARKDOWN, block);
        }

        public static Only html(Block block) {
            return new Only(Output.HTML, block);
        }
    }
}
