package io.isobench.launcher.density;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MemAvailable that a density run keeps free. Checked before each start: the next instance is predicted to cost
 * as much as the dearest instance so far (nothing is known before the first, which is refused only when the host is
 * below the floor already), and it is not started when MemAvailable less that prediction would fall below the floor.
 */
public record Floor(long bytes, String asked) {

    /** The default: keep a quarter of MemTotal free. */
    public static final String DEFAULT = "25%";

    /**
     * Parses {@code --keep-free}: a percentage of MemTotal ({@code 25%}) or a size ({@code 4g}, {@code 512m},
     * {@code 1048576}).
     */
    public static Floor parse(String text, long memTotalBytes) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("%")) {
                double pct = Double.parseDouble(t.substring(0, t.length() - 1));
                if (!(pct >= 0 && pct < 100)) {
                    throw new IllegalArgumentException("--keep-free must be a percentage from 0 to below 100, got " + text);
                }
                return new Floor(Math.round(memTotalBytes * pct / 100), text);
            }
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1;
            };
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            long bytes = Math.multiplyExact(Long.parseLong(digits), unit);
            if (bytes < 0 || bytes >= memTotalBytes) {
                throw new IllegalArgumentException("--keep-free must be below MemTotal (" + memTotalBytes / (1 << 20)
                        + " MiB), got " + text);
            }
            return new Floor(bytes, text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("--keep-free must be a percentage (25%) or a size (4g, 512m), got '" + text + "'");
        }
    }

    /**
     * The floor for one kind's series: this one, or {@code baseline - budget} where that is higher ({@code --budget}:
     * the most memory the kind's instances may take together, from MemAvailable before the first).
     */
    public Floor forSeries(long baselineBytes, Long budgetBytes, String budgetText) {
        if (budgetBytes == null || baselineBytes - budgetBytes <= bytes) {
            return this;
        }
        return new Floor(baselineBytes - budgetBytes, asked + ", raised by --budget " + budgetText + " from a baseline of "
                + mib(baselineBytes) + " MiB");
    }

    /** Parses {@code --budget}: a size ({@code 4g}, {@code 512m}). */
    public static long parseBudget(String text, long memTotalBytes) {
        Floor parsed = parse(text, memTotalBytes);
        if (text.strip().endsWith("%") || parsed.bytes() == 0) {
            throw new IllegalArgumentException("--budget must be a size above 0 (512m, 4g), got '" + text + "'");
        }
        return parsed.bytes();
    }

    /** What the next instance is expected to cost: the largest marginal cost so far, 0 before the first. */
    public static long predictedNextBytes(List<Long> marginals) {
        return Math.max(0, marginals.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /** Why the next instance must not start, or empty when it may. */
    public Optional<String> refuse(long availableBytes, List<Long> marginals) {
        long predicted = predictedNextBytes(marginals);
        long after = availableBytes - predicted;
        if (after >= bytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "floor: MemAvailable %d MiB less the predicted %d MiB of the next "
                + "instance would fall below the floor of %d MiB (--keep-free %s)", mib(availableBytes), mib(predicted),
                mib(bytes), asked));
    }

    private static long mib(long bytes) {
        return Math.round(bytes / 1048576.0);
    }
}
