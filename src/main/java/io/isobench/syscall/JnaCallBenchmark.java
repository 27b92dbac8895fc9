package io.isobench.syscall;

import io.isobench.support.LibC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The harness baseline: a JNA call of libc {@code abs}, which never enters the kernel; depends only on
 * JNA's call path and the CPU, so the JNA syscall rows can be read net of it ({@link NativeSyscallBenchmark} needs no
 * netting: it makes one JNA call per {@value NativeSyscallBenchmark#CALLS} syscalls).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class JnaCallBenchmark {

    /** Read from a field so the argument is not a compile-time constant. */
    private int value = -42;

    @Setup
    public void setup() {
        LibC.load();
    }

    @Benchmark
    public int libcAbs() {
        return LibC.abs(value);
    }
}
