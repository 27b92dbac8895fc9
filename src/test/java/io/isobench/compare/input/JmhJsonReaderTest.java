package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.compare.stats.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JmhJsonReaderTest {

    @TempDir
    Path tmp;

    @Test
    void sampleModeHistogramBecomesPerIterationMeans() throws Exception {
        Path file = tmp.resolve("sample.json");
        Files.writeString(file, """
                [ { "benchmark": "io.isobench.memory.P.touch", "mode": "sample",
                    "primaryMetric": { "score": 12.5, "scoreError": 1.0, "scoreUnit": "us/op",
                      "rawDataHistogram": [ [ [ [10.0, 3], [20.0, 1] ], [ [12.0, 2] ] ], [ [ [14.0, 4] ] ] ] },
                    "secondaryMetrics": {} } ]
                """);
        BenchmarkResult r = JmhJsonReader.read(file).get(0);
        assertArrayEquals(new double[] {12.5, 12.0, 14.0}, r.primary().samples(), 1e-12);
        assertEquals(Direction.LOWER_IS_BETTER, Direction.of("sample", r.primary().unit()));
    }

    @Test
    void sampleModeKeepsEverySamplePooledAndJmhsPercentilesForTheTail() throws Exception {
        Path file = tmp.resolve("pooled.json");
        Files.writeString(file, """
                [ { "benchmark": "io.isobench.memory.P.touch", "mode": "sample",
                    "primaryMetric": { "score": 12.5, "scoreError": 1.0, "scoreUnit": "us/op ",
                      "scorePercentiles": { "0.0": 10.0, "50.0": 12.0, "99.9": 20.0, "median": 3 },
                      "rawDataHistogram": [ [ [ [10.0, 3], [20.0, 1] ], [ [12.0, 2] ] ], [ [ [10.0, 4] ] ] ] },
                    "secondaryMetrics": {} },
                  { "benchmark": "io.isobench.memory.P.touch", "mode": "avgt",
                    "primaryMetric": { "score": 12.5, "scoreUnit": "us/op", "rawData": [[12.5]] } } ]
                """);
        List<BenchmarkResult> results = JmhJsonReader.read(file);
        SampleDistribution d = results.get(0).distribution();
        assertArrayEquals(new double[] {10.0, 12.0, 20.0}, d.values(), 1e-12);
        assertArrayEquals(new double[] {7, 2, 1}, d.counts(), 1e-12, "every fork's and iteration's samples pooled");
        assertArrayEquals(new double[] {0.7, 0.9, 1.0}, d.cumulative(), 1e-12);
        assertEquals("us/op", d.unit());
        assertEquals(12.0, d.percentile(50.0));
        assertEquals(20.0, d.percentile(99.9));
        assertEquals(3, d.percentiles().size(), "a key that is no percent is left out");
        assertTrue(Double.isNaN(d.percentile(90.0)));
        assertEquals(null, results.get(1).distribution(), "only sample mode has one");
        SampleDistribution ns = d.convert(1000, "ns/op");
        assertEquals(12_000.0, ns.percentile(50.0));
        assertArrayEquals(new double[] {10_000, 12_000, 20_000}, ns.values(), 1e-9);
    }

    @Test
    void sampleModeKeepsJmhsMedianAndTailPerIterationAndDropsTheOtherPercentiles() throws Exception {
        Path file = tmp.resolve("tail.json");
        // As JMH writes sample mode: each iteration's percentiles as secondary metrics; two rounds of one iteration.
        Files.writeString(file, """
                [ { "benchmark": "io.isobench.sched.W.roundTrip", "mode": "sample", "isobenchRounds": [1, 2],
                    "primaryMetric": { "score": 19.9, "scoreError": "NaN", "scoreUnit": "us/op",
                      "rawDataHistogram": [ [ [ [10.0, 99], [1000.0, 1] ] ], [ [ [20.0, 100] ] ] ] },
                    "secondaryMetrics": {
                      "\u00b7p0.00": { "score": 10.0, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[10.0], [20.0]] },
                      "\u00b7p0.50": { "score": 15.0, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[10.0], [20.0]] },
                      "\u00b7p0.99": { "score": 505.0, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[990.1], [20.0]] },
                      "\u00b7p1.00": { "score": 510.0, "scoreError": "NaN", "scoreUnit": "us/op", "rawData": [[1000.0], [20.0]] }
                    } } ]
                """);
        BenchmarkResult r = JmhJsonReader.read(file).get(0);
        assertEquals(List.of("p50", "p99"), List.copyOf(r.secondary().keySet()));
        Metric p99 = r.secondary().get("p99");
        assertArrayEquals(new double[] {990.1, 20.0}, p99.samples(), 1e-12);
        assertArrayEquals(new int[] {1, 2}, p99.rounds(), "compared per round like the mean");
        assertEquals("us/op", p99.unit());
    }

    @Test
    void jmhNonNumbersAndOldSecondaryNamesAreRead() throws Exception {
        Path file = tmp.resolve("old.json");
        Files.writeString(file, """
                [ { "benchmark": "org.x.B.m", "mode": "thrpt", "params": {"n": "10"},
                    "primaryMetric": { "score": "NaN", "scoreError": "NaN", "scoreUnit": "ops/s",
                                       "rawData": [ [ "+INF", "-INF", 1.0 ] ] },
                    "secondaryMetrics": { "\u00b7gc.alloc.rate": { "score": 1.5, "scoreError": "NaN",
                                          "scoreUnit": "MB/sec", "rawData": [ [1.5] ] } } } ]
                """);
        BenchmarkResult r = JmhJsonReader.read(file).get(0);
        assertTrue(Double.isNaN(r.primary().score()));
        assertEquals(Double.POSITIVE_INFINITY, r.primary().samples()[0]);
        assertEquals(Double.NEGATIVE_INFINITY, r.primary().samples()[1]);
        assertEquals(List.of("gc.alloc.rate"), List.copyOf(r.secondary().keySet()));
        assertEquals("10", r.key().params().get("n"));
        assertEquals("gc.alloc.rate", JmhJsonReader.normaliseSecondaryName("\u00c2\u00b7gc.alloc.rate"));
    }

    @Test
    void footprintIsReadAsTheSchemaTypesIt() throws Exception {
        Path ok = tmp.resolve("footprint.json");
        Files.writeString(ok, "{\"image\": \"isobench/rootfs:1\", \"imageBytes\": 100,"
                + " \"jvmStartMillis\": {\"samples\": [3, 1, 2]}, \"futureKey\": true}");
        FootprintInput f = FootprintInput.read(ok);
        assertEquals("isobench/rootfs:1", f.values().get("image").text());
        assertEquals(100L, f.measured().imageBytes());
        assertEquals(2, f.measured().jvmStartMillis().median(), "median of the samples when none is given");
        assertEquals(List.of("jvmStartMillis", "image", "imageBytes"), List.copyOf(f.values().keySet()),
                "every measured value, in the schema's order; an unknown key is ignored");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"imageBytes\": \"big\"}");
        CompareException e = assertThrows(CompareException.class, () -> FootprintInput.read(bad));
        assertEquals(bad, e.file());
        assertTrue(e.problem().startsWith("imageBytes: "), e.problem());
        Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, "{\"bootToInitMillis\": {}}");
        assertEquals("bootToInitMillis: has neither a median nor samples",
                assertThrows(CompareException.class, () -> FootprintInput.read(empty)).problem());
    }
}
