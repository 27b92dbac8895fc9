package io.isobench.compare.stats;

import java.util.Map;

/** JMH score units ({@code ns/op}, {@code ops/s} ...): conversion between them and to nanoseconds per operation. */
public final class Units {

    private static final Map<String, Double> NANOS = Map.of(
            "ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9, "hr", 3600e9, "day", 86400e9);

    private Units() {
    }

    /**
     * The factor that turns a score in {@code from} into one in {@code to}, or NaN when the two cannot be
     * converted (one is a time per operation, the other a throughput, or either is unknown).
     */
    public static double factor(String from, String to) {
        if (from.equals(to)) {
            return 1.0;
        }
        Double fromPerOp = timePerOp(from);
        Double toPerOp = timePerOp(to);
        if (fromPerOp != null && toPerOp != null) {
            return fromPerOp / toPerOp;
        }
        Double fromThrpt = opsPerTime(from);
        Double toThrpt = opsPerTime(to);
        if (fromThrpt != null && toThrpt != null) {
            return toThrpt / fromThrpt;
        }
        return Double.NaN;
    }

    /** The score as nanoseconds per operation, or NaN when the unit is not a time or a throughput. */
    public static double toNanosPerOp(double score, String unit) {
        Double perOp = timePerOp(unit);
        if (perOp != null) {
            return score * perOp;
        }
        Double thrpt = opsPerTime(unit);
        if (thrpt != null) {
            return thrpt / score;
        }
        return Double.NaN;
    }

    /** Nanoseconds in the time of {@code <time>/op}, or null. */
    private static Double timePerOp(String unit) {
        return unit.endsWith("/op") ? NANOS.get(unit.substring(0, unit.length() - 3)) : null;
    }

    /** Nanoseconds in the time of {@code ops/<time>}, or null. */
    private static Double opsPerTime(String unit) {
        return unit.startsWith("ops/") ? NANOS.get(unit.substring(4)) : null;
    }
}
