package io.isobench.fileio;

import io.isobench.support.BenchDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/** A laid-out data file and a source of random 4 KiB-aligned offsets in it, for the random-read benchmarks. */
final class RandomReadFixture implements AutoCloseable {

    static final int BLOCK = 4096;

    private final BenchDir dir;
    private final Path file;
    private final long blocks;
    private final SplittableRandom random = new SplittableRandom(42);
    private FileChannel channel;

    RandomReadFixture(String purpose, long fileBytes) throws IOException {
        dir = BenchDir.create(purpose);
        file = dir.resolve("data");
        blocks = fileBytes / BLOCK;
        try (FileChannel writer = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Blocks.layOut(writer, fileBytes);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    FileChannel open(OpenOption... extra) throws IOException {
        OpenOption[] options = new OpenOption[extra.length + 1];
        options[0] = StandardOpenOption.READ;
        System.arraycopy(extra, 0, options, 1, extra.length);
        channel = FileChannel.open(file, options);
        return channel;
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

    long nextOffset() {
        return random.nextLong(blocks) * BLOCK;
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            dir.close();
        }
    }
}
