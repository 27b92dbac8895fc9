package io.isobench.compare;

import io.isobench.compare.model.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceTest {

    @TempDir
    Path tmp;

    @Test
    void threeEnvironmentsOfFiftyBenchmarksTakeUnderTwoSeconds() throws Exception {
        Path run = DemoRun.write(tmp.resolve("run"), 50, false);
        long start = System.nanoTime();
        Fixtures.Result r = Fixtures.run(run.toString(), "--quiet");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(run.resolve("report/index.html")));
        assertTrue(seconds <= 2.0, "took " + seconds + " s");
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        assertEquals(100, c.rows().size(), "50 benchmarks x 2 compared environments");
    }
}
