package io.isobench.compare.report;

import io.isobench.compare.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The featured example's committed report (docs/measurements/standard-runtimes-2026-12-04/report) is what this build's compare makes of its inputs,
 * byte for byte: compare runs on docs/measurements/standard-runtimes-2026-12-04, as scripts/regenerate-example.sh does (from the repository root,
 * the input named relatively, default options), into a temporary directory. Nothing in the report depends on when or
 * where it was made, so nothing is ignored. When it fails, run scripts/regenerate-example.sh and commit the result.
 */
class ExampleReportTest {

    /** The example run, relative to the repository root (Maven's working directory for tests). */
    static final Path EXAMPLE_RUN = Path.of("docs", "measurements", "standard-runtimes-2026-12-04");

    @TempDir
    Path tmp;

    @Test
    void theCommittedExampleReportIsWhatCompareMakesOfItsInputs() throws IOException {
        Path out = tmp.resolve("report");
        Fixtures.Result r = Fixtures.run(EXAMPLE_RUN.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String name : List.of(Report.MARKDOWN, Report.SUMMARY, Report.HTML)) {
            String committed = Files.readString(EXAMPLE_RUN.resolve("report").resolve(name));
            String made = Files.readString(out.resolve(name));
            assertEquals("", firstDifference(committed, made), "docs/measurements/standard-runtimes-2026-12-04/report/" + name + " differs from what "
                    + "compare makes of docs/measurements/standard-runtimes-2026-12-04: run scripts/regenerate-example.sh and commit the result");
        }
    }

    /** The first line where two texts differ, both versions of it; empty when they are the same. */
    static String firstDifference(String committed, String made) {
        List<String> a = committed.lines().toList();
        List<String> b = made.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String left = i < a.size() ? a.get(i) : "(end of file)";
            String right = i < b.size() ? b.get(i) : "(end of file)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ":\n  committed: " + left + "\n  made:      " + right;
            }
        }
        return committed.equals(made) ? "" : "the line endings differ";
    }
}
