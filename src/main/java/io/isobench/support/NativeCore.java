package io.isobench.support;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

import java.util.Optional;

/**
 * The suite's own C library ({@code src/main/c/isobench_native.c}, in the jar as
 * {@code linux-x86-64/libisobench_native.so}), bound with JNA direct mapping when this class is first used. Its loops
 * repeat a syscall inside C, so a benchmark pays one JNA call per many syscalls. Each function returns -errno on
 * failure; {@link #check} turns that into an exception that names the call and the error.
 */
public final class NativeCore {

    /** The library's name, as JNA maps it to {@code libisobench_native.so}. */
    public static final String LIBRARY = "isobench_native";

    /** Why the library did not load here, or empty; decided once, by the first use of this class. */
    private static final Optional<String> UNAVAILABLE = bind(LIBRARY);

    private NativeCore() {
    }

    /**
     * Why the native core cannot be used in this environment (the jar has no library for this platform, or it did not
     * load), or empty when it can. Benchmarks that call it require {@link Capability#NATIVE_CORE}, so the suite skips
     * them with this reason rather than measuring something else.
     */
    public static Optional<String> unavailable() {
        return UNAVAILABLE;
    }

    /** Fails with the reason where the library is unavailable: for set-ups, when JMH runs a class without the suite. */
    public static void require() {
        UNAVAILABLE.ifPresent(why -> {
            throw new IllegalStateException(why);
        });
    }

    /** Registers this class's natives from the library of that name: empty, or why that failed, in one line. */
    static Optional<String> bind(String name) {
        String resource = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(name);
        try {
            Native.register(NativeCore.class, NativeLibrary.getInstance(name, NativeCore.class.getClassLoader()));
            return Optional.empty();
        } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
            if (NativeCore.class.getClassLoader().getResource(resource) == null) {
                return Optional.of("the native core is not in the jar for this platform: no " + resource
                        + " (it is built with the jar, for the machine that builds it)");
            }
            // JNA's message lists every path it tried, one per line: the first says what failed, or introduces the
            // second when it ends in a colon ("Unable to load library 'x':").
            String[] lines = String.valueOf(e.getMessage()).strip().split("\n");
            String why = lines[0].strip();
            if (why.endsWith(":") && lines.length > 1) {
                why += " " + lines[1].strip();
            }
            return Optional.of("the native core " + resource + " did not load: " + why);
        }
    }

    /**
     * The result of a native function, or an exception naming what failed and why when it is -errno.
     *
     * @param what the call, as the message should name it ("stat of /tmp/x")
     */
    public static long check(long result, String what) {
        if (result < 0) {
            throw new IllegalStateException(what + " failed: " + isob_strerror(result) + " (errno " + -result + ")");
        }
        return result;
    }

    /** strerror of a negative result. */
    public static native String isob_strerror(long error);

    /** n steps of a xorshift chain, no system call and no memory: its last state (a CPU-speed canary). */
    public static native long isob_spin_loop(long n);

    /** Raw {@code syscall(SYS_getppid)} n times: n times the parent's pid. */
    public static native long isob_getppid_loop(long n);

    /** A dependent walk of n steps through a 2 MiB random cycle of cache lines (the memory canary); -ENOMEM. */
    public static native long isob_chase_loop(long n);

    /** {@code clock_gettime(CLOCK_MONOTONIC)} n times (the vDSO where the clocksource allows): the sum of tv_nsec. */
    public static native long isob_clock_gettime_loop(long n);

    /** {@code read(fd, buffer, length)} n times: the bytes read. */
    public static native long isob_devzero_read_loop(int fd, Pointer buffer, long length, long n);

    /** {@code stat(path)} n times: the sum of the sizes. */
    public static native long isob_stat_loop(Pointer path, long n);

    /** {@code open(path, O_RDONLY)} and {@code close} n times: the sum of the descriptors. */
    public static native long isob_open_close_loop(Pointer path, long n);

    /** fork, child {@code _exit(0)}, waitpid, n times: n. */
    public static native long isob_fork_exit_wait(long n);

    /** vfork, execve(path) with no arguments, waitpid, n times: n; -ENOEXEC when the exec failed. */
    public static native long isob_vfork_exec_wait(Pointer path, long n);

    /** Maps that many bytes of anonymous memory in 4 KiB pages and writes to each: the address. */
    public static native long isob_resident_map(long bytes);

    /** Unmaps what {@link #isob_resident_map} mapped: 0. */
    public static native long isob_resident_unmap(long address, long bytes);
}
