package io.isobench.compare.report.doc;

import java.util.List;

/**
 * One section of a report: its id (the HTML anchor), its heading and its blocks. A writer leaves out a section that
 * has nothing to show in its format (a section of HTML-only blocks has no heading in Markdown).
 */
public record Section(String id, String heading, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }
}
