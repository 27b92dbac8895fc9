package io.isobench.syscall;

import com.sun.jna.Memory;
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
 * Reading the monotonic clock, which the vDSO serves without entering the kernel (the contrast to getppid): libc
 * {@code clock_gettime} as a JNA caller pays it, and {@code System.nanoTime}; depends on the clocksource: with tsc it
 * stays in user space, with others it becomes a syscall.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ClockReadBenchmark {

    private final Memory timespec = new Memory(16);

    @Setup
    public void setup() {
        LibC.load();
    }

    @Benchmark
    public long libcClockGettime() {
        LibC.clock_gettime(LibC.CLOCK_MONOTONIC, timespec);
        return timespec.getLong(8);
    }

    @Benchmark
    public long javaNanoTime() {
        return System.nanoTime();
    }
}
