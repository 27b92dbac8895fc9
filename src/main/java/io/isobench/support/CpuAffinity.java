package io.isobench.support;

import com.sun.jna.Native;

import java.util.ArrayList;
import java.util.List;

/** The CPUs a thread may run on, and pinning the calling thread to one of them ({@code sched_setaffinity}). */
public final class CpuAffinity {

    /** Room for 1024 CPUs, glibc's {@code CPU_SETSIZE}. */
    private static final int WORDS = 16;

    private CpuAffinity() {
    }

    /** The CPUs the calling thread may run on (a container's cpuset, a VM's vCPUs), in ascending order. */
    public static List<Integer> allowed() {
        long[] mask = new long[WORDS];
        if (LibC.sched_getaffinity(0, (long) WORDS * Long.BYTES, mask) != 0) {
            throw new IllegalStateException("sched_getaffinity failed: errno " + Native.getLastError());
        }
        List<Integer> cpus = new ArrayList<>();
        for (int cpu = 0; cpu < WORDS * Long.SIZE; cpu++) {
            if ((mask[cpu / Long.SIZE] & (1L << (cpu % Long.SIZE))) != 0) {
                cpus.add(cpu);
            }
        }
        return cpus;
    }

    /** The CPU the calling thread runs on now, or -1 where that cannot be read. */
    public static int current() {
        return LibC.sched_getcpu();
    }

    /** Pins the calling thread to {@code cpu}. */
    public static void pinCurrentThread(int cpu) {
        long[] mask = new long[WORDS];
        mask[cpu / Long.SIZE] = 1L << (cpu % Long.SIZE);
        if (LibC.sched_setaffinity(0, (long) WORDS * Long.BYTES, mask) != 0) {
            throw new IllegalStateException("sched_setaffinity to CPU " + cpu + " failed: errno " + Native.getLastError());
        }
    }
}
