package io.isobench.compare.stats;

import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stein's two-stage procedure for a paired row, planned for a precision, on the 20 % trimmed mean of the per-round log
 * ratios (Wilcox's extension of Stein's method to trimmed means): a pilot of {@code n0} rounds estimates the winsorized
 * standard deviation s0 of the per-round log ratio (its g = floor(0.2 n0) lowest and highest rounds pulled in to their
 * neighbours); the row then gets n = max(n0, ceil((t s0 / ((1 - 2 gamma) h))^2)) rounds in all, where t is Student's
 * 1 - alpha/2 quantile with n0 - 2g - 1 degrees of freedom (scaled by the calibration below), gamma = g / n0 the
 * fraction the pilot trimmed a side (0.2 for ten rounds) and h = log(1 + precision) the wanted half-width; the final
 * interval is the gamma-trimmed mean of all n rounds (floor(gamma n) trimmed a side) ± t s0 / ((1 - 2 gamma) sqrt(n)),
 * at most ± h. A pilot of fewer than {@value #MIN_TRIMMED_PILOT} rounds is not trimmed (g = 1 of 5 leaves 2 degrees of
 * freedom, and Yuen's t approximation then undercovers): gamma = 0, the mean and the ordinary standard deviation, which
 * is Stein's original procedure.
 *
 * <p>Calibrated: Yuen's t for a trimmed mean is an approximation, and with a small pilot it undercovers under normal
 * rounds (93.5 % for a 95 % interval from a pilot of ten, two trimmed a side). So t is scaled, per pilot size, by the
 * factor that makes the 95 % interval cover 95 % of the time when every round is normal ({@link #calibration}: found by
 * simulating the pilot, 40,000 times with a fixed seed); the same factor serves every level.
 *
 * <p>Why not simply add rounds until the ordinary interval is narrow enough: that rule looks at the data it stops on,
 * and its intervals undercover (a run of rounds that happen to agree stops early, too narrow). In Stein's procedure n
 * depends on the pilot's s0 alone; under normal per-round log ratios the mean of all n rounds is, given n, normal
 * around the true value with variance sigma^2 / n and independent of s0, so (mean - mu) sqrt(n) / s0 is exactly
 * t with n0 - 1 degrees of freedom and the interval keeps its coverage 1 - alpha whatever n turned out to be. A budget
 * that caps n ({@code maxRounds}) keeps that (n is still a function of s0), at the price of a wider interval: the row
 * then says it did not reach the precision.
 *
 * <p>Why trimmed: on this kind of machine 6-24 % of a row's rounds lie far from its others (the machine's own slower
 * stretches, on either side of the random order; {@link FarRounds}). One such round in a pilot of five inflates s0
 * several times, and the rounds asked for go with its square (95-130 rounds for rows that another pilot an hour later
 * planned at 11-21); the mean of all rounds carries them too. The winsorized s0 and the trimmed mean shrug off g far
 * rounds a side. The estimand is then the trimmed mean of the per-round log ratios, which is the mean's where the far
 * rounds fall on either side alike; where an environment's own stalls put them on its side, the two differ, which is
 * what the report's far-round split is there to show. Its coverage (Yuen's t is an approximation, and s0 is the
 * pilot's) is shown by simulation, on normal rounds and on rounds with 15 % far ones, in {@code TwoStageTest}.
 */
public final class TwoStage {

    /** The fraction trimmed from each side of a pilot of {@value #MIN_TRIMMED_PILOT} rounds or more, at most. */
    public static final double TRIM = 0.2;

    /** The smallest pilot that is trimmed: 6 rounds, one trimmed a side, 3 degrees of freedom. */
    public static final int MIN_TRIMMED_PILOT = 6;

    /** How many normal pilots {@link #calibration} simulates. */
    private static final int CALIBRATION_PILOTS = 40_000;

    /** Each (pilot rounds, trim)'s calibration, simulated once per process. */
    private static final Map<List<Double>, Double> CALIBRATION = new ConcurrentHashMap<>();

    /**
     * The plan for one row after its pilot: the pilot's rounds and (winsorized) standard deviation of the log ratio,
     * the fraction trimmed a side ({@code trim}, 0 for Stein's original on the mean), the rounds it gets in all, and
     * whether those reach the precision (false when the budget capped them).
     */
    public record Plan(int pilotRounds, double pilotSd, int rounds, boolean reachesPrecision, double trim) {

        /** The pilot's degrees of freedom: n0 - 2g - 1. */
        public int degreesOfFreedom() {
            return TwoStage.degreesOfFreedom(pilotRounds, trim);
        }
    }

    private TwoStage() {
    }

    /**
     * The fraction a pilot of {@code n0} rounds is trimmed a side: g / n0 with g = floor({@link #TRIM} n0) from six
     * rounds on (0.2 for ten, 1/9 for nine: the fraction actually trimmed, which Yuen's standard error needs), else 0.
     */
    public static double trimFor(int n0) {
        return n0 >= MIN_TRIMMED_PILOT ? trimmed(n0, TRIM) / (double) n0 : 0;
    }

    /** The degrees of freedom of a pilot of {@code n0} rounds trimmed at {@code trim}: n0 - 2g - 1. */
    public static int degreesOfFreedom(int n0, double trim) {
        return n0 - 2 * trimmed(n0, trim) - 1;
    }

    /** How many of {@code n} rounds are trimmed from each side at {@code trim}: floor(trim n). */
    static int trimmed(int n, double trim) {
        return (int) Math.floor(trim * n + 1e-9);
    }

    /**
     * Plans a row from its pilot's per-round log ratios (two or more): the rounds needed for a half-width of
     * log(1 + {@code precision}) at level 1 - alpha, at most {@code maxRounds} (and at least the pilot's).
     */
    public static Plan plan(double[] pilotLogRatios, double alpha, double precision, int maxRounds) {
        int n0 = pilotLogRatios.length;
        if (n0 < 2) {
            throw new IllegalArgumentException("a pilot needs two or more rounds");
        }
        double trim = trimFor(n0);
        double sd = Math.sqrt(winsorizedVariance(pilotLogRatios, trimmed(n0, trim)));
        double h = Math.log1p(precision);
        double t = Stats.tDistribution(degreesOfFreedom(n0, trim)).inverseCumulativeProbability(1 - alpha / 2)
                * calibration(n0, trim);
        double needed = Math.ceil(Math.pow(t * sd / ((1 - 2 * trim) * h), 2));
        int rounds = (int) Math.max(n0, Math.min(Math.max(maxRounds, n0), needed));
        return new Plan(n0, sd, rounds, rounds >= needed, trim);
    }

    /**
     * The final interval of the ratio (exp of the log interval) from every round's log ratio, the pilot's first:
     * the trimmed geometric-mean ratio ± t s0 / ((1 - 2 gamma) sqrt(n)) in logs, with the pilot's standard deviation
     * and degrees of freedom.
     */
    public static Stats.Interval interval(double[] logRatios, Plan plan, double alpha) {
        return test(logRatios, plan, 1 - alpha).ratio();
    }

    /**
     * The final test of a planned row from every round's log ratio, the pilot's first: the (trimmed) geometric-mean
     * ratio with its interval at {@code confidence}, and the two-sided p-value of "no difference", both from Student's
     * t with the pilot's n0 - 2g - 1 degrees of freedom on the pilot's (winsorized) standard deviation (not on all
     * rounds' standard deviation: that is what keeps the coverage). No interval and no p-value (NaN) when the pilot
     * had no spread.
     */
    public static Stats.Tested test(double[] logRatios, Plan plan, double confidence) {
        double mean = trimmedMean(logRatios, trimmed(logRatios.length, plan.trim()));
        double se = plan.pilotSd() / ((1 - 2 * plan.trim()) * Math.sqrt(logRatios.length))
                * calibration(plan.pilotRounds(), plan.trim());
        if (!(se > 0) || !Double.isFinite(mean)) {
            return new Stats.Tested(new Stats.Interval(Math.exp(mean), Double.NaN, Double.NaN), Double.NaN);
        }
        org.apache.commons.math3.distribution.TDistribution t = Stats.tDistribution(plan.degreesOfFreedom());
        double half = t.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
        return new Stats.Tested(new Stats.Interval(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half)),
                2 * t.cumulativeProbability(-Math.abs(mean) / se));
    }

    /**
     * The factor that scales Student's t (n0 - 2g - 1 degrees of freedom) for a pilot of {@code n0} rounds trimmed at
     * {@code trim}: the simulated 97.5 % quantile of |trimmed mean (1 - 2 gamma) sqrt(n0) / winsorized SD| over pilots
     * of normal rounds, divided by t's own (about 1.1 for ten rounds, where Yuen's t alone undercovers); 1 for an
     * untrimmed pilot (Stein's original t is exact there).
     */
    public static double calibration(int n0, double trim) {
        if (trim == 0) {
            return 1;
        }
        return CALIBRATION.computeIfAbsent(List.of((double) n0, trim), k -> {
            int g = trimmed(n0, trim);
            Random random = new Random(n0);
            double[] stat = new double[CALIBRATION_PILOTS];
            double[] x = new double[n0];
            for (int i = 0; i < stat.length; i++) {
                for (int j = 0; j < n0; j++) {
                    x[j] = random.nextGaussian();
                }
                stat[i] = Math.abs(trimmedMean(x, g)) * (1 - 2 * trim) * Math.sqrt(n0)
                        / Math.sqrt(winsorizedVariance(x, g));
            }
            Arrays.sort(stat);
            double simulated = stat[(int) Math.ceil(0.95 * stat.length) - 1];
            return simulated / Stats.tDistribution(degreesOfFreedom(n0, trim)).inverseCumulativeProbability(0.975);
        });
    }

    /** The mean of {@code values} without their {@code g} lowest and {@code g} highest. */
    static double trimmedMean(double[] values, int g) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return StatUtils.mean(sorted, g, sorted.length - 2 * g);
    }

    /** The sample variance of {@code values} with their {@code g} lowest and highest set to the next ones inward. */
    static double winsorizedVariance(double[] values, int g) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        for (int i = 0; i < g; i++) {
            sorted[i] = sorted[g];
            sorted[n - 1 - i] = sorted[n - 1 - g];
        }
        return StatUtils.variance(sorted);
    }
}
