package io.isobench.compare.report;

import io.isobench.compare.CompareException;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.input.Json;
import io.isobench.compare.model.DensityTable;
import io.isobench.schema.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a run directory that holds only a density run ({@code isobench density}): report.md, index.html and
 * summary.json with the density section alone, rendered by the same code as the full report's.
 */
public final class DensityReport {

    private DensityReport() {
    }

    /** Whether {@code dir} is a run directory with density.json and no environment to compare. */
    public static boolean only(Path dir) {
        return Files.isRegularFile(dir.resolve(io.isobench.schema.DensityRecord.FILE)) && !InputLoader.isRunDir(dir);
    }

    static String markdown(DensityTable d) {
        StringBuilder md = new StringBuilder("# isobench density\n\n");
        MarkdownReport.density(d, md);
        return md.toString();
    }

    static String html(DensityTable d) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        h.append("<title>isobench density</title>\n<style>\n").append(HtmlReport.CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>isobench density</h1>\n");
        HtmlReport.density(d, h);
        return h.append("</body>\n</html>\n").toString();
    }

    static String summary(DensityTable d) {
        return ResultJson.toJson(SummaryBuilder.densityOnly(d));
    }

    /** Writes the three files into {@code outDir}; returns their paths. */
    public static List<Path> write(DensityTable d, Path outDir) throws CompareException {
        try {
            Files.createDirectories(outDir);
            return List.of(AtomicFiles.write(outDir, Report.MARKDOWN, markdown(d)),
                    AtomicFiles.write(outDir, Report.HTML, html(d)),
                    AtomicFiles.write(outDir, Report.SUMMARY, summary(d)));
        } catch (IOException e) {
            throw new CompareException(outDir, "cannot be written (" + Json.oneLine(e.getMessage()) + ")");
        }
    }
}
