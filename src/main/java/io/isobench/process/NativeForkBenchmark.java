package io.isobench.process;

import com.sun.jna.Pointer;
import io.isobench.support.Capability;
import io.isobench.support.MemoryRoom;
import io.isobench.support.NativeCore;
import io.isobench.support.NativeString;
import io.isobench.support.Requires;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Process creation without the JDK's launch mechanism in the way, from our own C ({@link NativeCore}): fork + child
 * {@code _exit(0)} + waitpid, vfork + execve of /bin/true + waitpid, and fork with {@code residentMiB} (1 GiB) more of
 * resident anonymous memory, which measures copying the page tables of that GiB (262,144 entries of 4 KiB pages, each
 * page write-protected for copy-on-write) and tearing the child's copy down at its exit. Where VMs (page-table updates)
 * and gVisor (its own fork) pay; depends on how much the JVM itself has resident, which every fork copies too, so read
 * the resident row net of {@code forkExitWait}. Pass {@code -p residentMiB=N} on small machines.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Requires(Capability.NATIVE_CORE)
public class NativeForkBenchmark {

    private static final String TRUE = "/bin/true";

    private Pointer truePath;

    @Setup
    public void setup() {
        NativeCore.require();
        if (!Files.isExecutable(Path.of(TRUE))) {
            throw new IllegalStateException(TRUE + " is missing");
        }
        truePath = NativeString.of(TRUE);
    }

    /** Anonymous memory in 4 KiB pages, each written once, resident for the whole trial (mapped and touched in C). */
    @State(Scope.Thread)
    public static class Resident {

        @Param({"1024"})
        public long residentMiB;

        private long bytes;
        private long address;
        /** The fork's name in a failure message, made once rather than per invocation. */
        private String fork;

        @Setup(Level.Trial)
        public void map() throws IOException {
            NativeCore.require();
            bytes = residentMiB << 20;
            long available = MemoryRoom.availableBytes();
            if (bytes + (256L << 20) > available) {
                throw new IllegalStateException(residentMiB + " MiB resident do not fit in MemAvailable ("
                        + (available >> 20) + " MiB, 256 MiB kept free); run with -p residentMiB=N");
            }
            address = NativeCore.check(NativeCore.isob_resident_map(bytes), "mapping " + residentMiB + " MiB");
            fork = "fork+exit+wait with " + residentMiB + " MiB resident";
        }

        @TearDown(Level.Trial)
        public void unmap() {
            if (address != 0) {
                NativeCore.check(NativeCore.isob_resident_unmap(address, bytes), "unmapping " + residentMiB + " MiB");
                address = 0;
            }
        }
    }

    @Benchmark
    public long forkExitWait() {
        return NativeCore.check(NativeCore.isob_fork_exit_wait(1), "fork+exit+wait");
    }

    @Benchmark
    public long vforkExecWait() {
        return NativeCore.check(NativeCore.isob_vfork_exec_wait(truePath, 1), "vfork+exec of " + TRUE + "+wait");
    }

    @Benchmark
    public long forkExitWaitResident(Resident resident) {
        return NativeCore.check(NativeCore.isob_fork_exit_wait(1), resident.fork);
    }
}
