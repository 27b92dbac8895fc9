package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.JmhJsonReader;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.Stats;
import io.isobench.suite.SchedulingProfiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What else ran while each environment measured: the scheduling record that {@link io.isobench.suite.SchedulingProfiler}
 * wrote beside every iteration of every fork, summed up per environment. The C chain canary is the same work in every
 * environment (no memory, no system call), so where two environments of one run disagree on it, the machine itself ran
 * at another speed under one of them (a neighbour, the host's frequency, a hypervisor), and every row of that
 * environment carries the difference: {@link #apart} names it.
 */
public record SchedulingTable(List<Line> lines, List<Apart> apart) {

    /** The profiler's metric names as {@link JmhJsonReader} keeps them (without the middle dot). */
    static final String OTHERS = JmhJsonReader.normaliseSecondaryName(SchedulingProfiler.OTHERS);
    static final String PREEMPTIONS = JmhJsonReader.normaliseSecondaryName(SchedulingProfiler.PREEMPTIONS);
    static final String CPU = JmhJsonReader.normaliseSecondaryName(SchedulingProfiler.CPU);
    static final String CANARY_CPU = JmhJsonReader.normaliseSecondaryName(SchedulingProfiler.CANARY_CPU);
    static final String CANARY_SYSCALL = JmhJsonReader.normaliseSecondaryName(SchedulingProfiler.CANARY_SYSCALL);
    static final String CANARY_MEMORY = JmhJsonReader.normaliseSecondaryName(SchedulingProfiler.CANARY_MEMORY);

    /** A fork whose chain canary is this much above its environment's median ran on a slow machine. */
    public static final double SLOW_FORK = 1.10;

    /** Environments whose chain canaries' medians differ by more than this are named as a confound. */
    public static final double CANARY_DIFFERS = 0.05;

    /**
     * One environment's record: forks that wrote one; the CPUs' worth of time the rest of the machine used per
     * iteration (median and highest); the fork's busiest thread's preemptions per iteration (median); the forks by the
     * CPU they ended on; the chain canary's median over forks (ns per step) and the forks more than {@link #SLOW_FORK}
     * above it; the {@code getppid} canary's median (ns per call, the environment's own system call, not the
     * machine's); the memory canary's median and 90th percentile over forks (ns per dependent load from 2 MiB of
     * lines: it spreads widely even on a quiet machine, so its upper tail says more than a count above a threshold).
     * NaN where the environment's {@code /proc} or the native core did not give it (gVisor's {@code /proc} is its
     * own).
     */
    public record Line(String environment, boolean emulated, int forks, double othersMedian, double othersMax,
                       double preemptionsMedian, Map<Integer, Integer> forksByCpu, double canaryCpu, int slowForks,
                       double canarySyscall, double canaryMemory, double canaryMemoryP90) {
    }

    /** An environment whose chain canary's median is more than {@link #CANARY_DIFFERS} from the baseline's. */
    public record Apart(String environment, String baseline, double canaryCpu, double baselineCanaryCpu) {

        public double ratio() {
            return canaryCpu / baselineCanaryCpu;
        }
    }

    public static SchedulingTable of(List<EnvironmentInput> environments, EnvironmentInput baseline) {
        List<Line> lines = new ArrayList<>();
        for (EnvironmentInput env : environments) {
            Line line = line(env);
            if (line.forks() > 0) {
                lines.add(line);
            }
        }
        List<Apart> apart = new ArrayList<>();
        Line base = baselineLine(lines, baseline);
        if (base != null) {
            for (Line line : lines) {
                double ratio = line.canaryCpu() / base.canaryCpu();
                if (line != base && !line.emulated() && Double.isFinite(ratio) && Math.abs(ratio - 1) > CANARY_DIFFERS) {
                    apart.add(new Apart(line.environment(), base.environment(), line.canaryCpu(), base.canaryCpu()));
                }
            }
        }
        return new SchedulingTable(lines, apart);
    }

    /** The baseline's line when it has a chain canary to hold the others against (not emulated), else null. */
    public Line baselineLine(EnvironmentInput baseline) {
        return baselineLine(lines, baseline);
    }

    private static Line baselineLine(List<Line> lines, EnvironmentInput baseline) {
        return baseline == null ? null : lines.stream().filter(l -> l.environment().equals(baseline.label())
                && !l.emulated() && Double.isFinite(l.canaryCpu())).findFirst().orElse(null);
    }

    static Line line(EnvironmentInput env) {
        List<Double> others = new ArrayList<>();
        List<Double> preemptions = new ArrayList<>();
        List<Double> canaryForks = new ArrayList<>();
        List<Double> syscallForks = new ArrayList<>();
        List<Double> memoryForks = new ArrayList<>();
        Map<Integer, Integer> byCpu = new TreeMap<>();
        int forks = 0;
        for (BenchmarkResult result : env.results()) {
            Map<String, Metric> m = result.secondary();
            int recorded = 0;
            for (String name : List.of(OTHERS, PREEMPTIONS, CPU, CANARY_CPU, CANARY_SYSCALL, CANARY_MEMORY)) {
                Metric metric = m.get(name);
                if (metric != null) {
                    recorded = Math.max(recorded, metric.forks().length);
                }
            }
            forks += recorded;
            addSamples(m.get(OTHERS), others);
            addSamples(m.get(PREEMPTIONS), preemptions);
            addForkMeans(m.get(CANARY_CPU), canaryForks);
            addForkMeans(m.get(CANARY_SYSCALL), syscallForks);
            addForkMeans(m.get(CANARY_MEMORY), memoryForks);
            Metric cpu = m.get(CPU);
            if (cpu != null) {
                for (double[] fork : cpu.forks()) {
                    if (fork.length > 0) {
                        byCpu.merge((int) Math.round(fork[fork.length - 1]), 1, Integer::sum);
                    }
                }
            }
        }
        double canary = median(canaryForks);
        boolean emulated = env.fingerprint() != null && env.fingerprint().isTcg();
        return new Line(env.label(), emulated, forks, median(others), others.stream().mapToDouble(Double::doubleValue)
                .max().orElse(Double.NaN), median(preemptions), byCpu, canary,
                (int) canaryForks.stream().filter(v -> v > canary * SLOW_FORK).count(), median(syscallForks),
                median(memoryForks), percentile90(memoryForks));
    }

    /** The 90th percentile (nearest rank), NaN for none. */
    private static double percentile90(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
    }

    private static void addSamples(Metric metric, List<Double> into) {
        if (metric != null) {
            for (double v : metric.samples()) {
                into.add(v);
            }
        }
    }

    private static void addForkMeans(Metric metric, List<Double> into) {
        if (metric != null) {
            for (double v : metric.forkMeans()) {
                into.add(v);
            }
        }
    }

    private static double median(List<Double> values) {
        return values.isEmpty() ? Double.NaN : Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
