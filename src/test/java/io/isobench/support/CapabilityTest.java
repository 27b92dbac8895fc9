package io.isobench.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilityTest {

    @TempDir
    Path root;

    @Test
    void theInboundPeerIsPresentOnlyWhereTheLauncherRunsTheClientOnTheHost() throws IOException {
        String peer = System.getProperty(Peer.PROPERTY);
        String path = System.getProperty(Peer.PATH_PROPERTY);
        try {
            System.setProperty(Peer.PROPERTY, "127.0.0.1:7100");
            System.setProperty(Peer.PATH_PROPERTY, "bridge-to-host");
            assertTrue(Capability.INBOUND_PEER.missing().orElseThrow().startsWith("runs on the host"));
            assertTrue(Capability.PEER.missing().isEmpty());
            assertTrue(Capability.INBOUND_HTTP.missing().orElseThrow().startsWith("runs on the host against an HTTP"));
            System.setProperty(Peer.PATH_PROPERTY, "inbound-dnat");
            assertTrue(Capability.INBOUND_PEER.missing().isEmpty());
            assertTrue(Capability.INBOUND_HTTP.missing().isEmpty());
        } finally {
            restore(Peer.PROPERTY, peer);
            restore(Peer.PATH_PROPERTY, path);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void aFullDiskDuringTheDirectIoProbeIsAFailureNotAMissingCapability() throws IOException {
        IOException e = assertThrows(IOException.class, () -> Capability.directIoMissing(root, file -> {
            throw new FileSystemException(file.toString(), null, "No space left on device");
        }));
        assertTrue(e.getMessage().endsWith("No space left on device"), e.getMessage());
        assertEmpty(root);
    }

    @Test
    void aProbeDirectoryThatCannotBeMadeIsAFailureToo() {
        Path missingRoot = root.resolve("gone");
        IOException e = assertThrows(IOException.class, () -> Capability.directIoMissing(missingRoot, file -> { }));
        assertTrue(e.getMessage().contains(missingRoot.toString()), e.getMessage());
    }

    @Test
    void aDirectoryNeverClosedIsDeletedAtExit() throws IOException {
        BenchDir dir = BenchDir.create(root, "churn"); // as when JMH skips @TearDown after a benchmark threw
        Files.writeString(dir.resolve("small"), "x");
        BenchDir.deleteLeftovers();
        assertFalse(Files.exists(dir.path()));
        assertEmpty(root);
    }

    private static void assertEmpty(Path dir) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing left behind in " + dir);
        }
    }
}
