package io.isobench.compare.stats;

/** Whether a bigger score is better: throughput (ops/time) is, time per operation is not. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    /** From the unit when it says ({@code ops/s} or {@code ns/op}), otherwise from the JMH mode. */
    public static Direction of(String mode, String unit) {
        if (unit != null) {
            String u = unit.trim();
            if (u.startsWith("ops/")) {
                return HIGHER_IS_BETTER;
            }
            if (u.endsWith("/op")) {
                return LOWER_IS_BETTER;
            }
        }
        return "thrpt".equals(mode) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /**
     * The relative cost of a score ratio (environment / baseline): above 1 means the environment is slower,
     * whichever way the unit points.
     */
    public double cost(double ratio) {
        return this == HIGHER_IS_BETTER ? 1.0 / ratio : ratio;
    }
}
