package io.isobench.compare.report.doc;

import java.util.List;

/** A run of text within a paragraph, list item or table cell: plain, or marked up by the writer. */
public sealed interface Inline {

    String text();

    /** Plain text. */
    record Text(String text) implements Inline {
    }

    /** Strong emphasis: {@code **text**}, {@code <strong>}. */
    record Strong(String text) implements Inline {
    }

    /** Emphasis: {@code *text*}, {@code <em>}. */
    record Emphasis(String text) implements Inline {
    }

    /** Code, such as a command line: {@code `text`}, {@code <code>}. */
    record Code(String text) implements Inline {
    }

    /**
     * A detail after a cell's value, such as the counts behind it: its own smaller line on the page (so that a
     * column of numbers stays narrow), after a space in Markdown.
     */
    record Detail(String text) implements Inline {
    }

    /** Plain text as a run of its own. */
    static List<Inline> plain(String text) {
        return List.of(new Text(text));
    }
}
