package io.isobench.compare.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.input.JmhJsonReader;
import io.isobench.compare.report.SummaryBuilder;
import io.isobench.compare.stats.Sampling;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.Verdict;
import io.isobench.schema.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paired design: interleaved runs tag each fork with its round, and rows pair samples by round. */
class PairedTest {

    private static final String NAME = "io.isobench.cpu.C.loop";

    @TempDir
    Path tmp;

    private ComparisonRow compare(Fixtures.Bench host, int[] hostRounds, Fixtures.Bench vm, int[] vmRounds)
            throws Exception {
        Path h = Fixtures.envDir(tmp, "host", List.of(host), Fixtures.fingerprint("host", "host", "none"), null);
        Path v = Fixtures.envDir(tmp, "vm-kvm", List.of(vm), Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        if (hostRounds != null) {
            Fixtures.tagRounds(h.resolve("jmh.json"), NAME, hostRounds);
        }
        if (vmRounds != null) {
            Fixtures.tagRounds(v.resolve("jmh.json"), NAME, vmRounds);
        }
        return Comparison.ofRunDir(tmp, CompareOptions.defaults()).rows().get(0);
    }

    @Test
    void roundsArePairedAndTheDriftBetweenRoundsCancels() throws Exception {
        // The machine drifts from round to round by up to 2x; the VM is 10 % slower in every round. Unpaired, the
        // drift drowns the difference; paired by round it is plain.
        double[] drift = {100, 180, 120, 200, 90};
        double[] vm = new double[drift.length];
        for (int i = 0; i < drift.length; i++) {
            vm[i] = drift[i] * 1.10 * (1 + 0.005 * (i % 2 == 0 ? 1 : -1));
        }
        int[] rounds = {1, 2, 3, 4, 5};
        ComparisonRow paired = compare(Fixtures.rounds(NAME, drift), rounds, Fixtures.rounds(NAME, vm), rounds);
        assertEquals(Sampling.ROUNDS, paired.test().sampling());
        assertEquals(5, paired.test().pairs());
        assertEquals(Verdict.SLOWER, paired.verdict());
        assertEquals(1.10, paired.ratio().estimate(), 0.01, "the geometric-mean ratio");
        assertTrue(paired.ratio().low() > 1.05 && paired.ratio().high() < 1.15, paired.ratio().toString());

        ComparisonRow unpaired = compare(Fixtures.rounds(NAME, drift), null, Fixtures.rounds(NAME, vm), null);
        assertEquals(Sampling.FORKS, unpaired.test().sampling());
        assertEquals(Verdict.INCONCLUSIVE, unpaired.verdict());
    }

    @Test
    void aMissingRoundLeavesTheOthersPairedAndTwoForksOfARoundAreAveraged() throws Exception {
        // Round 3 failed in the VM; the host ran two forks in round 2 (-f 2): 100 and 120 -> 110.
        ComparisonRow r = compare(Fixtures.rounds(NAME, 100, 100, 120, 100, 100, 100), new int[] {1, 2, 2, 3, 4, 5},
                Fixtures.rounds(NAME, 101, 111, 101, 102), new int[] {1, 2, 4, 5});
        assertEquals(Sampling.ROUNDS, r.test().sampling());
        assertEquals(4, r.test().pairs());
        assertEquals(5, r.test().baselineSamples(), "five rounds on the host");
        assertEquals(4, r.test().envSamples());
        assertEquals(Math.log(111.0 / 110), r.test().roundLogRatios().get(2), 1e-12);
        assertFalse(r.test().roundLogRatios().containsKey(3));
    }

    @Test
    void fewerThanTwoRoundsInCommonFallBackToTheUnpairedTest() throws Exception {
        ComparisonRow r = compare(Fixtures.rounds(NAME, 100, 101, 102), new int[] {1, 2, 3},
                Fixtures.rounds(NAME, 100, 101, 102), new int[] {3, 4, 5});
        assertEquals(Sampling.FORKS, r.test().sampling());
        assertEquals("unpaired", r.test().sampling().design());
        assertEquals(RowCalculator.UNPAIRED + ", only round 3 in common", r.note(), "the row says why it is not paired");
        ComparisonRow oneRound = compare(Fixtures.rounds(NAME, 100, 101), new int[] {1, 1},
                Fixtures.rounds(NAME, 100, 102), new int[] {1, 1});
        assertEquals("", oneRound.note(), "a run of one round has nothing to pair: not a fallback");
    }

    @Test
    void summaryJsonSaysTheDesignAndTheSampleCounts() throws Exception {
        int[] rounds = {1, 2, 3};
        compare(Fixtures.rounds(NAME, 100, 110, 90), rounds, Fixtures.rounds(NAME, 101, 112, 90), rounds);
        JsonNode row = ResultJson.toTree(SummaryBuilder.of(Comparison.ofRunDir(tmp, CompareOptions.defaults())))
                .get("comparisons").get(0);
        assertEquals("paired", row.get("design").asText());
        assertEquals(3, row.get("pairs").asInt());
        assertEquals(3, row.get("envSamples").asInt());
        assertEquals(3, row.get("baselineSamples").asInt());
        assertEquals("round", row.get("sample").asText());
    }

    @Test
    void theReaderRefusesRoundsThatDoNotMatchTheForks() throws Exception {
        Path h = Fixtures.envDir(tmp, "host", List.of(Fixtures.rounds(NAME, 1, 2)), null, null);
        Fixtures.tagRounds(h.resolve("jmh.json"), NAME, 1, 2, 3);
        CompareException e = org.junit.jupiter.api.Assertions.assertThrows(CompareException.class,
                () -> JmhJsonReader.read(h.resolve("jmh.json")));
        assertTrue(e.getMessage().contains("2 forks but 3 entries in isobenchRounds"), e.getMessage());
    }

    @Test
    void thePairedIntervalCoversTheTrueRatioAtItsLevel() {
        // Five rounds, each with a common drift (x 0.6-1.6) and 3 % independent noise per side; true ratio 1.2.
        Random random = new Random(11);
        int trials = 2000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            double[] ratios = new double[5];
            for (int i = 0; i < ratios.length; i++) {
                double drift = 0.6 + random.nextDouble();
                double base = 100 * drift * Math.exp(0.03 * random.nextGaussian());
                double env = 120 * drift * Math.exp(0.03 * random.nextGaussian());
                ratios[i] = env / base;
            }
            if (Stats.pairedLogRatio(ratios, 0.95).ratio().contains(1.2)) {
                covered++;
            }
        }
        assertTrue(covered >= 0.935 * trials && covered <= 0.965 * trials, "covered " + covered + " of " + trials);
    }

    @Test
    void roundsOfSeparateRunsAreNotPaired() throws Exception {
        // Round 3 of Monday's run and round 3 of Tuesday's were measured at different times: no pairing.
        int[] rounds = {1, 2, 3, 4, 5};
        Path monday = Fixtures.envDir(tmp.resolve("monday"), "host", List.of(Fixtures.rounds(NAME, 100, 101, 99, 100, 102)),
                Fixtures.fingerprint("host", "host", "none"), null);
        java.util.Map<String, Object> tuesdayPrint = new java.util.HashMap<>(Fixtures.fingerprint("vm-kvm", "vm", "kvm"));
        tuesdayPrint.put("runId", "run-2");
        Path tuesday = Fixtures.envDir(tmp.resolve("tuesday"), "vm-kvm", List.of(Fixtures.rounds(NAME, 110, 111, 109, 110, 112)),
                tuesdayPrint, null);
        Fixtures.tagRounds(monday.resolve("jmh.json"), NAME, rounds);
        Fixtures.tagRounds(tuesday.resolve("jmh.json"), NAME, rounds);
        ComparisonRow row = Comparison.of(InputLoader.load(List.of(monday, tuesday), List.of()), CompareOptions.defaults())
                .rows().get(0);
        assertEquals(Sampling.FORKS, row.test().sampling(), "unpaired: Welch on the fork means");
    }
}
