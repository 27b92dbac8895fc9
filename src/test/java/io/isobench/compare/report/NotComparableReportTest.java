package io.isobench.compare.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.EvidenceRuns;
import io.isobench.compare.Fixtures;
import io.isobench.evidence.Evidence;
import io.isobench.schema.Contradiction;
import io.isobench.schema.Unsteady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A row whose evidence contradicts its claim on one side is {@code not comparable} in report.md, index.html and
 * summary.json, with the evidence of both sides as its reason, and counts in no headline cell.
 */
class NotComparableReportTest {

    private static final String O_DIRECT = "io.isobench.fileio.DirectRandomReadBenchmark.oDirect";
    private static final EvidenceRuns.Row ROW = new EvidenceRuns.Row(O_DIRECT, "avgt", "us/op", Map.of("fileMiB", "1024"));
    private static final String GVISOR = "container-runsc-bridge";
    private static final String CLAIM = "deviceReadBytesPerOp >= 3686.4: each read reaches the block device";

    @TempDir
    Path tmp;

    private static Map<String, Double> reads(double bytesPerOp) {
        return Map.of(Evidence.DEVICE_READ_BYTES_PER_OP.numerator(), 50 * bytesPerOp,
                Evidence.DEVICE_READ_BYTES_PER_OP.denominator(), 50.0);
    }

    private static List<Contradiction> noDeviceReads() {
        return List.of(new Contradiction(O_DIRECT, Map.of("fileMiB", "1024"), Evidence.DEVICE_READ_BYTES_PER_OP.id(), 0.0,
                List.of(0.0, 0.0, 0.0, 0.0), CLAIM));
    }

    @Test
    void aRowContradictedOnOneSideIsNotComparableEverywhereAndOutOfTheHeadline() throws Exception {
        EvidenceRuns.Compared c = EvidenceRuns.compare(tmp.resolve("run"), GVISOR, ROW, reads(4096), reads(0),
                noDeviceReads());

        JsonNode row = c.comparison(GVISOR, O_DIRECT);
        assertEquals("not comparable", row.path("verdict").asText());
        String reason = row.path("reason").asText();
        assertTrue(reason.contains("\"" + CLAIM + "\" in " + GVISOR), reason);
        assertTrue(reason.contains(GVISOR + ": 0 B device reads per op; host: 4,096 B device reads per op"), reason);
        assertTrue(row.path("pAdjusted").isNull() || row.path("pAdjusted").isMissingNode(), "out of the FDR family");
        JsonNode evidence = row.path("evidence").get(0);
        assertEquals("deviceReadBytesPerOp", evidence.path("name").asText());
        assertEquals(0.0, evidence.path("environment").path("value").asDouble());
        assertEquals(CLAIM, evidence.path("environment").path("contradicts").get(0).asText());
        assertEquals(4096.0, evidence.path("baseline").path("value").asDouble());
        assertEquals(0, evidence.path("baseline").path("contradicts").size());
        assertEquals(4, evidence.path("environment").path("samples").size(), "one value per fork");

        assertNotEquals("not comparable", c.comparison(GVISOR, EvidenceRuns.OTHER_ROW).path("verdict").asText());
        assertEquals(List.of("cpu"), c.headlineAreas(GVISOR), "the file I/O row counts in no headline cell");

        assertTrue(c.markdown().contains("## Rows that are not comparable"), c.markdown());
        assertTrue(c.markdown().contains("| 4,096 B device reads per op (forks 1\u20134: 4,096 B, 4,096 B, 4,096 B, "
                + "4,096 B) | 0 B device reads per op \u2717 (forks 1\u20134: 0 B, 0 B, 0 B, 0 B) |"), "host first");
        assertTrue(c.markdown().contains("| not comparable (the evidence contradicts the claim"), c.markdown());
        assertTrue(c.markdown().contains("are left out; see \"Rows that are not comparable\""), "the headline says so");
        assertTrue(c.markdown().contains("deviceReadBytesPerOp 0 B \u2717 (baseline 4,096 B)"), "the evidence column");
        assertTrue(c.html().contains("<span class=\"not-comparable\">not comparable</span>"), "the verdict's badge");
        assertTrue(c.html().contains("Rows that are not comparable"));
        assertTrue(c.html().contains(GVISOR + ": not comparable</text>"), "the chart has no bar for it");
    }

    @Test
    void evidenceInJmhJsonThatBreaksAClaimIsEnoughWithoutTheSuitesList() throws Exception {
        EvidenceRuns.Compared c = EvidenceRuns.compare(tmp.resolve("run"), GVISOR, ROW, reads(4096), reads(12),
                List.of());
        JsonNode row = c.comparison(GVISOR, O_DIRECT);
        assertEquals("not comparable", row.path("verdict").asText());
        assertTrue(row.path("reason").asText().contains(GVISOR + ": 12.00 B device reads per op; host: 4,096 B"),
                row.path("reason").asText());
    }

    @Test
    void aBaselineThatContradictsTheClaimMakesTheRowNotComparableToo() throws Exception {
        EvidenceRuns.Compared c = EvidenceRuns.compare(tmp.resolve("run"), "container-bridge", ROW, reads(0),
                reads(4096), List.of());
        JsonNode row = c.comparison("container-bridge", O_DIRECT);
        assertEquals("not comparable", row.path("verdict").asText());
        assertTrue(row.path("reason").asText().contains("\" in host (container-bridge: 4,096 B device reads per op; "
                + "host: 0 B device reads per op)"), row.path("reason").asText());
    }

    @Test
    void rowsThatKeepTheirClaimAreComparedAndShowTheirEvidence() throws Exception {
        EvidenceRuns.Compared c = EvidenceRuns.compare(tmp.resolve("run"), "container-bridge", ROW, reads(4096),
                reads(4100), List.of());
        JsonNode row = c.comparison("container-bridge", O_DIRECT);
        assertNotEquals("not comparable", row.path("verdict").asText());
        assertTrue(c.headlineAreas("container-bridge").contains("fileio"));
        assertFalse(c.markdown().contains("## Rows that are not comparable"), "nothing to list");
        assertTrue(c.markdown().contains("deviceReadBytesPerOp 4,100 B (baseline 4,096 B)"), c.markdown());
        assertFalse(c.markdown().contains("deviceReadBytes ("), "the counters are no secondary metrics");
    }

    @Test
    void unsteadyRowsAreListedWithTheirChangeFromFirstToLast() throws Exception {
        Path run = tmp.resolve("run");
        Map<String, Object> print = Fixtures.fingerprint("container-bridge", "container", "none");
        print.put("unsteady", List.of(new Unsteady(EvidenceRuns.OTHER_ROW, Map.of(), -0.2, Arrays.asList(-0.25, -0.15, null))));
        Fixtures.envDir(run, "host", List.of(Fixtures.avgt(EvidenceRuns.OTHER_ROW, 100, 1, 1)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(run, "container-bridge", List.of(Fixtures.avgt(EvidenceRuns.OTHER_ROW, 100, 1, 2)), print, null);
        assertEquals(0, Fixtures.run(run.toString()).code());
        String markdown = Files.readString(run.resolve("report/report.md"));
        assertTrue(markdown.contains(ReportText.ALL_COMPARABLE), markdown);
        assertTrue(markdown.contains("| container (Docker, bridge network) | ArithmeticLoopBenchmark.integerXorshift |  "
                + "| -20.0 % | -25.0 %, -15.0 %, \u2014 |"), "the environment as the report names it: " + markdown);
        JsonNode unsteady = Fixtures.MAPPER.readTree(run.resolve("report/summary.json").toFile()).path("unsteady");
        assertEquals("container-bridge", unsteady.get(0).path("environment").asText());
        assertEquals(-0.2, unsteady.get(0).path("firstToLast").asDouble());
    }
}
