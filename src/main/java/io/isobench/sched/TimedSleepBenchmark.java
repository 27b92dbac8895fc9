package io.isobench.sched;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How late a timed sleep wakes: {@code LockSupport.parkNanos(50 µs)} and {@code Thread.sleep(1 ms)}, each sample one
 * whole sleep, so the lateness is the score minus the request. It holds the kernel's timer slack (50 µs for ordinary
 * threads), arming the timer, its interrupt and the wake-up: in a VM arming and firing the timer can each exit to
 * the hypervisor (unless the TSC-deadline timer and posted interrupts spare it), and a busy host delays the vCPU.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class TimedSleepBenchmark {

    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    @Benchmark
    public void parkNanos50us() {
        LockSupport.parkNanos(PARK_NANOS);
    }

    @Benchmark
    public void sleep1ms() throws InterruptedException {
        Thread.sleep(1);
    }
}
