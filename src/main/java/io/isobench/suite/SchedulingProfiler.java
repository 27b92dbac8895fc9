package io.isobench.suite;

import io.isobench.support.NativeCore;
import io.isobench.support.ProcIo;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What else the machine did while a fork measured, recorded for every iteration of every fork in every environment
 * (the suite runner adds it to each step): a fork that ran 20-40 % slow in one round can then be told apart from one
 * that shared its CPUs. Read between iterations, from the kernel's own counters, never during one:
 * <ul>
 *     <li>{@value #OTHERS}: CPUs' worth of time that everything but this fork used during the iteration
 *     ({@code /proc/stat} less the fork's {@code /proc/self/stat}; 0 = the machine was the fork's, 1 = one CPU
 *     busy elsewhere all along). A hypervisor's stolen time counts only where the guest kernel reports steal;</li>
 *     <li>{@value #PREEMPTIONS}: involuntary context switches of the fork's busiest thread in the iteration (the
 *     measuring thread, for a single-threaded benchmark): how often something else took its CPU;</li>
 *     <li>{@value #CPU}: the CPU that thread was last on at the iteration's end (CPUs of one machine need not be alike:
 *     this project's two vCPUs differ by 8 %);</li>
 *     <li>{@value #CANARY_CPU}, {@value #CANARY_SYSCALL} and {@value #CANARY_MEMORY}: right after the iteration, the
 *     time of a fixed piece of work, the best of three: a step of a xorshift chain in C (no memory, no system call), a
 *     raw {@code getppid}, and a step of a dependent walk through 2 MiB of cache lines (the suite's native core,
 *     {@link NativeCore}). What the guest cannot see, a physical host or hypervisor that slows
 *     the whole machine for a while, or a neighbour there that takes the shared cache or the memory bandwidth, shows in
 *     them as it shows in the fork.</li>
 * </ul>
 * Each is omitted where the environment's {@code /proc} does not have it (gVisor's is its own).
 */
public final class SchedulingProfiler implements InternalProfiler {

    public static final String OTHERS = "·sched.othersCpus";
    public static final String PREEMPTIONS = "·sched.preemptions";
    public static final String CPU = "·sched.cpu";
    public static final String CANARY_CPU = "·sched.canaryCpu";
    public static final String CANARY_SYSCALL = "·sched.canarySyscall";
    public static final String CANARY_MEMORY = "·sched.canaryMemory";

    /** The canaries' sizes: about 1-2 ms each on this project's machine, a few tens under TCG. */
    private static final long SPIN_STEPS = 1 << 20;
    private static final long SYSCALLS = 500;
    /** One pass through the memory canary's 32,768 lines: about 0.3 ms from the shared cache, a few from memory. */
    private static final long CHASE_STEPS = 32768;

    private static final Path TASKS = Path.of("/proc/self/task");

    private Ticks before;
    private Map<String, Task> threadsBefore = Map.of();

    /** One thread's counters: CPU ticks, involuntary switches, the CPU it was last on. */
    record Task(long ticks, long preemptions, int cpu) {
    }

    /** The machine's CPU ticks (over its {@code cpus} CPUs) and this process's. */
    record Ticks(long busy, long total, long own, int cpus) {
    }

    @Override
    public String getDescription() {
        return "isobench: what else used the CPUs during each iteration, and where the busiest thread ran";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = ticks();
        threadsBefore = threads();
    }

    @Override
    public List<Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                       IterationResult result) {
        List<Result> results = new ArrayList<>();
        Ticks after = ticks();
        if (before != null && after != null && after.total() > before.total()) {
            double others = othersCpus(before, after);
            results.add(new ScalarResult(OTHERS, others, "CPUs", AggregationPolicy.AVG));
        }
        Map<String, Task> threadsAfter = threads();
        String busiest = null;
        long most = -1;
        for (Map.Entry<String, Task> entry : threadsAfter.entrySet()) {
            Task was = threadsBefore.get(entry.getKey());
            long used = entry.getValue().ticks() - (was == null ? 0 : was.ticks());
            if (used > most) {
                most = used;
                busiest = entry.getKey();
            }
        }
        if (busiest != null) {
            Task now = threadsAfter.get(busiest);
            Task was = threadsBefore.get(busiest);
            if (now.preemptions() >= 0) {
                results.add(new ScalarResult(PREEMPTIONS, now.preemptions() - (was == null ? 0 : Math.max(0, was.preemptions())),
                        "#", AggregationPolicy.AVG));
            }
            if (now.cpu() >= 0) {
                results.add(new ScalarResult(CPU, now.cpu(), "#", AggregationPolicy.AVG));
            }
        }
        canaries(results);
        return results;
    }

    /** The canaries' times, where the native core loads (it is loaded by the first iteration's end, a warm-up). */
    private static void canaries(List<Result> results) {
        if (NativeCore.unavailable().isPresent()) {
            return;
        }
        results.add(canary(CANARY_CPU, SPIN_STEPS, "ns/step", () -> NativeCore.isob_spin_loop(SPIN_STEPS)));
        results.add(canary(CANARY_SYSCALL, SYSCALLS, "ns/call",
                () -> NativeCore.check(NativeCore.isob_getppid_loop(SYSCALLS), "getppid")));
        results.add(canary(CANARY_MEMORY, CHASE_STEPS, "ns/step",
                () -> NativeCore.check(NativeCore.isob_chase_loop(CHASE_STEPS), "chase")));
    }

    /** A canary's time per unit of work: the shortest of three runs of {@code work} ({@code units} of it), in ns. */
    private static Result canary(String name, long units, String unit, LongSupplier work) {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            sink += work.getAsLong();
            best = Math.min(best, System.nanoTime() - start);
        }
        double perUnit = sink == Long.MIN_VALUE ? Double.NaN : (double) best / units;
        return new ScalarResult(name, perUnit, unit, AggregationPolicy.AVG);
    }

    /** The CPUs' worth of time used by others between two readings (of a machine of {@code after.cpus()} CPUs). */
    static double othersCpus(Ticks before, Ticks after) {
        long busy = after.busy() - before.busy();
        long own = after.own() - before.own();
        double wall = (double) (after.total() - before.total()) / after.cpus();
        return Math.max(0, busy - own) / wall;
    }

    private static Ticks ticks() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            Ticks machine = machineTicks(lines.get(0));
            int cpus = (int) lines.stream().filter(l -> l.matches("cpu\\d+\\s.*")).count();
            long[] own = stat(Files.readString(Path.of("/proc/self/stat")));
            return machine == null || own == null || cpus == 0 ? null
                    : new Ticks(machine.busy(), machine.total(), own[0], cpus);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code /proc/stat}'s first line: busy (user, nice, system, irq, softirq, steal) and all but guest time. */
    static Ticks machineTicks(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 8 || !f[0].equals("cpu")) {
            return null;
        }
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = Long.parseLong(f[5]);
        long irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]);
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        long busy = user + nice + system + irq + softirq + steal;
        return new Ticks(busy, busy + idle + iowait, 0, 0);
    }

    /** A {@code /proc/.../stat} line's utime + stime and last CPU (fields 14, 15 and 39), or null. */
    static long[] stat(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] f = line.substring(close + 1).trim().split("\\s+"); // f[0] is field 3, the state
        if (f.length < 13) {
            return null;
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        int cpu = f.length > 36 ? Integer.parseInt(f[36]) : -1;
        return new long[]{ticks, cpu};
    }

    /** Every thread of this process by id; empty where there is no {@code /proc/self/task}. */
    private static Map<String, Task> threads() {
        Map<String, Task> threads = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    long[] stat = stat(Files.readString(task.resolve("stat")));
                    if (stat != null) {
                        threads.put(task.getFileName().toString(),
                                new Task(stat[0], preemptions(Files.readString(task.resolve("status"))), (int) stat[1]));
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return threads;
    }

    /** {@code nonvoluntary_ctxt_switches} of a status file, or -1. */
    static long preemptions(String status) {
        return ProcIo.field(status, "nonvoluntary_ctxt_switches").orElse(-1);
    }
}
