package io.isobench.support;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc functions the benchmarks call, bound with JNA direct mapping ({@code Native.register}):
 * the cheapest way from Java into C that needs no native code of our own.
 */
public final class LibC {

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    /** {@code SYS_getppid} of the running architecture: a real kernel entry that glibc does not cache. */
    public static final long SYS_GETPPID = switch (Platform.ARCH) {
        case "x86-64" -> 110;
        case "aarch64" -> 173;
        default -> throw new ExceptionInInitializerError("no SYS_getppid number known for " + Platform.ARCH);
    };

    public static final int O_RDONLY = 0;
    public static final int CLOCK_MONOTONIC = 1;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MADV_HUGEPAGE = 14;
    public static final int MADV_NOHUGEPAGE = 15;
    /** Large enough for {@code struct stat} on every 64-bit Linux ABI. */
    public static final int STAT_BUFFER_BYTES = 256;
    /** {@code getrusage}'s who: the calling thread only (Linux). */
    public static final int RUSAGE_THREAD = 1;
    /** {@code struct rusage} as longs on 64-bit Linux: two timevals (4 longs), then 14 longs. */
    public static final int RUSAGE_LONGS = 18;
    /** Index of {@code ru_minflt} in it: after the two timevals and maxrss, ixrss, idrss, isrss. */
    public static final int RUSAGE_MINFLT = 8;

    private LibC() {
    }

    public static native int abs(int value);

    public static native long syscall(long number);

    public static native int clock_gettime(int clockId, Pointer timespec);

    public static native int stat(Pointer path, Pointer statBuffer);

    public static native int open(Pointer path, int flags);

    public static native int close(int fd);

    public static native long read(int fd, Pointer buffer, long count);

    public static native long write(int fd, Pointer buffer, long count);

    /** {@code pipe(int[2])}: fills in the read end, then the write end. */
    public static native int pipe(int[] fds);

    /** pid 0 is the calling thread; the mask is a {@code cpu_set_t}, 64 CPUs per long. */
    public static native int sched_getaffinity(int pid, long maskBytes, long[] mask);

    public static native int sched_setaffinity(int pid, long maskBytes, long[] mask);

    public static native Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset);

    public static native int munmap(Pointer addr, long length);

    public static native int madvise(Pointer addr, long length, int advice);

    /** {@code struct rusage} of {@code who} into {@link #RUSAGE_LONGS} longs. */
    public static native int getrusage(int who, long[] usage);

    /** The CPU the calling thread runs on now (glibc reads it from rseq or the vDSO's getcpu); -1 on error. */
    public static native int sched_getcpu();

    /** Touches the library so that its registration cost is paid during set-up, not measurement. */
    public static void load() {
        abs(0);
    }
}
