package io.isobench.compare.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The rounds of a paired row whose log cost lies far from the row's other rounds: a modified z-score
 * 0.6745 (x - median) / MAD above 3.5 in absolute value (Iglewicz and Hoaglin, "How to Detect and Handle Outliers",
 * 1993), over {@value #MIN_ROUNDS} or more rounds. The median and the median absolute deviation are the row's own, so
 * a few far rounds do not hide themselves as they would from a mean and a standard deviation.
 * <p>
 * A diagnostic, never a filter: every round stays in the row's test. It says why a row's interval is wide (on this
 * project's machine one round in ten or so has a fork in a stretch where the machine is slower, which a row's mean
 * carries whole), and, counted over an environment's rows, on which side the far rounds fall. The environments run in
 * a random order in every round, so the machine's own slower stretches fall on either side alike; far rounds more often
 * above (the environment's side costing more than its row's usual) than a fair coin gives point to stalls of the
 * environment's own, which its rows' means include.
 */
public final class FarRounds {

    /** Iglewicz and Hoaglin's limit on the modified z-score. */
    public static final double LIMIT = 3.5;
    /** Fewer rounds than this give no median and spread to judge one round by. */
    public static final int MIN_ROUNDS = 6;
    /** The median absolute deviation's factor to a normal standard deviation's scale (0.6745 = 1 / 1.4826). */
    private static final double MAD_TO_Z = 0.6745;

    /**
     * A far round.
     *
     * @param deviation its log cost minus the row's median: above 0 the environment's side was slower than the row's
     *                  usual (or the baseline's faster), below 0 the baseline's
     */
    public record Far(int round, double deviation) {

        /** Whether the environment's side cost more in this round than the row's usual. */
        public boolean above() {
            return deviation > 0;
        }
    }

    private FarRounds() {
    }

    /** The far rounds among {@code logCosts} (round to log cost), in round order; none below {@value #MIN_ROUNDS}. */
    public static List<Far> of(SortedMap<Integer, Double> logCosts) {
        if (logCosts.size() < MIN_ROUNDS) {
            return List.of();
        }
        double[] x = logCosts.values().stream().mapToDouble(Double::doubleValue).toArray();
        double median = Stats.median(x);
        double mad = Stats.median(Arrays.stream(x).map(v -> Math.abs(v - median)).toArray());
        if (!(mad > 0)) {
            return List.of(); // half the rounds or more are equal: no spread to measure a far one by
        }
        List<Far> far = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : logCosts.entrySet()) {
            double deviation = e.getValue() - median;
            if (Math.abs(MAD_TO_Z * deviation / mad) > LIMIT) {
                far.add(new Far(e.getKey(), deviation));
            }
        }
        return far;
    }
}
