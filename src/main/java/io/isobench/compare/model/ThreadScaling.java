package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.Stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * How each environment scales with threads: {@code ParallelDigestBenchmark}'s throughput on every CPU the JVM counts
 * over its throughput on one thread. A host with n idle cores scales close to n; a CPU quota, vCPUs that share cores
 * with each other and with the hypervisor's threads, or a busy neighbour, scale less. The factor has an interval at
 * the comparison's level: paired by round when both methods ran in two or more of the same rounds (a t-interval of
 * the per-round log ratios, as a row's), else Fieller's over the two methods' fork means; none with one fork.
 */
public record ThreadScaling(List<Line> lines) {

    static final String BENCHMARK = "io.isobench.cpu.ParallelDigestBenchmark";

    /**
     * One environment's scaling.
     *
     * @param cpus the CPUs the environment's JVM counts (its fingerprint's {@code cpus}), or "unknown"
     */
    public record Line(String label, String cpus, double oneThread, double allCpus, String unit, double low,
                       double high) {

        public double scaling() {
            return allCpus / oneThread;
        }
    }

    public ThreadScaling {
        lines = List.copyOf(lines);
    }

    /**
     * The environments (baseline first) that measured both methods in a throughput unit, with intervals at
     * {@code level}.
     */
    public static ThreadScaling of(List<EnvironmentInput> environments, double level) {
        List<Line> lines = new ArrayList<>();
        for (EnvironmentInput env : environments) {
            Metric one = metric(env, "oneThread");
            Metric all = metric(env, "allCpus");
            if (one != null && all != null && one.unit().equals(all.unit()) && one.unit().startsWith("ops/")
                    && one.score() > 0 && all.valid()) {
                String cpus = env.fingerprint().get("cpus");
                Stats.Interval interval = interval(all, one, level);
                lines.add(new Line(env.label(), cpus == null ? "unknown" : cpus, one.score(), all.score(), one.unit(),
                        interval.low(), interval.high()));
            }
        }
        return new ThreadScaling(lines);
    }

    /** The interval of all / one: paired by round, else over fork means; NaN bounds when neither has two. */
    static Stats.Interval interval(Metric all, Metric one, double level) {
        SortedMap<Integer, Double> allRounds = all.roundMeans();
        SortedMap<Integer, Double> oneRounds = one.roundMeans();
        double[] ratios = allRounds.keySet().stream().filter(oneRounds::containsKey)
                .mapToDouble(round -> allRounds.get(round) / oneRounds.get(round)).toArray();
        if (ratios.length >= 2) {
            return Stats.pairedLogRatio(ratios, level).ratio();
        }
        Stats.Interval fieller = Stats.fiellerRatio(all.forkMeans(), one.forkMeans(), level);
        return new Stats.Interval(fieller.estimate(), Math.max(0, fieller.low()), fieller.high());
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    private static Metric metric(EnvironmentInput env, String method) {
        return env.results().stream()
                .filter(r -> r.key().benchmark().equals(BENCHMARK + "." + method))
                .map(BenchmarkResult::primary)
                .findFirst().orElse(null);
    }
}
