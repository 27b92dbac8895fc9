package io.isobench.compare.report;

import io.isobench.compare.CompareException;
import io.isobench.compare.input.Json;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.report.doc.HtmlWriter;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.report.doc.ReportDocument;
import io.isobench.schema.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the three outputs of a report into one directory: report.md and index.html (one document, built once) and
 * summary.json (its record, built once). All three are rendered in memory first; each is then written to a temporary
 * file in the directory and moved into place, so a failure never leaves a half-written report.
 */
public final class Report {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "index.html";
    public static final String SUMMARY = "summary.json";

    private Report() {
    }

    /** Writes a comparison's report.md, index.html and summary.json into {@code outDir}; returns the paths. */
    public static List<Path> writeAll(Comparison comparison, Path outDir) throws CompareException {
        return write(ReportBuilder.build(comparison), SummaryBuilder.of(comparison), outDir);
    }

    /**
     * Writes a document as report.md and index.html, and a summary record (of {@code io.isobench.schema}) as
     * summary.json, into {@code outDir} (created if needed); returns the paths.
     */
    public static List<Path> write(ReportDocument document, Object summary, Path outDir) throws CompareException {
        String markdown = MarkdownWriter.write(document);
        String html = HtmlWriter.write(document);
        String json = ResultJson.toJson(summary);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new CompareException(outDir, "cannot be created (" + Json.oneLine(e.getMessage()) + ")");
        }
        if (!Files.isWritable(outDir)) {
            throw new CompareException(outDir, "is not writable");
        }
        List<Path> written = new ArrayList<>();
        try {
            written.add(AtomicFiles.write(outDir, MARKDOWN, markdown));
            written.add(AtomicFiles.write(outDir, HTML, html));
            written.add(AtomicFiles.write(outDir, SUMMARY, json));
        } catch (IOException e) {
            throw new CompareException(outDir, "cannot be written (" + Json.oneLine(e.getMessage()) + ")");
        }
        return written;
    }
}
