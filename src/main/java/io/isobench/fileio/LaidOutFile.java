package io.isobench.fileio;

import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The file every file benchmark works on: random data of a given size, written and synced before measurement (so
 * later writes overwrite allocated blocks, like fio's laid-out files), in the benchmark's own {@link BenchDir}, and
 * open with the benchmark's options. Closing closes the channel and deletes the directory.
 * <p>
 * Every fork writes a file of its own: every byte drawn afresh from a generator seeded anew in each JVM, and read at
 * offsets from another such generator. So no layer below the guest can serve it from what an earlier fork, run or
 * environment left behind, nor shrink it by deduplication or compression: what it holds of the file, it holds because
 * this fork wrote it (a host page cache that keeps everything a VM writes still does; see the O_DIRECT rows' evidence).
 */
final class LaidOutFile implements AutoCloseable {

    static final int BLOCK = 4096;

    /** Free space a file must leave on its file system, so that a benchmark never fills a disk. */
    static final long MARGIN_BYTES = 256L << 20;

    private final BenchDir dir;
    private final long bytes;
    private final FileChannel channel;
    /** The offsets' generator: seeded anew in every JVM, so every fork reads its own sequence. */
    private final SplittableRandom random = new SplittableRandom();

    LaidOutFile(String purpose, long bytes, OpenOption... options) throws IOException {
        this.dir = BenchDir.create(purpose);
        this.bytes = bytes;
        try {
            long usable = Files.getFileStore(dir.path()).getUsableSpace();
            if (bytes + MARGIN_BYTES > usable) {
                throw new IOException("a file of " + (bytes >> 20) + " MiB does not fit in " + dir.path().getParent()
                        + " (" + (usable >> 20) + " MiB usable, " + (MARGIN_BYTES >> 20) + " MiB kept free); run with "
                        + "-p fileMiB=N where the benchmark has that parameter, or choose another --bench-dir");
            }
            try (FileChannel writer = FileChannel.open(dir.resolve("data"), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                layOut(writer, bytes);
            }
            this.channel = FileChannel.open(dir.resolve("data"), options);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    FileChannel channel() {
        return channel;
    }

    Path path() {
        return dir.resolve("data");
    }

    long bytes() {
        return bytes;
    }

    /** A random 4 KiB-aligned offset in the file (a sequence of this fork's own). */
    long randomBlockOffset() {
        return random.nextLong(bytes / BLOCK) * BLOCK;
    }

    /** Reads the whole file once so that every page is in the page cache. */
    void warmPageCache() throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        long pos = 0;
        int n;
        while ((n = channel.read(chunk, pos)) > 0) {
            pos += n;
            chunk.clear();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            dir.close();
        }
    }

    /** Fills the buffer with random bytes from a generator seeded anew in every JVM. */
    static void fillRandom(ByteBuffer buffer) {
        fillRandom(buffer, new SplittableRandom());
    }

    private static void fillRandom(ByteBuffer buffer, SplittableRandom random) {
        buffer.clear();
        while (buffer.remaining() >= Long.BYTES) {
            buffer.putLong(random.nextLong());
        }
        while (buffer.hasRemaining()) {
            buffer.put((byte) random.nextInt());
        }
        buffer.clear();
    }

    private static void layOut(FileChannel channel, long bytes) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        SplittableRandom random = new SplittableRandom();
        for (long pos = 0; pos < bytes; pos += chunk.capacity()) {
            fillRandom(chunk, random);
            chunk.limit((int) Math.min(chunk.capacity(), bytes - pos));
            while (chunk.hasRemaining()) {
                channel.write(chunk, pos + chunk.position());
            }
        }
        channel.force(true);
    }
}
