package io.isobench.evidence;

import io.isobench.suite.BenchmarkSelection;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every claim can be checked: its evidence's counters exist, and the benchmark takes the state that writes them. */
class ClaimsDeclaredTest {

    @Test
    void everyEvidenceNamesPublicCountersOfItsState() throws Exception {
        for (Evidence evidence : Evidence.values()) {
            for (String counter : List.of(evidence.numerator(), evidence.denominator())) {
                assertTrue(Modifier.isPublic(evidence.state().getField(counter).getModifiers()), evidence + " " + counter);
            }
            assertEquals(evidence, Evidence.byId(evidence.id()).orElseThrow());
        }
    }

    @Test
    void everyClaimedEvidenceIsCollectedByItsBenchmark() throws Exception {
        List<String> claimed = new ArrayList<>();
        for (BenchmarkSelection.Group group : BenchmarkSelection.select(List.of(".*"))) {
            Class<?> type = Class.forName(group.className());
            for (String name : group.methods()) {
                String methodName = name.substring(name.lastIndexOf('.') + 1);
                Method method = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName))
                        .findFirst().orElseThrow();
                List<Claim> claims = new ArrayList<>(Arrays.asList(type.getAnnotationsByType(Claim.class)));
                claims.addAll(Arrays.asList(method.getAnnotationsByType(Claim.class)));
                Set<Class<?>> taken = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName)
                                || m.isAnnotationPresent(org.openjdk.jmh.annotations.Setup.class))
                        .flatMap(m -> Arrays.stream(m.getParameterTypes())).collect(Collectors.toSet());
                for (Claim claim : claims) {
                    assertTrue(taken.contains(claim.evidence().state()), name + " claims " + claim.evidence().id()
                            + " but takes no " + claim.evidence().state().getSimpleName());
                    assertFalse(claim.means().isBlank(), name);
                    claimed.add(group.shortName() + " " + claim.evidence().id());
                }
            }
        }
        for (String expected : List.of("fileio.DirectRandomReadBenchmark deviceReadBytesPerOp",
                "fileio.DirectQueueDepthBenchmark deviceReadBytesPerOp", "fileio.RandomReadBenchmark deviceReadBytesPerOp",
                "fileio.MappedFileReadBenchmark deviceReadBytesPerOp", "fileio.MappedFileReadBenchmark minorFaultsPerOp",
                "memory.PageFaultBenchmark minorFaultsPerOp",
                "memory.PointerChaseBenchmark hugePageCoverage", "sched.ThreadWakeupBenchmark sameCpuFraction",
                "app.SqliteCommitBenchmark deviceWriteBytesPerOp", "app.SqliteCommitBenchmark deviceFlushesPerOp", "app.StreamTriadBenchmark hugePageCoverage",
                "app.RandomUpdateBenchmark hugePageCoverage")) {
            assertTrue(claimed.contains(expected), expected + " in " + claimed);
        }
    }

    @Test
    void procIoIsReadByName() {
        assertEquals(4096, DeviceReads.field("rchar: 10\nwchar: 0\nread_bytes: 4096\nwrite_bytes: 0\n", "read_bytes"));
        assertEquals(0, DeviceReads.field("char: 5396\nread_bytes: 0\n", "read_bytes"), "gVisor's file");
    }

    @Test
    void writesAreCountedOnTheCallingThreadInBytesAndCalls() throws Exception {
        DeviceWrites writes = new DeviceWrites();
        writes.start();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("isobench-writes", ".data");
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.WRITE)) {
            for (int i = 0; i < 3; i++) {
                channel.write(java.nio.ByteBuffer.allocate(4096), i * 4096L);
                writes.op();
            }
            channel.force(true);
        } finally {
            java.nio.file.Files.delete(file);
        }
        writes.stop();
        assertEquals(3, writes.deviceWriteOps);
        assertTrue(writes.writeCalls >= 3, "three pwrites: " + writes.writeCalls);
        assertEquals(0, writes.deviceWriteBytes % 4096, "whole pages: " + writes.deviceWriteBytes);
    }

    @Test
    void smapsCountsTheHugePagesOfTheOverlap() {
        List<String> smaps = List.of(
                "7f0000000000-7f0000400000 rw-p 00000000 00:00 0 ",
                "Size:               4096 kB",
                "AnonHugePages:      4096 kB",
                "7f0000400000-7f0000800000 rw-p 00000000 00:00 0 ",
                "AnonHugePages:         0 kB");
        assertEquals(4L << 20, HugePages.inRange(smaps, 0x7f0000000000L, 4L << 20));
        assertEquals(2L << 20, HugePages.inRange(smaps, 0x7f0000200000L, 4L << 20), "half of the first mapping");
        assertEquals(0, HugePages.inRange(smaps, 0x7f0000400000L, 4L << 20));
    }
}
