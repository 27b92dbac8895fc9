package io.isobench.compare.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.report.SummaryBuilder;
import io.isobench.compare.stats.Direction;
import io.isobench.compare.stats.Verdict;
import io.isobench.evidence.Evidence;
import io.isobench.schema.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence counters are no performance rows: they are the row's evidence, never a secondary metric with a verdict;
 * the time per fault is a cost and is compared as one, lower being better.
 */
class EvidenceRowsTest {

    private static final String PAGE_FAULT = "io.isobench.memory.PageFaultBenchmark.firstTouch";

    @TempDir
    Path tmp;

    private ComparisonRow row(double envFaultsPerPage, double envTimePerFault) throws Exception {
        Fixtures.Bench bench = Fixtures.bench(PAGE_FAULT, "avgt", "ns/op", 3000, 30, 1, 4, 5);
        Path host = Fixtures.envDir(tmp, "host", List.of(bench), Fixtures.fingerprint("host", "host", "none"), null);
        Path vm = Fixtures.envDir(tmp, "vm-kvm", Fixtures.scaled(List.of(bench), 1.5, 2),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
        Fixtures.addSecondary(host.resolve("jmh.json"), "timePerFault", 1.0);
        Fixtures.addSecondary(vm.resolve("jmh.json"), "timePerFault", envTimePerFault);
        Fixtures.addCounters(host.resolve("jmh.json"), PAGE_FAULT, Map.of("minorFaults", 1000.0, "minorFaultOps", 1000.0));
        Fixtures.addCounters(vm.resolve("jmh.json"), PAGE_FAULT, Map.of("minorFaults", 1000.0 * envFaultsPerPage,
                "minorFaultOps", 1000.0));
        List<ComparisonRow> rows = Comparison.ofRunDir(tmp, CompareOptions.defaults()).rows();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    @Test
    void countersAreEvidenceAndTimePerFaultIsACostLowerBeingBetter() throws Exception {
        ComparisonRow row = row(1.0, 1.5);
        assertEquals(List.of("timePerFault"), row.secondary().stream().map(SecondaryRow::name).toList(),
                "minorFaults and minorFaultOps are no secondary metrics");
        SecondaryRow perFault = row.secondary().get(0);
        assertEquals(Direction.LOWER_IS_BETTER, perFault.test().direction());
        assertEquals(Verdict.SLOWER, perFault.test().verdict(), "1.5 times the time per fault is slower");
        assertEquals(1, row.evidence().size());
        RowEvidence faults = row.evidence().get(0);
        assertEquals(Evidence.MINOR_FAULTS_PER_OP, faults.kind());
        assertEquals(1.0, faults.environment().value());
        assertEquals(1.0, faults.baseline().value());
        assertTrue(row.comparable());
        JsonNode summary = ResultJson.toTree(SummaryBuilder.of(Comparison.ofRunDir(tmp, CompareOptions.defaults())))
                .path("comparisons").get(0);
        assertFalse(summary.path("secondary").get(0).path("higherIsBetter").asBoolean(true), "lower is better");
        assertEquals("minorFaultsPerOp", summary.path("evidence").get(0).path("name").asText());
    }

    @Test
    void noFaultCountedMakesTheRowAndItsTimePerFaultNotComparable() throws Exception {
        ComparisonRow row = row(0.0, 1.0);
        assertEquals(Verdict.NOT_COMPARABLE, row.verdict());
        assertEquals(Verdict.NOT_COMPARABLE, row.secondary().get(0).test().verdict());
        assertTrue(row.evidence().get(0).environment().contradicted());
        assertTrue(Double.isNaN(row.test().pAdjusted()));
        assertTrue(row.reason().contains("vm-kvm: 0 minor faults per op; host: 1.000 minor faults per op"), row.reason());
    }

    @Test
    void aRowNotComparableStaysOutOfTheHeadlineAndIsListedWithEveryEnvironmentsEvidence() throws Exception {
        ComparisonRow row = row(0.0, 1.0);
        Comparison c = Comparison.ofRunDir(tmp, CompareOptions.defaults());
        assertTrue(c.headline().lines().isEmpty(), "its only row is not comparable: no headline line");
        assertEquals(Verdict.NOT_COMPARABLE, row.verdict(), "1.5 times the time, but not slower");
        assertEquals(1, c.evidence().lines().size());
        EvidenceTable.Line line = c.evidence().lines().get(0);
        assertEquals(List.of("host", "vm-kvm"), c.evidence().columns());
        assertEquals(List.of("minorFaultsPerOp >= 0.9: each 4 KiB page touched is a fault of its own"), line.claims());
        assertEquals(1.0, line.sides().get(0).value());
        assertEquals(0.0, line.sides().get(1).value());
        assertTrue(line.sides().get(1).contradicted());
        assertTrue(c.evidence().unsteady().isEmpty(), "no environment.json lists unsteady rows");
    }
}
