package io.isobench.launcher.cli;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.report.Report;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.launcher.core.Progress;
import io.isobench.schema.ExitCode;
import io.isobench.schema.ResultLayout;

import java.nio.file.Path;

/** The comparison at the end of the main job: the report into RUN_DIR/report/, and the headline on the console. */
final class Reports {

    private Reports() {
    }

    /**
     * Returns {@link ExitCode#DONE} when the report was written, {@link ExitCode#BAD_INPUT} when the results could not
     * be compared (the reason is printed).
     */
    static int compare(Path runDir) {
        Progress.say("comparing the environments of " + runDir);
        try {
            Comparison comparison = Comparison.ofRunDir(runDir, CompareOptions.defaults());
            Path out = ResultLayout.reportDir(runDir);
            Report.writeAll(comparison, out);
            System.out.println();
            System.out.print(MarkdownWriter.blocks(ReportBuilder.headlineBlocks(comparison)));
            Progress.say("report: " + out.resolve("index.html") + " (also report.md, summary.json)");
            return ExitCode.DONE;
        } catch (CompareException e) {
            Progress.warn("no comparison: " + e.getMessage());
            return e.exitCode();
        }
    }
}
