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
 * A bare kernel entry and exit as a JNA caller pays it: raw {@code syscall(SYS_getppid)}, which glibc cannot cache, plus
 * one JNA call ({@link NativeSyscallBenchmark#getppid} has the loop in C); depends on the CPU's mitigations (see the
 * fingerprint's vulnerabilities), seccomp filters and the hypervisor, and on the JNA call, which varies fork to fork.
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
