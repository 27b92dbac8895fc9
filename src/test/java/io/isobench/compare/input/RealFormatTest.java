package io.isobench.compare.input;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files in the exact shape the suite writes (JMH 1.37 smoke run, the launcher's environment.json). */
class RealFormatTest {

    @TempDir
    Path tmp;

    private void copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = getClass().getResourceAsStream("/compare/" + resource)) {
            assertNotNull(in, resource);
            Files.copy(in, target);
        }
    }

    @Test
    void smokeRunOfTwoIterationsIsComparedWithoutErrors() throws Exception {
        Path run = tmp.resolve("fixture-run");
        for (String env : List.of("host", "container-bridge")) {
            copy("jmh-1.37-smoke.json", run.resolve(env).resolve("jmh.json"));
            copy("environment-host.json", run.resolve(env).resolve("environment.json"));
        }
        Files.writeString(run.resolve("container-bridge/environment.json"),
                Files.readString(run.resolve("container-bridge/environment.json"))
                        .replace("\"env\": \"host\"", "\"env\": \"container-bridge\"")
                        .replace("\"kind\": \"host\"", "\"kind\": \"container\""));

        List<BenchmarkResult> results = JmhJsonReader.read(run.resolve("host/jmh.json"));
        assertEquals(3, results.size());
        BenchmarkResult write = results.stream().filter(r -> r.key().mode().equals("thrpt")).findFirst()
                .orElseThrow();
        assertEquals("4096", write.key().params().get("blockSize"));
        assertTrue(Double.isNaN(write.primary().scoreError()), "JMH's \"NaN\" error with two iterations");
        assertEquals(2, write.primary().samples().length);

        Fixtures.Result r = Fixtures.run(run.toString());
        assertEquals(0, r.code(), r.err());
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        assertEquals(3, c.rows().size());
        c.rows().forEach(row -> assertEquals(1.0, row.ratio().estimate(), 1e-12));
        c.rows().forEach(row -> assertEquals(Verdict.INCONCLUSIVE, row.verdict(), "one fork a side"));
        String md = Files.readString(run.resolve("report/report.md"));
        assertTrue(md.contains("| transparentHugepages |"), "unknown fingerprint keys are shown");
        assertTrue(md.contains("host skipped io.isobench.network.PeerRoundTripBenchmark.roundTrip: no external echo peer"),
                "skipped benchmarks are listed");
        assertTrue(md.contains("| kind | host | container |"), "identity keys differ without being marked");
        assertTrue(md.contains("| memoryBytes | 23.5 GiB (25276510208) |"), "sizes are readable");
    }
}
