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
 * The bare cost of a kernel entry and exit: raw {@code syscall(SYS_getppid)}, which glibc cannot cache;
 * depends on the CPU's mitigations (see the fingerprint's vulnerabilities), seccomp filters and the hypervisor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ParentPidGetBenchmark {

    @Setup
    public void setup() {
        LibC.load();
    }

    @Benchmark
    public long rawSyscall() {
        return LibC.syscall(LibC.SYS_GETPPID);
    }
}
