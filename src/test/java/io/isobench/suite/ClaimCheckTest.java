package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.jna.Pointer;
import com.sun.nio.file.ExtendedOpenOption;
import io.isobench.evidence.DeviceReads;
import io.isobench.evidence.Evidence;
import io.isobench.evidence.HugePages;
import io.isobench.evidence.MinorFaults;
import io.isobench.schema.Contradiction;
import io.isobench.schema.EnvironmentRecord;
import io.isobench.schema.Fingerprint;
import io.isobench.schema.ResultJson;
import io.isobench.support.AlignedMemory;
import io.isobench.support.BenchDir;
import io.isobench.support.DirectIo;
import io.isobench.support.FileSystems;
import io.isobench.support.LibC;
import io.isobench.support.RawMemory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of evidence made to contradict its row's claim on purpose, on this machine, and the row seen marked in
 * environment.json: O_DIRECT on tmpfs reads nothing from a device, a range advised MADV_NOHUGEPAGE has no huge pages,
 * pages already present take no faults. (Wake-ups pinned to one CPU: ThreadWakeupEvidenceTest.)
 */
class ClaimCheckTest {

    private static final ObjectMapper TREES = new ObjectMapper();
    static final String DIRECT = "io.isobench.fileio.DirectRandomReadBenchmark.oDirect";
    static final String CACHED = "io.isobench.fileio.RandomReadBenchmark.pageCacheHot";
    static final String FAULTS = "io.isobench.memory.PageFaultBenchmark.firstTouch";
    static final String CHASE = "io.isobench.memory.PointerChaseBenchmark.chase";

    /** The evidence's two counters as one fork of one iteration. */
    static Map<String, Double> counters(Evidence evidence, double numerator, double denominator) {
        return Map.of(evidence.numerator(), numerator, evidence.denominator(), denominator);
    }

    /** The record after the suite's check of these results, as environment.json holds it. */
    static JsonNode recorded(ArrayNode results, Set<String> benchmarks) throws IOException {
        EnvironmentRecord record = EnvironmentRecord.running(Fingerprint.named("test")).withEvidence(benchmarks,
                ClaimCheck.contradictions(results, benchmarks), SteadyState.unsteady(results, benchmarks));
        return TREES.readTree(ResultJson.toJson(record));
    }

    /** DeviceReads around {@code reads} O_DIRECT reads of 4 KiB from a file written in {@code dir}. */
    static DeviceReads directReads(Path dir, int reads) throws IOException {
        try (BenchDir bench = BenchDir.create(dir, "evidence")) {
            Path file = bench.resolve("data");
            Files.write(file, new byte[1 << 20]);
            DeviceReads evidence = new DeviceReads();
            ByteBuffer buffer = DirectIo.alignedBuffer(DirectIo.ALIGNMENT);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
                // One read first: the classes it loads come from disk too, which the thread's count would include.
                channel.read(buffer, 0);
                evidence.start();
                for (int i = 0; i < reads; i++) {
                    buffer.clear();
                    channel.read(buffer, (long) (i % 256) * DirectIo.ALIGNMENT);
                    evidence.op();
                }
                evidence.stop();
            } catch (IOException e) {
                Assumptions.abort("O_DIRECT refused on " + dir + ": " + e.getMessage());
            }
            return evidence;
        }
    }

    @Test
    void oDirectOnTmpfsReadsNothingFromADeviceAndTheRowIsMarkedContradicted() throws IOException {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && FileSystems.typeOf(shm).equals("tmpfs"), "no tmpfs at /dev/shm");
        DeviceReads reads = directReads(shm, 100);
        assertEquals(0, reads.deviceReadBytes, "tmpfs has no device to read from");
        assertEquals(100, reads.deviceReadOps);

        JsonNode record = recorded(JmhEntries.results(JmhEntries.entry(DIRECT, Map.of(),
                counters(Evidence.DEVICE_READ_BYTES_PER_OP, reads.deviceReadBytes, reads.deviceReadOps))), Set.of(DIRECT));
        JsonNode row = record.path("contradicted").path(0);
        assertEquals(DIRECT, row.path("benchmark").asText());
        assertEquals("deviceReadBytesPerOp", row.path("evidence").asText());
        assertEquals(0.0, row.path("value").asDouble());
        assertEquals("deviceReadBytesPerOp >= 3686.4: each read reaches the block device", row.path("claim").asText());
    }

    @Test
    void oDirectOnABlockDeviceKeepsTheClaim() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Assumptions.assumeTrue(Set.of("ext4", "xfs", "btrfs").contains(FileSystems.typeOf(tmp)),
                "java.io.tmpdir is not on a block device's file system");
        DeviceReads reads = directReads(tmp, 100);
        // At least every read's bytes: the thread's count also takes anything else it faulted in from the disk.
        assertTrue(reads.deviceReadBytes >= 100L * DirectIo.ALIGNMENT, "every O_DIRECT read reaches the device: "
                + reads.deviceReadBytes);
        ArrayNode results = JmhEntries.results(JmhEntries.entry(DIRECT, Map.of(),
                counters(Evidence.DEVICE_READ_BYTES_PER_OP, reads.deviceReadBytes, reads.deviceReadOps)));
        assertEquals(List.of(), ClaimCheck.contradictions(results, Set.of(DIRECT)));
        assertTrue(recorded(results, Set.of(DIRECT)).path("contradicted").isMissingNode(), "nothing to list: no field");
    }

    @Test
    void aPageCacheHotRowThatReadsTheDeviceIsContradicted() {
        ArrayNode results = JmhEntries.results(
                JmhEntries.entry(CACHED, Map.of(), counters(Evidence.DEVICE_READ_BYTES_PER_OP, 0, 1000)),
                JmhEntries.entry(CACHED, Map.of("x", "1"), counters(Evidence.DEVICE_READ_BYTES_PER_OP, 4096 * 100, 1000)));
        List<Contradiction> found = ClaimCheck.contradictions(results, Set.of(CACHED));
        assertEquals(1, found.size());
        assertEquals(Map.of("x", "1"), found.get(0).params());
        assertEquals(409.6, found.get(0).value(), 1e-9);
        assertEquals("deviceReadBytesPerOp <= 40.96: every read is a page-cache hit", found.get(0).claim());
    }

    @Test
    void pagesAlreadyPresentTakeNoFaultsAndContradictThePageFaultRow() throws IOException {
        long bytes = 4L << 20;
        int pages = (int) (bytes / 4096);
        long address = AlignedMemory.map(bytes, AlignedMemory.HUGE_PAGE);
        try {
            LibC.madvise(new Pointer(address), bytes, LibC.MADV_NOHUGEPAGE);
            MinorFaults fresh = touched(address, bytes, pages);
            MinorFaults again = touched(address, bytes, pages);
            assertTrue(fresh.minorFaults >= 0.9 * pages, "a fresh page is a fault: " + fresh.minorFaults);
            assertTrue(again.minorFaults < 0.1 * pages, "a present page is none: " + again.minorFaults);

            ArrayNode results = JmhEntries.results(
                    JmhEntries.entry(FAULTS, Map.of("run", "fresh"),
                            counters(Evidence.MINOR_FAULTS_PER_OP, fresh.minorFaults, fresh.minorFaultOps)),
                    JmhEntries.entry(FAULTS, Map.of("run", "again"),
                            counters(Evidence.MINOR_FAULTS_PER_OP, again.minorFaults, again.minorFaultOps)));
            JsonNode contradicted = recorded(results, Set.of(FAULTS)).path("contradicted");
            assertEquals(1, contradicted.size());
            assertEquals("again", contradicted.path(0).path("params").path("run").asText());
            assertEquals("minorFaultsPerOp", contradicted.path(0).path("evidence").asText());
        } finally {
            AlignedMemory.unmap(address, bytes);
        }
    }

    private static MinorFaults touched(long address, long bytes, int pages) {
        MinorFaults faults = new MinorFaults();
        faults.start();
        for (long offset = 0; offset < bytes; offset += 4096) {
            RawMemory.putByte(address + offset, (byte) 1);
        }
        faults.ops(pages);
        faults.stop();
        return faults;
    }

    @Test
    void aRangeAdvisedNoHugePagesHasNoneAndContradictsTheThpRowOnly() throws IOException {
        long bytes = 8L << 20;
        long address = AlignedMemory.map(bytes, AlignedMemory.HUGE_PAGE);
        try {
            assertEquals(0, address % AlignedMemory.HUGE_PAGE, "aligned to 2 MiB");
            LibC.madvise(new Pointer(address), bytes, LibC.MADV_NOHUGEPAGE);
            for (long offset = 0; offset < bytes; offset += 4096) {
                RawMemory.putByte(address + offset, (byte) 1);
            }
            HugePages hugePages = new HugePages();
            hugePages.watch(address, bytes);
            hugePages.measure();
            assertEquals(0, hugePages.anonHugePageBytes);
            assertEquals(bytes, hugePages.measuredRangeBytes);

            Map<String, Double> evidence = counters(Evidence.HUGE_PAGE_COVERAGE, hugePages.anonHugePageBytes,
                    hugePages.measuredRangeBytes);
            ArrayNode results = JmhEntries.results(
                    JmhEntries.entry(CHASE, Map.of("pages", "thp", "workingSetMiB", "8"), evidence),
                    JmhEntries.entry(CHASE, Map.of("pages", "4k", "workingSetMiB", "8"), evidence));
            JsonNode contradicted = recorded(results, Set.of(CHASE)).path("contradicted");
            assertEquals(1, contradicted.size(), "the 4k row claims what it got");
            assertEquals("thp", contradicted.path(0).path("params").path("pages").asText());
            assertEquals("hugePageCoverage >= 0.95: transparent huge pages back the working set",
                    contradicted.path(0).path("claim").asText());
        } finally {
            AlignedMemory.unmap(address, bytes);
        }
    }

    @Test
    void aForkWithNothingToDivideByIsNoEvidence() {
        ArrayNode results = JmhEntries.results(JmhEntries.entry(DIRECT, Map.of(),
                counters(Evidence.DEVICE_READ_BYTES_PER_OP, 0, 0)));
        Contradiction found = ClaimCheck.contradictions(results, Set.of(DIRECT)).get(0);
        assertNull(found.value());
        assertEquals(1, found.forks().size());
        assertNull(found.forks().get(0));
    }

    @Test
    void rowsWithoutTheEvidenceOrOfOtherBenchmarksAreNotJudged() {
        ArrayNode results = JmhEntries.results(JmhEntries.entry(DIRECT, Map.of(), Map.of()),
                JmhEntries.entry(CACHED, Map.of(), counters(Evidence.DEVICE_READ_BYTES_PER_OP, 1e9, 1)));
        assertEquals(List.of(), ClaimCheck.contradictions(results, Set.of(DIRECT)));
    }

    @Test
    void aCheckAfterTheNextRoundReplacesTheClassRowsAndKeepsTheOthers() {
        ArrayNode bad = JmhEntries.results(
                JmhEntries.entry(DIRECT, Map.of(), counters(Evidence.DEVICE_READ_BYTES_PER_OP, 0, 10)),
                JmhEntries.entry(CACHED, Map.of(), counters(Evidence.DEVICE_READ_BYTES_PER_OP, 4096, 10)));
        EnvironmentRecord record = EnvironmentRecord.running(Fingerprint.named("test"))
                .withEvidence(Set.of(DIRECT), ClaimCheck.contradictions(bad, Set.of(DIRECT)), List.of())
                .withEvidence(Set.of(CACHED), ClaimCheck.contradictions(bad, Set.of(CACHED)), List.of());
        assertEquals(2, record.contradicted().size());
        ArrayNode good = JmhEntries.results(
                JmhEntries.entry(DIRECT, Map.of(), counters(Evidence.DEVICE_READ_BYTES_PER_OP, 40960, 10)));
        record = record.withEvidence(Set.of(DIRECT), ClaimCheck.contradictions(good, Set.of(DIRECT)), List.of());
        assertEquals(List.of(CACHED), record.contradicted().stream().map(Contradiction::benchmark).toList());
    }
}
