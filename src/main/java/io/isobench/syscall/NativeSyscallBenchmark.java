package io.isobench.syscall;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.isobench.support.BenchDir;
import io.isobench.support.Capability;
import io.isobench.support.LibC;
import io.isobench.support.NativeCore;
import io.isobench.support.NativeString;
import io.isobench.support.Requires;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The syscalls of the JNA rows beside it (getppid, vDSO clock_gettime, a 1-byte read of /dev/zero, stat, open+close),
 * each repeated {@value #CALLS} times by a loop in our own C ({@link NativeCore}): one JNA call per {@value #CALLS}
 * syscalls adds well under 1 ns to each, so the score is what a C program pays; depends on the same mitigations, seccomp
 * filter, hypervisor and (stat, open) file system under {@code isobench.dir} as those rows, and is skipped where the
 * native core cannot load.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Requires(Capability.NATIVE_CORE)
public class NativeSyscallBenchmark {

    /** Syscalls per invocation: the JNA call (70-250 ns) spread over this many is below 0.3 ns each. */
    public static final int CALLS = 1024;

    private static final String DEV_ZERO = "/dev/zero";

    private BenchDir dir;
    private Path file;
    private Pointer cPath;
    private int devZero = -1;
    private final Memory buffer = new Memory(1);

    @Setup
    public void setup() throws IOException {
        NativeCore.require();
        LibC.load();
        try {
            dir = BenchDir.create("native");
            file = Files.write(dir.resolve("existing"), new byte[]{1});
            cPath = NativeString.of(file.toString());
            devZero = LibC.open(NativeString.of(DEV_ZERO), LibC.O_RDONLY);
            if (devZero < 0) {
                throw new IllegalStateException("cannot open " + DEV_ZERO);
            }
            // One pass of each before measuring, so a failure names its call here rather than mid-iteration.
            getppid();
            clockGettime();
            devZeroRead();
            stat();
            openClose();
        } catch (IOException | RuntimeException e) {
            tearDown(); // JMH runs no @TearDown after a failed @Setup
            throw e;
        }
    }

    @TearDown
    public void tearDown() {
        if (devZero >= 0) {
            LibC.close(devZero);
            devZero = -1;
        }
        if (dir != null) {
            dir.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long getppid() {
        return NativeCore.check(NativeCore.isob_getppid_loop(CALLS), "syscall(SYS_getppid)");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long clockGettime() {
        return NativeCore.check(NativeCore.isob_clock_gettime_loop(CALLS), "clock_gettime(CLOCK_MONOTONIC)");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long devZeroRead() {
        return NativeCore.check(NativeCore.isob_devzero_read_loop(devZero, buffer, 1, CALLS), "read of /dev/zero");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long stat() {
        return NativeCore.check(NativeCore.isob_stat_loop(cPath, CALLS), "stat of an existing file");
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public long openClose() {
        return NativeCore.check(NativeCore.isob_open_close_loop(cPath, CALLS), "open+close of an existing file");
    }
}
