package io.isobench.fileio;

import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The file every file benchmark works on: random data of a fixed size, written and synced before measurement (so
 * later writes overwrite allocated blocks, like fio's laid-out files), in the benchmark's own {@link BenchDir}, and
 * open with the benchmark's options. Closing closes the channel and deletes the directory.
 */
final class LaidOutFile implements AutoCloseable {

    static final int BLOCK = 4096;

    private final BenchDir dir;
    private final long bytes;
    private final FileChannel channel;
    private final SplittableRandom random = new SplittableRandom(42);

    LaidOutFile(String purpose, long bytes, OpenOption... options) throws IOException {
        this.dir = BenchDir.create(purpose);
        this.bytes = bytes;
        try {
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

    /** A random 4 KiB-aligned offset in the file (fixed seed: every run reads the same sequence). */
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

    static void fillRandom(ByteBuffer buffer, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
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
        fillRandom(chunk, 11);
        for (long pos = 0; pos < bytes; pos += chunk.capacity()) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), bytes - pos));
            while (chunk.hasRemaining()) {
                channel.write(chunk, pos + chunk.position());
            }
        }
        channel.force(true);
    }
}
