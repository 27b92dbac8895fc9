package io.isobench.process;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Starting and joining a platform thread that does nothing: clone, stack mmap, scheduler wake-up and exit;
 * depends on the kernel's thread creation path and cgroup accounting.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class ThreadStartBenchmark {

    private volatile int ran;

    @Benchmark
    public int startJoin() throws InterruptedException {
        Thread thread = new Thread(() -> ran++);
        thread.start();
        thread.join();
        return ran;
    }
}
