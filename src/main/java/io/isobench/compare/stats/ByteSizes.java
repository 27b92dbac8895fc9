package io.isobench.compare.stats;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte sizes: parsing {@code 512MiB}, {@code 64GiB}, {@code 2G}, {@code 1.5TB}, {@code 4096}, and formatting. */
public final class ByteSizes {

    private static final Pattern SIZE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*");
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private ByteSizes() {
    }

    /**
     * Bytes in a size: a number with an optional unit, binary ({@code KiB MiB GiB TiB}, or {@code K M G T}) or
     * decimal ({@code kB MB GB TB}), case-insensitive; no unit or {@code B} is bytes.
     *
     * @throws IllegalArgumentException when the text is not a size
     */
    public static long parse(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not a size: " + text + " (use e.g. 512MiB or 64GiB)");
        }
        double number = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        double factor = switch (unit) {
            case "", "b" -> 1;
            case "k", "ki", "kib" -> 1L << 10;
            case "m", "mi", "mib" -> 1L << 20;
            case "g", "gi", "gib" -> 1L << 30;
            case "t", "ti", "tib" -> 1L << 40;
            case "kb" -> 1e3;
            case "mb" -> 1e6;
            case "gb" -> 1e9;
            case "tb" -> 1e12;
            default -> throw new IllegalArgumentException("not a size: " + text + " (use e.g. 512MiB or 64GiB)");
        };
        double bytes = number * factor;
        if (bytes < 1 || bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("not a usable size: " + text);
        }
        return (long) bytes;
    }

    /** {@code 1.50 GiB}, {@code 312 MiB}, {@code 900 B}; an em dash for NaN. */
    public static String format(double bytes) {
        if (!Double.isFinite(bytes)) {
            return "\u2014";
        }
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return String.format(Locale.ROOT, "%.0f B", value);
        }
        if (value == Math.rint(value) || value >= 100) {
            return String.format(Locale.ROOT, "%.0f %s", value, BINARY[unit]);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f %s" : "%.2f %s", value, BINARY[unit]);
    }
}
