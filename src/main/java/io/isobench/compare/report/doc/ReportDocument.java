package io.isobench.compare.report.doc;

import java.util.List;

/**
 * A report, built once and written as Markdown and HTML: its title, the lead (intro, warnings and notes under the
 * title) and its sections in order.
 */
public record ReportDocument(String title, List<Block> lead, List<Section> sections) {

    public ReportDocument {
        lead = List.copyOf(lead);
        sections = List.copyOf(sections);
    }
}
