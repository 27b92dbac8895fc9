package io.isobench.compare.model;

import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.Metric;
import io.isobench.compare.stats.Format;
import io.isobench.evidence.Evidence;
import io.isobench.schema.Contradiction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One kind of evidence of a row ({@link Evidence}: device reads, minor faults per operation, huge-page coverage, the
 * share of wake-ups on one CPU) on both sides of its comparison, as each side's jmh.json shows it. Evidence says what
 * work a row did, not how fast: it is shown beside the row and decides whether the row is comparable, but it is never
 * tested for faster or slower. A side is null where that environment has no such evidence.
 */
public record RowEvidence(Evidence kind, Side environment, Side baseline) {

    /**
     * The evidence of one environment: its value over all forks (the numerator metric's sum over the denominator's;
     * null when nothing was counted), the same per round of an interleaved run ({@code byRound}) or else per fork
     * (numbered from 1), and the claims of the row it contradicts there (empty when it keeps them).
     */
    public record Side(Double value, boolean byRound, SortedMap<Integer, Double> samples, List<String> contradicts) {

        public Side {
            samples = Collections.unmodifiableSortedMap(new TreeMap<>(samples));
            contradicts = List.copyOf(contradicts);
        }

        /**
         * The evidence of this kind in a result, with the contradictions of its claims; null when the result has neither
         * its metrics nor a contradiction of this kind.
         */
        static Side of(Evidence kind, BenchmarkResult result, List<Contradiction> contradictions) {
            List<String> broken = contradictions.stream().filter(c -> c.evidence().equals(kind.id()))
                    .map(Contradiction::claim).distinct().toList();
            Metric numerator = result == null ? null : result.secondary().get(kind.numerator());
            Metric denominator = result == null ? null : result.secondary().get(kind.denominator());
            if (numerator == null || denominator == null || numerator.forks().length != denominator.forks().length) {
                if (broken.isEmpty()) {
                    return null;
                }
                Double value = contradictions.stream().filter(c -> c.evidence().equals(kind.id())).findFirst()
                        .map(Contradiction::value).orElse(null);
                return new Side(value, false, new TreeMap<>(), broken);
            }
            boolean byRound = numerator.rounds().length == numerator.forks().length && numerator.rounds().length > 0;
            TreeMap<Integer, double[]> sums = new TreeMap<>();
            double top = 0;
            double bottom = 0;
            for (int fork = 0; fork < numerator.forks().length; fork++) {
                double n = sum(numerator.forks()[fork]);
                double d = sum(denominator.forks()[fork]);
                double[] sample = sums.computeIfAbsent(byRound ? numerator.rounds()[fork] : fork + 1, k -> new double[2]);
                sample[0] += n;
                sample[1] += d;
                top += n;
                bottom += d;
            }
            TreeMap<Integer, Double> samples = new TreeMap<>();
            sums.forEach((at, sample) -> samples.put(at, sample[1] > 0 ? sample[0] / sample[1] : null));
            return new Side(bottom > 0 ? top / bottom : null, byRound, samples, broken);
        }

        public boolean contradicted() {
            return !contradicts.isEmpty();
        }

        /** The value in words, {@code 0 B device reads per op}. */
        public String text(Evidence kind) {
            return RowEvidence.text(kind, value);
        }

        /** Each round's (or fork's) value, {@code rounds 1–3: 0 B, 0 B, 0 B}; empty with fewer than two. */
        public String samplesText(Evidence kind) {
            if (samples.size() < 2) {
                return "";
            }
            List<String> values = new ArrayList<>();
            samples.values().forEach(v -> values.add(number(kind, v)));
            return (byRound ? "rounds " : "forks ") + samples.firstKey() + "\u2013" + samples.lastKey() + ": "
                    + String.join(", ", values);
        }

        private static double sum(double[] values) {
            double total = 0;
            for (double v : values) {
                total += v;
            }
            return total;
        }
    }

    /** Every kind of evidence either result carries (or either side contradicts), in {@link Evidence}'s order. */
    static List<RowEvidence> of(BenchmarkResult env, List<Contradiction> envContradictions, BenchmarkResult base,
                                List<Contradiction> baseContradictions) {
        List<RowEvidence> all = new ArrayList<>();
        for (Evidence kind : Evidence.values()) {
            Side e = Side.of(kind, env, envContradictions);
            Side b = Side.of(kind, base, baseContradictions);
            if (e != null || b != null) {
                all.add(new RowEvidence(kind, e, b));
            }
        }
        return all;
    }

    /** Whether either side contradicts a claim of the row with this evidence. */
    public boolean contradicted() {
        return (environment != null && environment.contradicted()) || (baseline != null && baseline.contradicted());
    }

    /** A value of this kind in words: {@code 4,096 B device reads per op}, {@code 98.4 % huge-page coverage}. */
    public static String text(Evidence kind, Double value) {
        if (value == null) {
            return "nothing counted (no " + kind.denominator() + ")";
        }
        String words = switch (kind) {
            case DEVICE_READ_BYTES_PER_OP -> " device reads per op";
            case DEVICE_WRITE_BYTES_PER_OP -> " device writes per op";
            case WRITE_CALLS_PER_OP -> " write calls per op";
            case DEVICE_FLUSHES_PER_OP -> " disk cache flushes per op";
            case MINOR_FAULTS_PER_OP -> " minor faults per op";
            case HUGE_PAGE_COVERAGE -> " huge-page coverage";
            case SAME_CPU_FRACTION -> " of wake-ups on one CPU";
            case SERVICE_CALLS_PER_REQUEST -> " read and write calls of the service per request";
        };
        return number(kind, value) + words;
    }

    /** A value of this kind without its words: {@code 4,096 B}, {@code 0.0625}, {@code 98.4 %}. */
    public static String number(Evidence kind, Double value) {
        if (value == null) {
            return Format.DASH;
        }
        return switch (kind) {
            case DEVICE_READ_BYTES_PER_OP, DEVICE_WRITE_BYTES_PER_OP -> Format.num(value) + " B";
            case MINOR_FAULTS_PER_OP, WRITE_CALLS_PER_OP, DEVICE_FLUSHES_PER_OP, SERVICE_CALLS_PER_REQUEST -> Format.num(value);
            case HUGE_PAGE_COVERAGE, SAME_CPU_FRACTION -> Format.pct(value);
        };
    }

    /** Each environment's evidence of one row, by label: the sides' texts, for a sentence. */
    static String sideBySide(Evidence kind, Map<String, Side> sides) {
        List<String> parts = new ArrayList<>();
        sides.forEach((label, side) -> parts.add(label + ": " + (side == null ? "none recorded" : side.text(kind))));
        return String.join("; ", parts);
    }
}
