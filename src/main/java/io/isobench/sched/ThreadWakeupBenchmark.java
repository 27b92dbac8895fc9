package io.isobench.sched;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import io.isobench.evidence.Claim;
import io.isobench.evidence.CpuPlacement;
import io.isobench.evidence.Evidence;
import io.isobench.support.CpuAffinity;
import io.isobench.support.LibC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Thread-to-thread wake-up round trip: the benchmark thread wakes a partner thread and sleeps until the partner wakes
 * it back, through a futex (park/unpark), a pipe (blocking read and write) or an eventfd watched by epoll (a Selector's
 * wakeup). The two threads are pinned to two different CPUs where the thread may use two, so each operation is two
 * cross-CPU wake-ups: in a VM each sends an inter-processor interrupt and wakes a halted vCPU, both of which exit to
 * the hypervisor unless the CPU posts interrupts. With {@code -t N} the N pairs take the allowed CPUs in turn (pair i
 * CPUs 2i and 2i+1, modulo their number). {@code perf bench sched pipe} measures the pipe variant's kind of round trip
 * between two processes.
 * <p>
 * Pinning is a request, so every 16th round trip both threads read the CPU they woke on ({@code sameCpuSamples} of
 * {@code cpuSamples}): the row claims at most 5 % of them on one CPU and is listed as contradicted otherwise, as it is
 * with a single allowed CPU (the threads share it, no IPI) and in gVisor (whose sched_getcpu says 0 for every thread).
 * A VM's vCPUs float over the host's CPUs, which this cannot see.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
@Claim(evidence = Evidence.SAME_CPU_FRACTION, atMost = 0.05, means = "the two threads run on different CPUs")
public class ThreadWakeupBenchmark {

    /** Every how many round trips both threads read their CPU (a power of two, minus one). */
    private static final int SAMPLE_MASK = 15;

    @Param({"futex", "pipe", "epoll"})
    public String mechanism;

    private Partner partner;
    private int trips;

    @Setup
    public void setup(ThreadParams threads) throws IOException {
        LibC.load();
        List<Integer> cpus = CpuAffinity.allowed();
        int pair = threads.getThreadIndex();
        if (cpus.size() >= 2) {
            start(cpus.get(2 * pair % cpus.size()), cpus.get((2 * pair + 1) % cpus.size()));
        } else {
            start(-1, -1);
        }
    }

    /** Pins this thread to {@code cpu} and starts the partner pinned to {@code partnerCpu} (-1: not pinned). */
    void start(int cpu, int partnerCpu) throws IOException {
        if (cpu >= 0) {
            CpuAffinity.pinCurrentThread(cpu);
        }
        partner = switch (mechanism) {
            case "futex" -> new Futex(partnerCpu);
            case "pipe" -> new Pipe(partnerCpu);
            case "epoll" -> new Epoll(partnerCpu);
            default -> throw new IllegalArgumentException("unknown mechanism " + mechanism);
        };
        partner.start();
    }

    @TearDown
    public void tearDown() throws Exception {
        if (partner != null) {
            partner.close();
        }
    }

    @Benchmark
    public void roundTrip(CpuPlacement placement) throws IOException {
        boolean sample = (++trips & SAMPLE_MASK) == 0;
        if (sample) {
            partner.sampleCpu = true;
        }
        partner.roundTrip();
        if (sample) {
            placement.record(CpuAffinity.current(), partner.cpu);
        }
    }

    /** A partner thread that answers every wake-up with one of its own; closing stops and joins it. */
    abstract static class Partner implements AutoCloseable {

        private final Thread thread;
        protected volatile boolean closed;
        /** Set by the caller when the partner should read its CPU on its next wake-up ... */
        volatile boolean sampleCpu;
        /** ... which it leaves here before waking the caller. */
        volatile int cpu = -1;

        Partner(int cpu) {
            thread = new Thread(() -> {
                if (cpu >= 0) {
                    CpuAffinity.pinCurrentThread(cpu);
                }
                serve();
            }, "wakeup-partner");
            thread.setDaemon(true);
        }

        final void start() {
            thread.start();
        }

        final Thread thread() {
            return thread;
        }

        /** Wakes the partner and waits until it wakes this thread back. */
        abstract void roundTrip() throws IOException;

        /** Called by the partner when it has woken, before it wakes the caller: reads its CPU when asked to. */
        final void woken() {
            if (sampleCpu) {
                cpu = CpuAffinity.current();
                sampleCpu = false;
            }
        }

        /** The partner's loop: wait to be woken, {@link #woken()}, wake the caller, until closed. */
        abstract void serve();

        /** Makes {@link #serve} return. */
        abstract void stop() throws IOException;

        @Override
        public void close() throws Exception {
            closed = true;
            stop();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** park/unpark: HotSpot's Parker sleeps in a futex wait and unpark is a futex wake. */
    static final class Futex extends Partner {

        private final Thread caller = Thread.currentThread();
        private volatile boolean partnersTurn;

        Futex(int cpu) {
            super(cpu);
        }

        @Override
        void roundTrip() {
            partnersTurn = true;
            LockSupport.unpark(thread());
            while (partnersTurn) {
                LockSupport.park(this);
            }
        }

        @Override
        void serve() {
            while (!closed) {
                while (!partnersTurn && !closed) {
                    LockSupport.park(this);
                }
                woken();
                partnersTurn = false;
                LockSupport.unpark(caller);
            }
        }

        @Override
        void stop() {
            LockSupport.unpark(thread());
        }
    }

    /** Two pipes, one byte each way, blocking reads: the ping-pong of {@code perf bench sched pipe}. */
    static final class Pipe extends Partner {

        private final int[] toPartner = new int[2];
        private final int[] toCaller = new int[2];
        private final Memory callerByte = new Memory(1);
        private final Memory partnerByte = new Memory(1);

        Pipe(int cpu) {
            super(cpu);
            if (LibC.pipe(toPartner) != 0 || LibC.pipe(toCaller) != 0) {
                throw new IllegalStateException("pipe failed: errno " + Native.getLastError());
            }
        }

        @Override
        void roundTrip() throws IOException {
            if (LibC.write(toPartner[1], callerByte, 1) != 1 || LibC.read(toCaller[0], callerByte, 1) != 1) {
                throw new IOException("pipe round trip failed: errno " + Native.getLastError());
            }
        }

        @Override
        void serve() {
            while (LibC.read(toPartner[0], partnerByte, 1) == 1) {
                woken();
                if (LibC.write(toCaller[1], partnerByte, 1) != 1) {
                    return;
                }
            }
        }

        @Override
        void stop() {
            LibC.close(toPartner[1]);
        }

        @Override
        public void close() throws Exception {
            try {
                super.close();
            } finally {
                LibC.close(toPartner[0]);
                LibC.close(toCaller[0]);
                LibC.close(toCaller[1]);
            }
        }
    }

    /** Each thread blocks in its own Selector (epoll_wait); wakeup() writes the other's eventfd. */
    static final class Epoll extends Partner {

        private final Selector callerSelector = Selector.open();
        private final Selector partnerSelector = Selector.open();

        Epoll(int cpu) throws IOException {
            super(cpu);
        }

        @Override
        void roundTrip() throws IOException {
            partnerSelector.wakeup();
            callerSelector.select();
        }

        @Override
        void serve() {
            try {
                while (!closed) {
                    partnerSelector.select();
                    if (!closed) {
                        woken();
                        callerSelector.wakeup();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("the partner's select failed", e);
            }
        }

        @Override
        void stop() {
            partnerSelector.wakeup();
        }

        @Override
        public void close() throws Exception {
            try {
                super.close();
            } finally {
                callerSelector.close();
                partnerSelector.close();
            }
        }
    }
}
