package io.isobench.fileio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.SplittableRandom;

/** Helpers the file benchmarks share: incompressible data and laid-out files. */
final class Blocks {

    private Blocks() {
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

    /** Writes {@code bytes} of random data and syncs them, so later writes overwrite allocated blocks. */
    static void layOut(FileChannel channel, long bytes) throws IOException {
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
