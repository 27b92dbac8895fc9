package io.isobench.launcher;

import io.isobench.compare.DemoRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report page in a real headless browser: it renders every chart and logs no console error. */
class ReportPageIT {

    @TempDir
    Path temp;

    @Test
    void pageRendersItsChartsWithoutConsoleErrors() throws Exception {
        Engines.requireChromium();
        Path runDir = DemoRun.write(temp.resolve("run"), 23, true);
        Launch.Outcome compare = Launch.run(120, "compare", runDir.toString(), "-q");
        assertEquals(0, compare.exitCode(), compare.stderr());
        Path report = runDir.resolve("report");
        assertTrue(Files.isRegularFile(report.resolve("index.html")));
        Path script = Path.of(System.getProperty("isobench.projectDir", ".")).resolve("scripts/check-report-page.sh");
        Process check = new ProcessBuilder(List.of("bash", script.toString(), report.toString()))
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(180, TimeUnit.SECONDS), "the page check did not finish");
        assertEquals(0, check.exitValue(), output);
    }
}
