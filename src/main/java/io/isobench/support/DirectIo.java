package io.isobench.support;

import java.nio.ByteBuffer;

/** Buffers that satisfy O_DIRECT's alignment rules. */
public final class DirectIo {

    /** Alignment and size granule that every Linux block device accepts for O_DIRECT. */
    public static final int ALIGNMENT = 4096;

    private DirectIo() {
    }

    public static ByteBuffer alignedBuffer(int size) {
        return ByteBuffer.allocateDirect(size + ALIGNMENT).alignedSlice(ALIGNMENT).limit(size);
    }
}
