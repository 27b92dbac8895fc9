package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.Unsteady;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the rows whose measured iterations still trended, the sign of a warm-up too short for the environment (a
 * 22 ms process spawn gets ten times fewer warm-up calls in gVisor than on the host in the same time). Per fork the
 * change from the first to the last measured iteration of the primary metric, {@code (last - first) / first} (a
 * sample-mode iteration counts as its mean); a row is unsteady when that change exceeds {@value #THRESHOLD} in at least
 * {@value #SHARE} of its forks (rounded up: all of them below five forks), in one direction, and no fork exceeds it in
 * the other. See {@link Unsteady}.
 */
public final class SteadyState {

    /** The change between the first and the last measured iteration that counts as a trend. */
    static final double THRESHOLD = 0.10;
    /** The share of forks that must trend, all the same way. */
    static final double SHARE = 0.8;

    private SteadyState() {
    }

    /** The unsteady rows among {@code results} (JMH's JSON entries) of the given benchmarks. */
    public static List<Unsteady> unsteady(JsonNode results, Set<String> benchmarks) {
        List<Unsteady> found = new ArrayList<>();
        for (JsonNode entry : results) {
            String benchmark = entry.path("benchmark").asText();
            if (!benchmarks.contains(benchmark)) {
                continue;
            }
            List<Double> changes = changes(entry.path("primaryMetric"));
            if (trends(changes)) {
                found.add(new Unsteady(benchmark, ClaimCheck.params(entry), median(changes), changes));
            }
        }
        return found;
    }

    /** Whether the forks' changes (null: a fork with fewer than two iterations) make a trend. */
    static boolean trends(List<Double> changes) {
        List<Double> known = changes.stream().filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return false;
        }
        long up = known.stream().filter(c -> c > THRESHOLD).count();
        long down = known.stream().filter(c -> c < -THRESHOLD).count();
        long needed = (long) Math.ceil(SHARE * known.size() - 1e-9);
        return (up >= needed && down == 0) || (down >= needed && up == 0);
    }

    /** Each fork's change from its first to its last measured iteration, null where it has fewer than two. */
    static List<Double> changes(JsonNode primary) {
        List<Double> changes = new ArrayList<>();
        JsonNode histogram = primary.path("rawDataHistogram");
        JsonNode raw = histogram.isArray() ? histogram : primary.path("rawData");
        for (JsonNode fork : raw) {
            if (fork.size() < 2) {
                changes.add(null);
                continue;
            }
            double first = iterationValue(fork.get(0));
            double last = iterationValue(fork.get(fork.size() - 1));
            changes.add(first != 0 && Double.isFinite(first) && Double.isFinite(last) ? (last - first) / first : null);
        }
        return changes;
    }

    /** An iteration's value: a number, or a sample-mode histogram's mean ({@code [[value, count], ...]}). */
    private static double iterationValue(JsonNode iteration) {
        if (!iteration.isArray()) {
            return iteration.asDouble(Double.NaN);
        }
        double sum = 0;
        double count = 0;
        for (JsonNode bin : iteration) {
            sum += bin.path(0).asDouble() * bin.path(1).asDouble();
            count += bin.path(1).asDouble();
        }
        return count > 0 ? sum / count : Double.NaN;
    }

    private static double median(List<Double> changes) {
        double[] sorted = changes.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
