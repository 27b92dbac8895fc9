package io.isobench.sched;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.isobench.compare.EvidenceRuns;
import io.isobench.evidence.CpuPlacement;
import io.isobench.evidence.Evidence;
import io.isobench.schema.Contradiction;
import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.Fingerprint;
import io.isobench.suite.ClaimCheck;
import io.isobench.suite.JmhEntries;
import io.isobench.support.CpuAffinity;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wake-up row's evidence of where its threads ran: pinned to one CPU on purpose, every sample shows them together,
 * the row is marked contradicted and compare calls it not comparable; pinned apart, none does.
 */
class ThreadWakeupEvidenceTest {

    @TempDir
    Path tmp;

    private static final String ROUND_TRIP = "io.isobench.sched.ThreadWakeupBenchmark.roundTrip";

    /** Round trips of a fresh benchmark with its threads on these CPUs, run in a thread of its own (it pins itself). */
    private static CpuPlacement placement(String mechanism, int cpu, int partnerCpu) throws Exception {
        CpuPlacement placement = new CpuPlacement();
        Exception[] failure = new Exception[1];
        Thread caller = new Thread(() -> {
            ThreadWakeupBenchmark benchmark = new ThreadWakeupBenchmark();
            benchmark.mechanism = mechanism;
            try {
                benchmark.start(cpu, partnerCpu);
                placement.reset();
                for (int i = 0; i < 1600; i++) {
                    benchmark.roundTrip(placement);
                }
            } catch (Exception e) {
                failure[0] = e;
            } finally {
                try {
                    benchmark.tearDown();
                } catch (Exception e) {
                    failure[0] = failure[0] == null ? e : failure[0];
                }
            }
        }, "wakeup-evidence-test");
        caller.start();
        caller.join(60_000);
        if (failure[0] != null) {
            throw failure[0];
        }
        return placement;
    }

    private static List<Contradiction> check(CpuPlacement placement) {
        ArrayNode results = JmhEntries.results(JmhEntries.entry(ROUND_TRIP, Map.of("mechanism", "futex"),
                counters(placement.sameCpuSamples, placement.cpuSamples)));
        return ClaimCheck.contradictions(results, Set.of(ROUND_TRIP));
    }

    @Test
    void threadsPinnedToOneCpuAreSeenTogetherAndTheRowIsContradicted() throws Exception {
        int cpu = CpuAffinity.allowed().get(0);
        for (String mechanism : List.of("futex", "pipe", "epoll")) {
            CpuPlacement placement = placement(mechanism, cpu, cpu);
            assertEquals(100, placement.cpuSamples, mechanism + ": every 16th of 1600 round trips");
            assertEquals(placement.cpuSamples, placement.sameCpuSamples, mechanism);
        }
        CpuPlacement together = placement("futex", cpu, cpu);
        List<Contradiction> found = check(together);
        EnvironmentRecord record = EnvironmentRecord.running(Fingerprint.named("test"))
                .withEvidence(Set.of(ROUND_TRIP), found, List.of());
        assertEquals(1, record.contradicted().size());
        assertEquals(1.0, record.contradicted().get(0).value());
        assertEquals("sameCpuFraction <= 0.05: the two threads run on different CPUs", record.contradicted().get(0).claim());

        EvidenceRuns.Compared compared = EvidenceRuns.compare(tmp.resolve("run"), "container-onecpu",
                new EvidenceRuns.Row(ROUND_TRIP, "sample", "us/op", Map.of("mechanism", "futex")),
                counters(0, together.cpuSamples), counters(together.sameCpuSamples, together.cpuSamples),
                record.contradicted());
        JsonNode row = compared.comparison("container-onecpu", ROUND_TRIP);
        assertEquals("not comparable", row.path("verdict").asText());
        assertTrue(row.path("reason").asText().contains("container-onecpu: 100.0 % of wake-ups on one CPU; host: 0.0 %"),
                row.path("reason").asText());
    }

    private static Map<String, Double> counters(long sameCpuSamples, long cpuSamples) {
        return Map.of(Evidence.SAME_CPU_FRACTION.numerator(), (double) sameCpuSamples,
                Evidence.SAME_CPU_FRACTION.denominator(), (double) cpuSamples);
    }

    @Test
    void threadsPinnedApartKeepTheClaim() throws Exception {
        List<Integer> cpus = CpuAffinity.allowed();
        Assumptions.assumeTrue(cpus.size() >= 2, "one CPU allowed here");
        CpuPlacement placement = placement("pipe", cpus.get(0), cpus.get(1));
        assertEquals(0, placement.sameCpuSamples);
        assertTrue(check(placement).isEmpty());
    }
}
