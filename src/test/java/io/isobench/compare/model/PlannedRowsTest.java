package io.isobench.compare.model;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.SummaryBuilder;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.stats.Stats;
import io.isobench.compare.stats.TwoStage;
import io.isobench.compare.stats.Verdict;
import io.isobench.schema.PrecisionRecord;
import io.isobench.schema.ResultJson;
import io.isobench.schema.ResultLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run asked for a precision: its planned rows are tested by Stein's two-stage t and say whether they reached it. */
class PlannedRowsTest {

    private static final String LOOP = "io.isobench.cpu.C.loop";
    private static final String OTHER = "io.isobench.cpu.C.other";
    private static final double[] HOST = {100, 130, 110, 140, 105, 120, 115, 125};
    /** host-b: 1 % slower than host in every round, give or take 0.5 %. */
    private static final double[] SIDE = {1.015, 1.005, 1.012, 1.008, 1.006, 1.014, 1.01, 1.01};

    @TempDir
    Path run;

    private void runDir(int rounds) throws Exception {
        double[] host = java.util.Arrays.copyOf(HOST, rounds);
        double[] b = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            b[i] = host[i] * SIDE[i];
        }
        int[] tags = java.util.stream.IntStream.rangeClosed(1, rounds).toArray();
        Path h = Fixtures.envDir(run, "host", List.of(Fixtures.rounds(LOOP, host), Fixtures.rounds(OTHER, host)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Path hb = Fixtures.envDir(run, "host-b", List.of(Fixtures.rounds(LOOP, b), Fixtures.rounds(OTHER, b)),
                Fixtures.fingerprint("host-b", "host", "none"), null);
        for (Path dir : List.of(h, hb)) {
            Fixtures.tagRounds(dir.resolve("jmh.json"), LOOP, tags);
            Fixtures.tagRounds(dir.resolve("jmh.json"), OTHER, tags);
        }
    }

    private void plan(double pilotSd, int needed, int rounds) throws Exception {
        plan(4, pilotSd, needed, rounds, 0);
    }

    private void plan(int pilot, double pilotSd, int needed, int rounds, double trim) throws Exception {
        PrecisionRecord plan = PrecisionRecord.of(0.05, 0.05, 1200, pilot, 600,
                List.of(new PrecisionRecord.BenchmarkRounds(LOOP, rounds)),
                List.of(new PrecisionRecord.Row("host-b", "host", LOOP, "avgt", Map.of(), pilot, pilotSd, needed, rounds,
                        trim)),
                List.of());
        Files.writeString(ResultLayout.precisionJson(run), ResultJson.toJson(plan));
    }

    private ComparisonRow row(Comparison c, String benchmark) {
        return c.rows().stream().filter(r -> r.key().benchmark().equals(benchmark)).findFirst().orElseThrow();
    }

    @Test
    void aPlannedRowIsTestedWithThePilotsSpreadAndSaysItReachedThePrecision() throws Exception {
        runDir(8);
        plan(0.01, 6, 8);
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        ComparisonRow planned = row(c, LOOP);
        assertTrue(planned.test().method().startsWith("Stein's two-stage t"), planned.test().method());
        double half = Stats.tDistribution(3).inverseCumulativeProbability(0.975) * 0.01 / Math.sqrt(8);
        double mean = Math.log(planned.ratio().estimate());
        assertEquals(Math.exp(mean - half), planned.ratio().low(), 1e-12, "t with the pilot's 3 df and its SD");
        assertEquals(Math.exp(mean + half), planned.ratio().high(), 1e-12);
        assertEquals(Verdict.SAME, planned.verdict(), "1 % apart with a ±1.1 % interval is within the 5 % margin");
        assertEquals("precision \u00b15 % reached: 8 rounds paired, 6 needed", planned.note());

        ComparisonRow unplanned = row(c, OTHER);
        assertTrue(unplanned.test().method().startsWith("paired t-test"), "a row the plan does not name is as it was");
        assertEquals("", unplanned.note());

        String markdown = MarkdownWriter.write(ReportBuilder.build(c));
        assertTrue(markdown.contains("## Precision asked for"), markdown);
        assertTrue(markdown.contains("1 of 1 planned rows reached the precision"), markdown);
        String summary = ResultJson.toJson(SummaryBuilder.of(c));
        assertTrue(summary.contains("\"precision\" : {") || summary.contains("\"precision\":{"), summary);
    }

    @Test
    void aTrimmedPlanIsTestedOnTheTrimmedMeanWithThePilotsWinsorizedSpread() throws Exception {
        runDir(8);
        double trim = TwoStage.trimFor(6);
        assertEquals(1 / 6.0, trim, 1e-12, "one of six rounds trimmed a side");
        plan(6, 0.01, 6, 8, trim);
        ComparisonRow planned = row(Comparison.ofRunDir(run, CompareOptions.defaults()), LOOP);
        assertEquals("Stein's two-stage t on the 17 % trimmed mean of per-round log ratios (pilot of 6 rounds, its "
                + "winsorized SD 0.01000)", planned.test().method());
        double[] logs = planned.test().roundLogRatios().values().stream().mapToDouble(Double::doubleValue).sorted()
                .toArray();
        double trimmed = java.util.Arrays.stream(logs, 1, 7).average().orElseThrow();
        assertEquals(Math.exp(trimmed), planned.ratio().estimate(), 1e-12, "one of 8 rounds trimmed a side");
        double half = Stats.tDistribution(3).inverseCumulativeProbability(0.975) * 0.01 / ((1 - 2 / 6.0) * Math.sqrt(8))
                * TwoStage.calibration(6, trim);
        assertEquals(Math.exp(trimmed - half), planned.ratio().low(), 1e-12, "t with 6 - 2 - 1 = 3 df, calibrated");
        assertEquals(Math.exp(trimmed + half), planned.ratio().high(), 1e-12);
    }

    @Test
    void aRowTheBudgetCutSaysSoAndAWiderPilotSpreadWidensItsInterval() throws Exception {
        runDir(5);
        plan(0.04, 12, 5);
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        ComparisonRow cut = row(c, LOOP);
        assertEquals("precision \u00b15 % not reached: the budget gave 5 rounds of 12 needed", cut.note());
        double half = Stats.tDistribution(3).inverseCumulativeProbability(0.975) * 0.04 / Math.sqrt(5);
        assertEquals(2 * half, Math.log(cut.ratio().high()) - Math.log(cut.ratio().low()), 1e-9,
                "the pilot's SD, not the (much smaller) SD of the five rounds");
        assertEquals(Verdict.INCONCLUSIVE, cut.verdict());
    }

    @Test
    void aPlanThatCannotBeRightIsOneLine() throws Exception {
        runDir(5);
        Files.writeString(ResultLayout.precisionJson(run), "{\"precision\":0.05,\"alpha\":0.05,\"rows\":[{\"environment\":"
                + "\"host-b\",\"baseline\":\"host\",\"benchmark\":\"" + LOOP + "\",\"mode\":\"avgt\",\"pilotRounds\":1,"
                + "\"pilotSd\":0.01,\"neededRounds\":3,\"rounds\":3}]}");
        CompareException e = assertThrows(CompareException.class, () -> Comparison.ofRunDir(run, CompareOptions.defaults()));
        assertTrue(e.getMessage().contains("precision.json") && e.getMessage().contains("pilot of fewer than 2 rounds"),
                e.getMessage());
        Files.writeString(ResultLayout.precisionJson(run), "{\"precision\":0.05,\"alpha\":0.05,\"rows\":[{\"environment\":"
                + "\"host-b\",\"baseline\":\"host\",\"benchmark\":\"" + LOOP + "\",\"mode\":\"avgt\",\"pilotRounds\":10,"
                + "\"pilotSd\":0.01,\"neededRounds\":10,\"rounds\":10,\"trim\":0.5}]}");
        e = assertThrows(CompareException.class, () -> Comparison.ofRunDir(run, CompareOptions.defaults()));
        assertTrue(e.getMessage().contains("trim (0.5) is not a fraction"), e.getMessage());
        Files.writeString(ResultLayout.precisionJson(run), "{\"precision\":0.05,\"alpha\":0.05,\"rows\":[{\"environment\":"
                + "\"host-b\",\"baseline\":\"host\",\"benchmark\":\"" + LOOP + "\",\"mode\":\"avgt\",\"pilotRounds\":5,"
                + "\"pilotSd\":0.01,\"neededRounds\":5,\"rounds\":5,\"trim\":0.4}]}");
        e = assertThrows(CompareException.class, () -> Comparison.ofRunDir(run, CompareOptions.defaults()));
        assertTrue(e.getMessage().contains("leaves its pilot of 5 rounds a degree of freedom"), e.getMessage());
    }
}
