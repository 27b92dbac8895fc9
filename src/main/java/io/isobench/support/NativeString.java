package io.isobench.support;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;

/** A NUL-terminated C string allocated once, so that benchmarks don't measure JNA's string conversion. */
public final class NativeString {

    private NativeString() {
    }

    public static Pointer of(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        Memory memory = new Memory(bytes.length + 1L);
        memory.write(0, bytes, 0, bytes.length);
        memory.setByte(bytes.length, (byte) 0);
        return memory;
    }
}
