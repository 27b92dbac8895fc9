package io.isobench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.evidence.Claim;
import io.isobench.evidence.Evidence;
import io.isobench.schema.Contradiction;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the rows of a benchmark class against what they claim ({@link Claim}): each applicable claim's evidence per
 * fork, the sum of its numerator metric over the sum of its denominator metric in the row's rawData, and the rows where
 * any fork's value is outside the claim's bounds or has nothing to divide by. A row without the evidence's metrics (JMH
 * failed before measuring) is not judged.
 */
public final class ClaimCheck {

    private ClaimCheck() {
    }

    /** The contradicted rows among {@code results} (JMH's JSON entries) of the given benchmarks (full method names). */
    public static List<Contradiction> contradictions(JsonNode results, Set<String> benchmarks) {
        List<Contradiction> found = new ArrayList<>();
        for (JsonNode entry : results) {
            String benchmark = entry.path("benchmark").asText();
            if (benchmarks.contains(benchmark)) {
                found.addAll(check(benchmark, params(entry), metric -> rawData(entry, metric)));
            }
        }
        return found;
    }

    /**
     * The claims of one row that its evidence contradicts. {@code rawData} gives a secondary metric's values per fork
     * and iteration, or null when the row has no metric of that name; the suite reads them from its JSON entries,
     * {@code compare} from the jmh.json it loaded.
     */
    public static List<Contradiction> check(String benchmark, Map<String, String> params,
                                            Function<String, double[][]> rawData) {
        List<Contradiction> found = new ArrayList<>();
        for (Claim claim : claimsOf(benchmark)) {
            if (!applies(claim, params)) {
                continue;
            }
            Evidence evidence = claim.evidence();
            double[][] numerator = rawData.apply(evidence.numerator());
            double[][] denominator = rawData.apply(evidence.denominator());
            if (numerator == null || denominator == null || numerator.length != denominator.length) {
                continue;
            }
            List<Double> forks = new ArrayList<>();
            double top = 0;
            double bottom = 0;
            boolean broken = false;
            for (int fork = 0; fork < numerator.length; fork++) {
                double n = Arrays.stream(numerator[fork]).sum();
                double d = Arrays.stream(denominator[fork]).sum();
                top += n;
                bottom += d;
                Double value = d > 0 ? n / d : null;
                forks.add(value);
                broken |= value == null || !holds(claim, value);
            }
            if (broken) {
                found.add(new Contradiction(benchmark, params, evidence.id(), bottom > 0 ? top / bottom : null, forks,
                        describe(claim)));
            }
        }
        return found;
    }

    /** The claims on a benchmark method and on its class; none when the class is not on the class path. */
    static List<Claim> claimsOf(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        if (dot < 0) {
            return List.of();
        }
        try {
            Class<?> type = Class.forName(benchmark.substring(0, dot), false, ClaimCheck.class.getClassLoader());
            List<Claim> claims = new ArrayList<>(Arrays.asList(type.getAnnotationsByType(Claim.class)));
            for (Method method : type.getMethods()) {
                if (method.getName().equals(benchmark.substring(dot + 1))) {
                    claims.addAll(Arrays.asList(method.getAnnotationsByType(Claim.class)));
                }
            }
            return claims;
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
    }

    /** Whether the claim is about a row with these parameters. */
    static boolean applies(Claim claim, Map<String, String> params) {
        for (String condition : claim.params()) {
            int eq = condition.indexOf('=');
            if (eq <= 0 || !condition.substring(eq + 1).equals(params.get(condition.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }

    static boolean holds(Claim claim, double value) {
        return value >= claim.atLeast() && value <= claim.atMost();
    }

    /** {@code deviceReadBytesPerOp >= 3686.4: each read reaches the block device}. */
    static String describe(Claim claim) {
        List<String> bounds = new ArrayList<>();
        if (claim.atLeast() != Double.NEGATIVE_INFINITY) {
            bounds.add(">= " + plain(claim.atLeast()));
        }
        if (claim.atMost() != Double.POSITIVE_INFINITY) {
            bounds.add("<= " + plain(claim.atMost()));
        }
        return claim.evidence().id() + " " + String.join(" and ", bounds) + ": " + claim.means();
    }

    private static String plain(double value) {
        return new BigDecimal(value).round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
    }

    static Map<String, String> params(JsonNode entry) {
        Map<String, String> params = new LinkedHashMap<>();
        entry.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
        return params;
    }

    /** A secondary metric's rawData (per fork, per iteration), or null when the row has none of that name. */
    private static double[][] rawData(JsonNode entry, String metric) {
        JsonNode raw = entry.path("secondaryMetrics").path(metric).path("rawData");
        if (!raw.isArray()) {
            return null;
        }
        double[][] forks = new double[raw.size()][];
        for (int fork = 0; fork < raw.size(); fork++) {
            JsonNode iterations = raw.get(fork);
            forks[fork] = new double[iterations.size()];
            for (int i = 0; i < iterations.size(); i++) {
                forks[fork][i] = iterations.get(i).asDouble(Double.NaN);
            }
        }
        return forks;
    }
}
