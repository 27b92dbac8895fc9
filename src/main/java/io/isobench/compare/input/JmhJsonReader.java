package io.isobench.compare.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.isobench.compare.CompareException;
import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads JMH's JSON output ({@code -rf json}) into {@link BenchmarkResult}s. Scores may be JMH's strings "NaN",
 * "+INF", "-INF" (kept as the doubles they name); secondary metric names lose the old {@code ·} prefix; a benchmark
 * that appears twice, an entry without a benchmark name, mode or primary score, and a file with no entries are
 * errors. An interleaved run adds {@value #ROUNDS} to an entry: the round of each fork, kept with every metric.
 * The file is read as a stream through {@link UntrustedFile} (a regular file, at most {@link Json#MAX_BYTES}), one
 * entry at a time, so that a bad entry is refused where it stands and a file of more than {@value #MAX_ENTRIES}
 * entries is refused without reading the rest.
 */
public final class JmhJsonReader {

    /** The names of the percentiles JMH adds to a sample-mode result ({@code p0.50}, {@code p0.9999}, {@code p1.00}). */
    private static final Pattern JMH_PERCENTILE = Pattern.compile("p[01]\\.[0-9]+");
    /** The percentiles compared beside a sample-mode mean (the median and the tail), by JMH's name, and their names here. */
    static final Map<String, String> TAILS = Map.of("p0.50", "p50", "p0.99", "p99");

    /** The field an interleaved run adds to each entry: the round of each fork, in rawData order. */
    public static final String ROUNDS = io.isobench.suite.RoundMerge.ROUNDS;

    /** Far more entries than any run has (the full suite has about a hundred): beyond, a file is not JMH output. */
    static final int MAX_ENTRIES = 100_000;

    /** Reads one entry of the array: the entries after it are not "trailing tokens". */
    private static final ObjectReader ENTRY = Json.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JmhJsonReader() {
    }

    public static List<BenchmarkResult> read(Path file) throws CompareException {
        return read(file, MAX_ENTRIES);
    }

    static List<BenchmarkResult> read(Path file, int maxEntries) throws CompareException {
        try (JsonParser parser = Json.MAPPER.createParser(UntrustedFile.open(file, Json.MAX_BYTES))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new CompareException(file, "is empty");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new CompareException(file, "is not JMH JSON output (expected an array of benchmark results)");
            }
            List<BenchmarkResult> results = new ArrayList<>();
            Set<BenchmarkKey> seen = new HashSet<>();
            int index = 0;
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new CompareException(file, "truncated JSON (the array of results does not end)");
                }
                index++;
                if (index > maxEntries) {
                    throw new CompareException(file, "has more than " + maxEntries + " entries, far more than a JMH run"
                            + " writes; not read further");
                }
                BenchmarkResult result = entry(file, index, ENTRY.readTree(parser));
                if (!seen.add(result.key())) {
                    throw new CompareException(file, "benchmark " + result.key() + " appears twice");
                }
                results.add(result);
            }
            if (parser.nextToken() != null) {
                throw new CompareException(file, "malformed JSON (content after the array of results)");
            }
            if (results.isEmpty()) {
                throw new CompareException(file, "holds no benchmark results");
            }
            return results;
        } catch (IOException e) {
            throw Json.failure(file, e);
        } catch (OutOfMemoryError e) {
            throw Json.tooBig(file);
        }
    }

    private static BenchmarkResult entry(Path file, int index, JsonNode entry) throws CompareException {
        String where = "entry " + index;
        if (entry == null || !entry.isObject()) {
            throw new CompareException(file, where + " is not an object");
        }
        String benchmark = text(entry, "benchmark");
        if (benchmark == null || benchmark.isBlank()) {
            throw new CompareException(file, where + " has no benchmark name");
        }
        where = "benchmark " + benchmark;
        String mode = text(entry, "mode");
        if (mode == null || mode.isBlank()) {
            throw new CompareException(file, where + " has no mode");
        }
        Map<String, String> params = new TreeMap<>();
        JsonNode paramsNode = entry.get("params");
        if (paramsNode != null && !paramsNode.isNull()) {
            if (!paramsNode.isObject()) {
                throw new CompareException(file, where + " has params that are not an object");
            }
            for (Map.Entry<String, JsonNode> field : paramsNode.properties()) {
                params.put(field.getKey(), field.getValue().asText());
            }
        }
        BenchmarkKey key = new BenchmarkKey(benchmark, mode, new TreeMap<>(params));
        JsonNode primaryNode = entry.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject()) {
            throw new CompareException(file, "benchmark " + key + " has no primaryMetric");
        }
        int[] rounds = rounds(file, "benchmark " + key, entry.get(ROUNDS));
        Metric primary = metric(file, "benchmark " + key + " primaryMetric", primaryNode, rounds);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        JsonNode secondaryNode = entry.get("secondaryMetrics");
        if (secondaryNode != null && secondaryNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : secondaryNode.properties()) {
                String name = normaliseSecondaryName(field.getKey());
                if (JMH_PERCENTILE.matcher(name).matches()) {
                    // Sample mode: JMH adds each iteration's percentiles as secondary metrics (p0.00 ... p1.00). The
                    // median and the 99th are compared beside the mean, per fork or round like it; the rest is left out.
                    name = TAILS.get(name);
                    if (name == null) {
                        continue;
                    }
                }
                if (field.getValue().isObject()) {
                    secondary.put(name, metric(file, "benchmark " + key + " secondary metric " + name,
                            field.getValue(), rounds));
                }
            }
        }
        return new BenchmarkResult(key, primary, secondary);
    }

    /** Older JMH versions prefix secondary metric names with a middle dot ({@code ·gc.alloc.rate}). */
    static String normaliseSecondaryName(String name) {
        String n = name;
        while (true) {
            if (n.startsWith("\u00c2\u00b7")) { // the middle dot read with the wrong charset
                n = n.substring(2);
            } else if (n.startsWith("\u00b7") || n.startsWith(":")) {
                n = n.substring(1);
            } else {
                return n;
            }
        }
    }

    /** The rounds of an interleaved run's forks, one per rawData element; null when the entry has none. */
    private static int[] rounds(Path file, String where, JsonNode node) throws CompareException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new CompareException(file, where + " has " + ROUNDS + " that is not a list");
        }
        int[] rounds = new int[node.size()];
        for (int i = 0; i < rounds.length; i++) {
            if (!node.get(i).canConvertToInt()) {
                throw new CompareException(file, where + " has a non-integer round in " + ROUNDS);
            }
            rounds[i] = node.get(i).intValue();
        }
        return rounds;
    }

    private static Metric metric(Path file, String where, JsonNode node, int[] rounds) throws CompareException {
        Double score = Json.number(node.get("score"));
        if (score == null) {
            throw new CompareException(file, where + " has no numeric score");
        }
        Double error = Json.number(node.get("scoreError"));
        String unit = text(node, "scoreUnit");
        if (unit == null || unit.isBlank()) {
            throw new CompareException(file, where + " has no scoreUnit");
        }
        double[][] forks;
        JsonNode raw = node.get("rawData");
        JsonNode histogram = node.get("rawDataHistogram");
        if (raw != null && raw.isArray()) {
            forks = rawData(file, where, raw);
        } else if (histogram != null && histogram.isArray()) {
            forks = histogram(file, where, histogram);
        } else {
            forks = new double[0][];
        }
        if (rounds != null && forks.length > 0 && rounds.length != forks.length) {
            throw new CompareException(file, where + " has " + forks.length + " forks but " + rounds.length
                    + " entries in " + ROUNDS);
        }
        return new Metric(score, error == null ? Double.NaN : error, unit.trim(), forks,
                forks.length == 0 ? null : rounds);
    }

    private static double[][] rawData(Path file, String where, JsonNode raw) throws CompareException {
        double[][] forks = new double[raw.size()][];
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            if (!fork.isArray()) {
                throw new CompareException(file, where + " has rawData that is not a list of lists");
            }
            forks[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                Double v = Json.number(fork.get(i));
                if (v == null) {
                    throw new CompareException(file, where + " has a non-numeric rawData value");
                }
                forks[f][i] = v;
            }
        }
        return forks;
    }

    /** Sample mode: per fork, per iteration, a list of [value, count]; each iteration becomes its mean. */
    private static double[][] histogram(Path file, String where, JsonNode raw) throws CompareException {
        double[][] forks = new double[raw.size()][];
        for (int f = 0; f < raw.size(); f++) {
            JsonNode fork = raw.get(f);
            if (!fork.isArray()) {
                throw new CompareException(file, where + " has rawDataHistogram that is not a list of lists");
            }
            forks[f] = new double[fork.size()];
            for (int i = 0; i < fork.size(); i++) {
                double sum = 0;
                double count = 0;
                for (JsonNode bin : fork.get(i)) {
                    Double value = bin.isArray() && bin.size() == 2 ? Json.number(bin.get(0)) : null;
                    Double n = bin.isArray() && bin.size() == 2 ? Json.number(bin.get(1)) : null;
                    if (value == null || n == null) {
                        throw new CompareException(file, where + " has a malformed rawDataHistogram bin");
                    }
                    sum += value * n;
                    count += n;
                }
                forks[f][i] = count == 0 ? Double.NaN : sum / count;
            }
        }
        return forks;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }
}
