package io.isobench.support;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/** Plain stores to native addresses, compiled to single instructions (JNA's Pointer would add a JNI call each). */
public final class RawMemory {

    private static final Unsafe UNSAFE = load();

    private RawMemory() {
    }

    private static Unsafe load() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void putByte(long address, byte value) {
        UNSAFE.putByte(address, value);
    }

    public static byte getByte(long address) {
        return UNSAFE.getByte(address);
    }

    public static void putLong(long address, long value) {
        UNSAFE.putLong(address, value);
    }

    public static long getLong(long address) {
        return UNSAFE.getLong(address);
    }

    public static void putDouble(long address, double value) {
        UNSAFE.putDouble(address, value);
    }

    public static double getDouble(long address) {
        return UNSAFE.getDouble(address);
    }
}
