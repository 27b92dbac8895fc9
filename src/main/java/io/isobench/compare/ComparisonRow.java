package io.isobench.compare;

/**
 * One benchmark in one environment against its baseline. {@code ratio} is environment score / baseline score
 * (in the baseline's unit) with its 95 % interval; {@code cost} is the same turned so that above 1 is slower
 * whichever way the unit points. {@code noisy} is this environment's own relative error above the threshold.
 * {@code net} is set for syscall rows when both environments have the JNA baseline benchmark.
 */
public record ComparisonRow(BenchmarkKey key, String environment, String baseline, String unit,
                            Direction direction, double score, double scoreError, double baselineScore,
                            double baselineScoreError, Stats.Interval ratio, double pValue, Verdict verdict,
                            double relativeError, boolean noisy, boolean baselineNoisy, String note,
                            NetOfJna net) {

    public Area area() {
        return key.area();
    }

    public double cost() {
        return direction.cost(ratio.estimate());
    }

    /** Lower bound of the cost interval (NaN when none). */
    public double costLow() {
        return direction == Direction.HIGHER_IS_BETTER ? 1.0 / ratio.high() : ratio.low();
    }

    /** Upper bound of the cost interval (NaN when none). */
    public double costHigh() {
        return direction == Direction.HIGHER_IS_BETTER ? 1.0 / ratio.low() : ratio.high();
    }

    /** (cost - 1) in percent: how much slower the environment is. */
    public double overheadPct() {
        return (cost() - 1) * 100;
    }

    public boolean valid() {
        return verdict != Verdict.INVALID;
    }
}
