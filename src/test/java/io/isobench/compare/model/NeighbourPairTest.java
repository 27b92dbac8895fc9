package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.doc.HtmlWriter;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An environment that ran beside loaded neighbours is compared with the same kind alone, paired by round. */
class NeighbourPairTest {

    private static final String NAME = "io.isobench.cpu.C.loop";
    private static final int[] ROUNDS = {1, 2, 3, 4, 5};

    @TempDir
    Path tmp;

    private void env(String env, String kind, Map<String, Object> neighbours, double... perRound) throws Exception {
        Map<String, Object> fingerprint = Fixtures.fingerprint(env, kind, "none");
        if (neighbours != null) {
            fingerprint.put("neighbours", neighbours);
        }
        Path dir = Fixtures.envDir(tmp, env, List.of(Fixtures.rounds(NAME, perRound)), fingerprint, null);
        Fixtures.tagRounds(dir.resolve("jmh.json"), NAME, ROUNDS);
    }

    @Test
    void theTwinIsPairedWithItsKindAloneAndTheOthersWithTheHost() throws Exception {
        double[] drift = {100, 180, 120, 200, 90};
        env("host", "host", null, drift);
        env("container-bridge", "container", null, times(drift, 1.05, 1));
        // Beside a CPU-bound neighbour the container takes twice as long as alone, in every round.
        env("container-bridge-nb1cpu", "container", Map.of("count", 1, "load", "cpu", "alone", "container-bridge",
                "threadsEach", 2, "bursts", 5, "loadedSeconds", 12.0), times(drift, 2.10, 3));

        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertEquals("host", c.baseline().label(), "the run's baseline stays the host");
        Map<String, String> baselineOf = new java.util.HashMap<>();
        c.pairs().forEach(p -> baselineOf.put(p.environment().label(), p.baseline().label()));
        assertEquals(Map.of("container-bridge", "host", "container-bridge-nb1cpu", "container-bridge"), baselineOf);

        ComparisonRow twin = c.rows().stream().filter(r -> r.environment().equals("container-bridge-nb1cpu"))
                .findFirst().orElseThrow();
        assertEquals("container-bridge", twin.baseline());
        assertEquals(Sampling.ROUNDS, twin.test().sampling(), "paired by round, like any pair of one run");
        assertEquals(2.0, twin.ratio().estimate(), 0.01);
        assertEquals(Verdict.SLOWER, twin.verdict());

        String md = MarkdownWriter.write(ReportBuilder.build(c));
        String twinVsAlone = "container (Docker, bridge network, beside 1 cpu-loaded sibling) vs container (Docker, bridge "
                + "network)";
        assertTrue(md.contains("| " + twinVsAlone + " |"), "the headline names the twin's baseline: " + md);
        assertTrue(md.contains("With neighbours: container-bridge-nb1cpu vs container-bridge."), md);
        assertTrue(HtmlWriter.write(ReportBuilder.build(c)).contains(twinVsAlone));
    }

    @Test
    void aTwinWhoseAloneEnvironmentIsMissingIsComparedWithTheBaseline() throws Exception {
        env("host", "host", null, 100, 110, 90, 120, 100);
        env("host-nb1io", "host", Map.of("count", 1, "load", "io", "alone", "host-x", "bursts", 5,
                "loadedSeconds", 3.0), 101, 111, 91, 121, 101);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertEquals("host", c.pairs().get(0).baseline().label());
        assertTrue(c.notes().stream().noneMatch(n -> n.startsWith("With neighbours")), c.notes().toString());
    }

    /** The values times a factor, with 0.5 % of noise that differs per {@code seed}. */
    private static double[] times(double[] values, double factor, long seed) {
        java.util.Random noise = new java.util.Random(seed);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor * (1 + 0.005 * noise.nextGaussian());
        }
        return out;
    }
}
