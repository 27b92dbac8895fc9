/**
 * The report as a document, and the writers that serialise it. A {@link io.isobench.compare.report.doc.ReportDocument}
 * is a title, a lead and an ordered list of {@link io.isobench.compare.report.doc.Section}s of
 * {@link io.isobench.compare.report.doc.Block}s (paragraphs, lists, tables, charts) holding plain text;
 * {@link io.isobench.compare.report.doc.MarkdownWriter} and {@link io.isobench.compare.report.doc.HtmlWriter} turn
 * one into report.md and index.html, escaping as they write. Nothing here knows what a comparison is: the builders in
 * {@code io.isobench.compare.report} and {@code io.isobench.compare.fleet} make the documents.
 */
package io.isobench.compare.report.doc;
