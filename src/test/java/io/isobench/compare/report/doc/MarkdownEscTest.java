package io.isobench.compare.report.doc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Markdown's escaping touches only what Markdown would read as markup, so that a p-value still reads as one. */
class MarkdownEscTest {

    @Test
    void aLessThanThatOpensNoMarkupStaysReadable() {
        assertEquals("p < 0.05, p <0.001, a -> b, &lt;i>, &lt;/i>, &lt;!-- x, &amp;nbsp;, &amp;#60;, 5 & 6",
                MarkdownWriter.esc("p < 0.05, p <0.001, a -> b, <i>, </i>, <!-- x, &nbsp;, &#60;, 5 & 6"));
    }

    @Test
    void aLeadingGreaterThanIsNoQuoteAndALeadingHashNoHeading() {
        assertEquals("&gt; not a quote", MarkdownWriter.esc("> not a quote"));
        assertEquals("  \\# not a heading, but # here stays", MarkdownWriter.esc("  # not a heading, but # here stays"));
    }

    @Test
    void pipesBackslashesAndLineBreaksKeepATableRowWhole() {
        assertEquals("a\\|b \\\\ c d e", MarkdownWriter.esc("a|b \\ c\r\nd\re"));
    }
}
