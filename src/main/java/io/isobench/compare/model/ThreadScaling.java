package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.Metric;

import java.util.ArrayList;
import java.util.List;

/**
 * How each environment scales with threads: {@code ParallelDigestBenchmark}'s throughput on every CPU the JVM counts
 * over its throughput on one thread. A host with n idle cores scales close to n; a CPU quota, vCPUs that share cores
 * with each other and with the hypervisor's threads, or a busy neighbour, scale less.
 */
public record ThreadScaling(List<Line> lines) {

    static final String BENCHMARK = "io.isobench.cpu.ParallelDigestBenchmark";

    /**
     * One environment's scaling.
     *
     * @param cpus the CPUs the environment's JVM counts (its fingerprint's {@code cpus}), or "unknown"
     */
    public record Line(String label, String cpus, double oneThread, double allCpus, String unit) {

        public double scaling() {
            return allCpus / oneThread;
        }
    }

    public ThreadScaling {
        lines = List.copyOf(lines);
    }

    /** The environments (baseline first) that measured both methods in a throughput unit. */
    public static ThreadScaling of(List<EnvironmentInput> environments) {
        List<Line> lines = new ArrayList<>();
        for (EnvironmentInput env : environments) {
            Metric one = metric(env, "oneThread");
            Metric all = metric(env, "allCpus");
            if (one != null && all != null && one.unit().equals(all.unit()) && one.unit().startsWith("ops/")
                    && one.score() > 0 && all.valid()) {
                String cpus = env.fingerprint().get("cpus");
                lines.add(new Line(env.label(), cpus == null ? "unknown" : cpus, one.score(), all.score(), one.unit()));
            }
        }
        return new ThreadScaling(lines);
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
