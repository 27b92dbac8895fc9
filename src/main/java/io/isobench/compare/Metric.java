package io.isobench.compare;

import java.util.Arrays;

/**
 * One JMH metric: score, error (JMH's 99.9 % half-width, NaN when it has too few iterations), unit, and the
 * per-iteration scores of each fork (empty when the file has none).
 */
public record Metric(double score, double scoreError, String unit, double[][] forks) {

    public Metric {
        forks = forks == null ? new double[0][] : forks;
    }

    /** Every per-iteration score of every fork, in order. */
    public double[] samples() {
        return Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
    }

    /** The mean of each fork's iterations: one sample per JVM, so that run-to-run variance is in the test. */
    public double[] forkMeans() {
        return Arrays.stream(forks).filter(f -> f.length > 0).mapToDouble(f -> Arrays.stream(f).average().orElse(Double.NaN))
                .toArray();
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
        return new Metric(score * factor, scoreError * factor, newUnit, scaled);
    }
}
