package io.isobench.compare.input;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One JMH metric: score, error (JMH's 99.9 % half-width, NaN when it has too few iterations), unit, the
 * per-iteration scores of each fork (empty when the file has none) and, for an interleaved run, the round each fork
 * ran in ({@code rounds[i]} belongs to {@code forks[i]}; empty when the run was not interleaved).
 */
public record Metric(double score, double scoreError, String unit, double[][] forks, int[] rounds) {

    public Metric {
        forks = forks == null ? new double[0][] : forks;
        rounds = rounds == null ? new int[0] : rounds;
        if (rounds.length != 0 && rounds.length != forks.length) {
            throw new IllegalArgumentException(rounds.length + " rounds for " + forks.length + " forks");
        }
    }

    /** A metric of an input that was not interleaved. */
    public Metric(double score, double scoreError, String unit, double[][] forks) {
        this(score, scoreError, unit, forks, null);
    }

    /** The same metric without its rounds: for inputs whose rounds were not run side by side. */
    public Metric withoutRounds() {
        return new Metric(score, scoreError, unit, forks, null);
    }

    /** Every per-iteration score of every fork, in order. */
    public double[] samples() {
        int n = 0;
        for (double[] fork : forks) {
            n += fork.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] fork : forks) {
            System.arraycopy(fork, 0, all, at, fork.length);
            at += fork.length;
        }
        return all;
    }

    /** The mean of each fork's iterations: one sample per JVM, so that run-to-run variance is in the test. */
    public double[] forkMeans() {
        double[] means = new double[forks.length];
        int n = 0;
        for (double[] fork : forks) {
            if (fork.length > 0) {
                means[n++] = mean(fork);
            }
        }
        return n == means.length ? means : Arrays.copyOf(means, n);
    }

    /**
     * One sample per round: the mean of that round's fork means (a raw {@code -f 2} runs two forks per round).
     * Empty when the run was not interleaved.
     */
    public SortedMap<Integer, Double> roundMeans() {
        TreeMap<Integer, double[]> sums = new TreeMap<>();
        for (int i = 0; i < rounds.length; i++) {
            if (forks[i].length > 0) {
                double[] sum = sums.computeIfAbsent(rounds[i], r -> new double[2]);
                sum[0] += mean(forks[i]);
                sum[1]++;
            }
        }
        TreeMap<Integer, Double> means = new TreeMap<>();
        sums.forEach((round, sum) -> means.put(round, sum[0] / sum[1]));
        return Collections.unmodifiableSortedMap(means);
    }

    /** Whether the score is a finite number. */
    public boolean valid() {
        return Double.isFinite(score);
    }

    /** scoreError / |score|, or NaN. */
    public double relativeError() {
        return Double.isFinite(scoreError) && score != 0 ? Math.abs(scoreError / score) : Double.NaN;
    }

    /** This metric in another unit. */
    public Metric convert(double factor, String newUnit) {
        double[][] scaled = new double[forks.length][];
        for (int i = 0; i < forks.length; i++) {
            scaled[i] = Arrays.stream(forks[i]).map(v -> v * factor).toArray();
        }
        return new Metric(score * factor, scoreError * factor, newUnit, scaled, rounds);
    }

    private static double mean(double[] values) {
        // One value is its own mean: a million forks of one iteration each need no million streams.
        return values.length == 1 ? values[0] : Arrays.stream(values).average().orElse(Double.NaN);
    }
}
