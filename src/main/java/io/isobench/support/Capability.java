package io.isobench.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import com.sun.nio.file.ExtendedOpenOption;

/** Something a benchmark needs from its environment; {@link #missing()} says why it is absent, if it is. */
public enum Capability {

    /** O_DIRECT on the benchmark directory's file system (tmpfs and some overlay set-ups refuse it). */
    DIRECT_IO {
        @Override
        public Optional<String> missing() {
            Path root = BenchDir.root();
            try (BenchDir dir = BenchDir.create("probe")) {
                Path file = dir.resolve("direct");
                Files.write(file, new byte[DirectIo.ALIGNMENT]);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, ExtendedOpenOption.DIRECT)) {
                    ByteBuffer buffer = DirectIo.alignedBuffer(DirectIo.ALIGNMENT);
                    channel.read(buffer, 0);
                }
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.of("O_DIRECT refused on " + root + " (" + FileSystems.typeOf(root) + "): "
                        + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
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
    };

    public abstract Optional<String> missing();
}
