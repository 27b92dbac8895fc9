package io.isobench.memory;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.Library;
import com.sun.jna.Native;
import io.isobench.compare.EvidenceRuns;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.HugePages;
import io.isobench.schema.Contradiction;
import io.isobench.suite.ClaimCheck;
import io.isobench.suite.JmhEntries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The THP chase row's evidence of huge pages, contradicted on purpose: with transparent huge pages disabled for this
 * process ({@code prctl(PR_SET_THP_DISABLE)}, as a kernel set to {@code never} or gVisor does for the sandbox) the real
 * benchmark's {@code madvise(MADV_HUGEPAGE)} is refused, its working set is backed by 4 KiB pages, the {@code thp} row
 * is listed as contradicted, and compare calls it not comparable beside a host whose working set huge pages backed.
 */
class HugePageEvidenceTest {

    private static final String CHASE = "io.isobench.memory.PointerChaseBenchmark.chase";
    private static final long WORKING_SET_MIB = 32;
    private static final int PR_SET_THP_DISABLE = 41;

    @TempDir
    Path tmp;

    /** prctl(2), for this test only. */
    interface Prctl extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }

    /** The coverage of the real benchmark's {@code thp} working set after a few chases, THP disabled or not. */
    private static HugePages chase(boolean disableThp) throws Exception {
        Prctl libc = Native.load("c", Prctl.class);
        PointerChaseBenchmark benchmark = new PointerChaseBenchmark();
        benchmark.pages = "thp";
        benchmark.workingSetMiB = WORKING_SET_MIB;
        HugePages hugePages = new HugePages();
        if (disableThp) {
            Assumptions.assumeTrue(libc.prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0) == 0, "prctl(PR_SET_THP_DISABLE) refused");
        }
        try {
            benchmark.setup(hugePages);
            for (int i = 0; i < 4; i++) {
                benchmark.chase();
            }
            hugePages.measure();
        } finally {
            if (disableThp) {
                libc.prctl(PR_SET_THP_DISABLE, 0, 0, 0, 0);
            }
            benchmark.tearDown();
        }
        return hugePages;
    }

    private static List<Contradiction> check(HugePages hugePages) {
        return ClaimCheck.contradictions(JmhEntries.results(JmhEntries.entry(CHASE,
                Map.of("pages", "thp", "workingSetMiB", Long.toString(WORKING_SET_MIB)), counters(hugePages))),
                Set.of(CHASE));
    }

    private static Map<String, Double> counters(HugePages hugePages) {
        return Map.of(Evidence.HUGE_PAGE_COVERAGE.numerator(), (double) hugePages.anonHugePageBytes,
                Evidence.HUGE_PAGE_COVERAGE.denominator(), (double) hugePages.measuredRangeBytes);
    }

    @Test
    void thpDisabledLeavesTheWorkingSetOnSmallPagesAndTheRowIsNotComparable() throws Exception {
        HugePages hugePages = chase(true);
        assertEquals(WORKING_SET_MIB << 20, hugePages.measuredRangeBytes);
        assertEquals(0, hugePages.anonHugePageBytes, "no huge page with THP disabled");
        List<Contradiction> found = check(hugePages);
        assertEquals(1, found.size());
        assertEquals("hugePageCoverage >= 0.95: transparent huge pages back the working set", found.get(0).claim());

        Map<String, Double> covered = Map.of(Evidence.HUGE_PAGE_COVERAGE.numerator(), (double) (WORKING_SET_MIB << 20),
                Evidence.HUGE_PAGE_COVERAGE.denominator(), (double) (WORKING_SET_MIB << 20));
        EvidenceRuns.Compared compared = EvidenceRuns.compare(tmp.resolve("run"), "container-nothp",
                new EvidenceRuns.Row(CHASE, "avgt", "ns/op", Map.of("pages", "thp",
                        "workingSetMiB", Long.toString(WORKING_SET_MIB))), covered, counters(hugePages), found);
        JsonNode row = compared.comparison("container-nothp", CHASE);
        assertEquals("not comparable", row.path("verdict").asText());
        assertTrue(row.path("reason").asText().contains("container-nothp: 0.0 % huge-page coverage; host: 100.0 % "
                + "huge-page coverage"), row.path("reason").asText());
    }

    @Test
    void withThpAvailableTheWorkingSetIsCoveredAndKeepsTheClaim() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        Assumptions.assumeTrue(Files.isReadable(setting) && !Files.readString(setting).contains("[never]"),
                "transparent huge pages are off on this kernel");
        HugePages hugePages = chase(false);
        assertTrue(hugePages.anonHugePageBytes >= 0.95 * hugePages.measuredRangeBytes,
                hugePages.anonHugePageBytes + " of " + hugePages.measuredRangeBytes + " bytes on huge pages");
        assertTrue(check(hugePages).isEmpty());
    }
}
