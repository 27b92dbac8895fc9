package io.isobench.compare.stats;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Stein's two-stage procedure for a paired row, planned for a precision: a pilot of {@code n0} rounds estimates the
 * standard deviation s0 of the per-round log ratio; the row then gets n = max(n0, ceil((t s0 / h)^2)) rounds in all,
 * where t is Student's 1 - alpha/2 quantile with n0 - 1 degrees of freedom and h = log(1 + precision) the wanted
 * half-width; the final interval is the mean log ratio of all n rounds ± t s0 / sqrt(n), at most ± h.
 *
 * <p>Why not simply add rounds until the ordinary interval is narrow enough: that rule looks at the data it stops on,
 * and its intervals undercover (a run of rounds that happen to agree stops early, too narrow). In Stein's procedure n
 * depends on the pilot's s0 alone; under normal per-round log ratios the mean of all n rounds is, given n, normal
 * around the true value with variance sigma^2 / n and independent of s0, so (mean - mu) sqrt(n) / s0 is exactly
 * t with n0 - 1 degrees of freedom and the interval keeps its coverage 1 - alpha whatever n turned out to be. A budget
 * that caps n ({@code maxRounds}) keeps that (n is still a function of s0), at the price of a wider interval: the row
 * then says it did not reach the precision.
 */
public final class TwoStage {

    /**
     * The plan for one row after its pilot: the pilot's rounds and standard deviation of the log ratio, the rounds it
     * gets in all, and whether those reach the precision (false when the budget capped them).
     */
    public record Plan(int pilotRounds, double pilotSd, int rounds, boolean reachesPrecision) {
    }

    private TwoStage() {
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
        double sd = Math.sqrt(StatUtils.variance(pilotLogRatios));
        double h = Math.log1p(precision);
        double t = quantile(n0, alpha);
        double needed = Math.ceil(Math.pow(t * sd / h, 2));
        int rounds = (int) Math.max(n0, Math.min(Math.max(maxRounds, n0), needed));
        return new Plan(n0, sd, rounds, rounds >= needed);
    }

    /**
     * The final interval of the ratio (exp of the log interval) from every round's log ratio, the pilot's first:
     * the geometric-mean ratio ± t s0 / sqrt(n) in logs, with the pilot's standard deviation and degrees of freedom.
     */
    public static Stats.Interval interval(double[] logRatios, Plan plan, double alpha) {
        return test(logRatios, plan, 1 - alpha).ratio();
    }

    /**
     * The final test of a planned row from every round's log ratio, the pilot's first: the geometric-mean ratio with
     * its interval at {@code confidence}, and the two-sided p-value of "no difference", both from Student's t with
     * n0 - 1 degrees of freedom on the pilot's standard deviation (not on all rounds' standard deviation: that is what
     * keeps the coverage). No interval and no p-value (NaN) when the pilot had no spread.
     */
    public static Stats.Tested test(double[] logRatios, Plan plan, double confidence) {
        double mean = StatUtils.mean(logRatios);
        double se = plan.pilotSd() / Math.sqrt(logRatios.length);
        if (!(se > 0) || !Double.isFinite(mean)) {
            return new Stats.Tested(new Stats.Interval(Math.exp(mean), Double.NaN, Double.NaN), Double.NaN);
        }
        org.apache.commons.math3.distribution.TDistribution t = Stats.tDistribution(plan.pilotRounds() - 1);
        double half = t.inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
        return new Stats.Tested(new Stats.Interval(Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half)),
                2 * t.cumulativeProbability(-Math.abs(mean) / se));
    }

    /** Student's 1 - alpha/2 quantile with n0 - 1 degrees of freedom. */
    private static double quantile(int n0, double alpha) {
        return Stats.tDistribution(n0 - 1).inverseCumulativeProbability(1 - alpha / 2);
    }
}
