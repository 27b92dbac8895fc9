package io.isobench.compare.stats;

import java.util.Locale;

/** Number formatting shared by the reports. */
public final class Format {

    public static final String DASH = "\u2014";

    private Format() {
    }

    /** About four significant digits, without exponent for ordinary magnitudes; NaN and infinities spelled out. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+INF" : "-INF";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e15 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A short plain number without trailing zeros: 0.05, 10, 2.5. */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return num(v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** {@code 45 s}, {@code 12 min}, {@code 2 h 05 min}. */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 90) {
            return s + " s";
        }
        long minutes = Math.round(seconds / 60);
        return minutes < 90 ? minutes + " min"
                : String.format(java.util.Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }

    /** {@code ±5 %}, {@code ±2.5 %}: a fraction (0.05) as a half-width in per cent, to one decimal. */
    public static String plusMinusPercent(double fraction) {
        return "\u00b1" + plain(Math.round(fraction * 1000) / 10.0) + " %";
    }

    /** {@code 1.234 ± 0.05}; the error is left out when unknown. */
    public static String scoreWithError(double score, double error) {
        return Double.isFinite(error) ? num(score) + " \u00b1 " + num(error) : num(score);
    }

    /** {@code ×1.052}. */
    public static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "\u00d7%.3f", r) : DASH;
    }

    /** {@code [0.98, 1.07]}, or empty. */
    public static String interval(double low, double high) {
        return Double.isFinite(low) && Double.isFinite(high)
                ? String.format(Locale.ROOT, "[%.3f, %.3f]", low, high) : "";
    }

    /** {@code +5.2 %} / {@code −3.0 %} for a cost ratio. */
    public static String overhead(double cost) {
        if (!Double.isFinite(cost)) {
            return DASH;
        }
        double pct = (cost - 1) * 100;
        return String.format(Locale.ROOT, "%+.1f %%", pct);
    }

    /**
     * Whether a cost reads better as a multiple ({@code ×15.1}) than as a percentage ({@code +1409.5 %}): from twice
     * the baseline's cost up, or half of it down.
     */
    public static boolean timesScale(double cost) {
        return Double.isFinite(cost) && (cost >= 2 || (cost > 0 && cost <= 0.5));
    }

    /** A cost as {@link #overhead} gives it, or as a multiple ({@code ×15.1}, {@code ×0.42}) when {@code times}. */
    public static String cost(double cost, boolean times) {
        if (!times || !Double.isFinite(cost)) {
            return overhead(cost);
        }
        return String.format(Locale.ROOT, cost >= 1 ? "\u00d7%.1f" : "\u00d7%.2f", cost);
    }

    /** A cost in the scale that reads better for it ({@link #timesScale}). */
    public static String cost(double cost) {
        return cost(cost, timesScale(cost));
    }

    /** A p-value: {@code <0.001} or three decimals. */
    public static String p(double p) {
        if (!Double.isFinite(p)) {
            return DASH;
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    public static String pct(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f %%", fraction * 100) : DASH;
    }

    public static String millis(double ms) {
        if (!Double.isFinite(ms)) {
            return DASH;
        }
        return ms >= 10_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
