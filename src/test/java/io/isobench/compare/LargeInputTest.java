package io.isobench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted inputs far larger than a run writes but under the size cap: the comparison's time and memory stay bounded
 * (under two seconds here, under 512 MiB of heap in a JVM of its own), with a correct result or one line and exit 2.
 */
class LargeInputTest {

    @TempDir
    Path tmp;

    /** One benchmark whose rawData is {@code forks} forks of {@code iterations} values around {@code mean}. */
    private static Path write(Path file, int forks, int iterations, double mean, long seed) throws IOException {
        Random random = new Random(seed);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("[{\"benchmark\":\"io.isobench.cpu.C.a\",\"mode\":\"avgt\",\"primaryMetric\":{\"score\":"
                    + mean + ",\"scoreError\":0.1,\"scoreUnit\":\"ns/op\",\"rawData\":[");
            for (int f = 0; f < forks; f++) {
                w.write(f == 0 ? "[" : ",[");
                for (int i = 0; i < iterations; i++) {
                    w.write((i == 0 ? "" : ",") + String.format(Locale.ROOT, "%.4f", mean * (1 + 0.01 * random.nextGaussian())));
                }
                w.write("]");
            }
            w.write("]}}]");
        }
        return file;
    }

    private static Fixtures.Result timed(String... args) {
        long start = System.nanoTime();
        Fixtures.Result result = Fixtures.run(args);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "took " + seconds + " s: " + result.err());
        return result;
    }

    @Test
    void aMillionForksASideGetTheAnalyticIntervalInUnderTwoSeconds() throws Exception {
        Path host = write(tmp.resolve("host.json"), 1_000_000, 1, 100, 1); // 22 MB: took 63 s with a bootstrap
        Path vm = write(tmp.resolve("vm.json"), 1_000_000, 1, 110, 2);
        Path out = tmp.resolve("out");
        Fixtures.Result result = timed(host.toString(), vm.toString(), "--baseline", "host", "--out", out.toString(),
                "--quiet");
        assertEquals(0, result.code(), result.err());
        JsonNode row = Fixtures.MAPPER.readTree(out.resolve("summary.json").toFile()).get("comparisons").get(0);
        assertEquals("fork", row.get("sample").asText());
        assertTrue(row.get("intervalMethod").asText().startsWith("Fieller (Welch df; above 1000 samples a side)"),
                row.toString());
        assertEquals(1.10, row.get("ratio").asDouble(), 0.001);
        assertTrue(row.get("ratioLow").asDouble() > 1.099 && row.get("ratioHigh").asDouble() < 1.101, row.toString());
        assertEquals("slower", row.get("verdict").asText());
    }

    @Test
    void twoMillionIterationsInOneForkAreRefusedInOneLine() throws Exception {
        Path host = write(tmp.resolve("host.json"), 1, 2_000_000, 100, 1); // 16 MB: took 175 s with a bootstrap
        Path vm = write(tmp.resolve("vm.json"), 1, 20, 110, 2);
        Fixtures.Result result = timed(host.toString(), vm.toString(), "--baseline", "host", "--out",
                tmp.resolve("out").toString());
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains(host + ": benchmark io.isobench.cpu.C.a (avgt) primaryMetric has more than "
                + "1000000 samples"), result.err());
    }

    @Test
    void aMillionForksFitIn512MiBOfHeap() throws Exception {
        Path host = write(tmp.resolve("host.json"), 1_000_000, 1, 100, 1);
        Path vm = write(tmp.resolve("vm.json"), 1_000_000, 1, 110, 2);
        Process compare = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), CompareCommand.class.getName(),
                host.toString(), vm.toString(), "--baseline", "host", "--out", tmp.resolve("out").toString(), "--quiet")
                .redirectErrorStream(true).start();
        String output = new String(compare.getInputStream().readAllBytes());
        assertTrue(compare.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, compare.exitValue(), output);
    }
}
