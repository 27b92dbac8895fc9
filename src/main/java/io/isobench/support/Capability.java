package io.isobench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import com.sun.nio.file.ExtendedOpenOption;

/**
 * Something a benchmark needs from its environment; {@link #missing()} says why it is absent, if it is. A probe that
 * cannot even run (no space left for its file) throws instead: that is a failure to report, not a missing capability.
 */
public enum Capability {

    /** O_DIRECT on the benchmark directory's file system (tmpfs and some overlay set-ups refuse it). */
    DIRECT_IO {
        @Override
        public Optional<String> missing() throws IOException {
            return directIoMissing(BenchDir.root(), file -> Files.write(file, new byte[DirectIo.ALIGNMENT]));
        }
    },

    /** An external echo peer given with {@code -Disobench.peer=HOST:PORT}. */
    PEER {
        @Override
        public Optional<String> missing() {
            return Peer.configured().isPresent()
                    ? Optional.empty()
                    : Optional.of("no external echo peer: set -D" + Peer.PROPERTY + "=HOST:PORT");
        }
    },

    /**
     * A peer inside the environment, dialled from the host through its published port: the launcher runs such a class
     * on the host with {@code -Disobench.peerPath=inbound-...}; anywhere else it is skipped with the reason.
     */
    INBOUND_PEER {
        @Override
        public Optional<String> missing() {
            return inboundMissing("an EchoPeer");
        }
    },

    /**
     * The same path as {@link #INBOUND_PEER} to an EchoPeer that serves JSON over HTTP/1.1 instead of echoing
     * ({@link InboundService#HTTP}): the launcher starts that peer inside and runs such a class on the host.
     */
    INBOUND_HTTP {
        @Override
        public Optional<String> missing() {
            return inboundMissing("an HTTP service");
        }
    },

    /**
     * The suite's own C library ({@link NativeCore}) loads here. Where it does not, its rows are skipped with the reason
     * rather than measured through another path under the same name.
     */
    NATIVE_CORE {
        @Override
        public Optional<String> missing() {
            return NativeCore.unavailable();
        }
    };

    /**
     * Why the capability is absent here, or empty when it is present.
     *
     * @throws IOException when the probe could not run (e.g. ENOSPC while writing its file)
     */
    public abstract Optional<String> missing() throws IOException;

    /** Present where this JVM runs on the host as the client of a peer inside the environment (the launcher's step). */
    private static Optional<String> inboundMissing(String peer) {
        return Peer.configured().isPresent() && Peer.inbound()
                ? Optional.empty()
                : Optional.of("runs on the host against " + peer + " inside the environment (the launcher starts "
                + "that peer and runs this class on the host for each environment)");
    }

    /** How the O_DIRECT probe writes its file (a seam for tests: a full disk is hard to come by). */
    @FunctionalInterface
    interface ProbeWrite {
        void write(Path file) throws IOException;
    }

    /**
     * Writes a probe file under {@code root} and reads it back with O_DIRECT: only a refusal of that read is a missing
     * capability. The probe's directory is removed whatever happens.
     */
    static Optional<String> directIoMissing(Path root, ProbeWrite write) throws IOException {
        try (BenchDir dir = BenchDir.create(root, "probe")) {
            Path file = dir.resolve("direct");
            write.write(file);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
                channel.read(DirectIo.alignedBuffer(DirectIo.ALIGNMENT), 0);
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.of("O_DIRECT refused on " + root + " (" + FileSystems.typeOf(root) + "): "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
