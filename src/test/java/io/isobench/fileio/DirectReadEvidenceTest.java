package io.isobench.fileio;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.EvidenceRuns;
import io.isobench.evidence.DeviceReads;
import io.isobench.evidence.Evidence;
import io.isobench.schema.Contradiction;
import io.isobench.suite.ClaimCheck;
import io.isobench.suite.JmhEntries;
import io.isobench.support.BenchDir;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The O_DIRECT row's evidence of reaching the device, contradicted on purpose: tmpfs accepts O_DIRECT (since Linux 6.6)
 * but has no device, so the real benchmark reads nothing from one, the row is listed as contradicted, and compare calls
 * it not comparable beside a host whose reads reached the device.
 */
class DirectReadEvidenceTest {

    private static final String O_DIRECT = "io.isobench.fileio.DirectRandomReadBenchmark.oDirect";
    private static final Path SHM = Path.of("/dev/shm");
    private static final int READS = 2000;

    @TempDir
    Path tmp;

    /** The device reads of the real benchmark's reads of a 4 MiB file on tmpfs, run in this thread. */
    private static DeviceReads readOnTmpfs() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SHM) && Files.getFileStore(SHM).type().equals("tmpfs"),
                SHM + " is not a tmpfs here");
        String root = System.getProperty(BenchDir.PROPERTY);
        System.setProperty(BenchDir.PROPERTY, SHM.toString());
        DirectRandomReadBenchmark benchmark = new DirectRandomReadBenchmark();
        benchmark.fileMiB = 4;
        DeviceReads reads = new DeviceReads();
        try {
            try {
                benchmark.setup();
            } catch (IOException e) {
                Assumptions.abort("tmpfs refuses O_DIRECT here (Linux before 6.6): " + e.getMessage());
            }
            reads.start();
            for (int i = 0; i < READS; i++) {
                assertEquals(LaidOutFile.BLOCK, benchmark.oDirect(reads));
            }
            reads.stop();
        } finally {
            benchmark.tearDown();
            if (root == null) {
                System.clearProperty(BenchDir.PROPERTY);
            } else {
                System.setProperty(BenchDir.PROPERTY, root);
            }
        }
        return reads;
    }

    @Test
    void oDirectOnTmpfsReachesNoDeviceAndTheRowIsNotComparable() throws Exception {
        DeviceReads reads = readOnTmpfs();
        assertEquals(READS, reads.deviceReadOps);
        assertEquals(0, reads.deviceReadBytes, "tmpfs has no device to read from");

        Map<String, Double> measured = Map.of(Evidence.DEVICE_READ_BYTES_PER_OP.numerator(), (double) reads.deviceReadBytes,
                Evidence.DEVICE_READ_BYTES_PER_OP.denominator(), (double) reads.deviceReadOps);
        List<Contradiction> found = ClaimCheck.contradictions(JmhEntries.results(JmhEntries.entry(O_DIRECT,
                Map.of("fileMiB", "4"), measured)), Set.of(O_DIRECT));
        assertEquals(1, found.size());
        assertEquals("deviceReadBytesPerOp >= 3686.4: each read reaches the block device", found.get(0).claim());
        assertEquals(0.0, found.get(0).value());

        Map<String, Double> device = Map.of(Evidence.DEVICE_READ_BYTES_PER_OP.numerator(), (double) READS * LaidOutFile.BLOCK,
                Evidence.DEVICE_READ_BYTES_PER_OP.denominator(), (double) READS);
        EvidenceRuns.Compared compared = EvidenceRuns.compare(tmp.resolve("run"), "container-tmpfs",
                new EvidenceRuns.Row(O_DIRECT, "avgt", "us/op", Map.of("fileMiB", "4")), device, measured, found);
        JsonNode row = compared.comparison("container-tmpfs", O_DIRECT);
        assertEquals("not comparable", row.path("verdict").asText());
        assertTrue(row.path("reason").asText().contains("container-tmpfs: 0 B device reads per op; host: 4,096 B"),
                row.path("reason").asText());
        assertTrue(compared.markdown().contains("0 B device reads per op \u2717"), compared.markdown());
    }
}
