package io.isobench.compare.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.TextNode;
import io.isobench.compare.CompareException;
import io.isobench.schema.UntrustedFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /** Far more entries than any run has (the full suite has about a hundred, with its parameters a few hundred): beyond, a file is not JMH output. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * Far more samples than one metric of a run has (100 forks of 1000 iterations are 100 000): beyond, a file is
     * not JMH output, and its numbers would fill the heap (see {@link io.isobench.compare.stats.Stats} for what the
     * comparison does with many samples).
     */
    static final int MAX_SAMPLES = 1_000_000;

    /** Far more forks tagged with their round than a run has: ten thousand rounds of one class would take weeks. */
    static final int MAX_ROUNDS = 100_000;

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
                BenchmarkResult result = new Entry(file, index).read(parser);
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

    /**
     * One entry, read token by token: the per-iteration scores go straight into arrays of doubles (a tree would hold
     * an object per number, several times the file's size), at most {@value #MAX_SAMPLES} of them per metric.
     */
    private static final class Entry {
        private final Path file;
        private final int index;
        private String benchmark;
        private String mode;
        private final Map<String, String> params = new TreeMap<>();
        private int[] rounds;
        private RawMetric primary;
        private final Map<String, RawMetric> secondary = new LinkedHashMap<>();

        Entry(Path file, int index) {
            this.file = file;
            this.index = index;
        }

        /** Where a problem is, as far as the entry is known yet: its benchmark key, else its position. */
        private String where() {
            return benchmark == null || benchmark.isBlank() || mode == null || mode.isBlank() ? "entry " + index
                    : "benchmark " + new BenchmarkKey(benchmark, mode, new TreeMap<>(params));
        }

        private CompareException problem(String what) {
            return new CompareException(file, where() + " " + what);
        }

        BenchmarkResult read(JsonParser p) throws IOException, CompareException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new CompareException(file, "entry " + index + " is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "benchmark" -> benchmark = text(p);
                    case "mode" -> mode = text(p);
                    case "params" -> params(p, value);
                    case ROUNDS -> rounds = rounds(p, value);
                    case "primaryMetric" -> primary = value == JsonToken.START_OBJECT ? metric(p, "primaryMetric") : skip(p);
                    case "secondaryMetrics" -> secondaryMetrics(p, value);
                    default -> p.skipChildren();
                }
            }
            if (benchmark == null || benchmark.isBlank()) {
                throw new CompareException(file, "entry " + index + " has no benchmark name");
            }
            if (mode == null || mode.isBlank()) {
                throw new CompareException(file, "benchmark " + benchmark + " has no mode");
            }
            BenchmarkKey key = new BenchmarkKey(benchmark, mode, new TreeMap<>(params));
            if (primary == null) {
                throw new CompareException(file, "benchmark " + key + " has no primaryMetric");
            }
            Map<String, Metric> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, RawMetric> m : secondary.entrySet()) {
                metrics.put(m.getKey(), m.getValue().metric(file, "benchmark " + key + " secondary metric " + m.getKey(),
                        rounds));
            }
            Metric metric = primary.metric(file, "benchmark " + key + " primaryMetric", rounds);
            return new BenchmarkResult(key, metric, metrics, primary.distribution(metric.unit()));
        }

        private void params(JsonParser p, JsonToken value) throws IOException, CompareException {
            if (value == JsonToken.VALUE_NULL) {
                return;
            }
            if (value != JsonToken.START_OBJECT) {
                p.skipChildren();
                throw problem("has params that are not an object");
            }
            for (Map.Entry<String, JsonNode> field : ENTRY.<JsonNode>readTree(p).properties()) {
                params.put(field.getKey(), field.getValue().asText());
            }
        }

        /** The rounds of an interleaved run's forks, one per rawData element; null when the entry has none. */
        private int[] rounds(JsonParser p, JsonToken value) throws IOException, CompareException {
            if (value == JsonToken.VALUE_NULL) {
                return null;
            }
            if (value != JsonToken.START_ARRAY) {
                p.skipChildren();
                throw problem("has " + ROUNDS + " that is not a list");
            }
            Samples list = new Samples(where() + " " + ROUNDS, MAX_ROUNDS, "rounds, more than any run measures");
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                double round = token.isNumeric() ? p.getDoubleValue() : Double.NaN;
                if (round != Math.rint(round) || Math.abs(round) > Integer.MAX_VALUE) {
                    p.skipChildren();
                    throw problem("has a non-integer round in " + ROUNDS);
                }
                list.add(round);
                list.count(file);
            }
            return list.ints();
        }

        private void secondaryMetrics(JsonParser p, JsonToken value) throws IOException, CompareException {
            if (value != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = normaliseSecondaryName(p.currentName());
                JsonToken token = p.nextToken();
                if (JMH_PERCENTILE.matcher(name).matches()) {
                    // Sample mode: JMH adds each iteration's percentiles as secondary metrics (p0.00 ... p1.00). The
                    // median and the 99th are compared beside the mean, per fork or round like it; the rest is left out.
                    name = TAILS.get(name);
                    if (name == null) {
                        p.skipChildren();
                        continue;
                    }
                }
                if (token == JsonToken.START_OBJECT) {
                    secondary.put(name, metric(p, "secondary metric " + name));
                } else {
                    p.skipChildren();
                }
            }
        }

        /** The count of a metric's samples, refused beyond {@value #MAX_SAMPLES}. */
        private Samples samples(String what) {
            return new Samples(where() + " " + what, MAX_SAMPLES, "samples, far more than a JMH run writes (100 forks"
                    + " of 1000 iterations are 100000)");
        }

        private RawMetric metric(JsonParser p, String what) throws IOException, CompareException {
            Double score = null;
            Double error = null;
            String unit = null;
            double[][] raw = null;
            double[][] histogram = null;
            Map<Double, Double> bins = new HashMap<>();
            Map<Double, Double> percentiles = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "score" -> score = number(p);
                    case "scoreError" -> error = number(p);
                    case "scoreUnit" -> unit = text(p);
                    case "rawData" -> raw = value == JsonToken.START_ARRAY ? rawData(p, what) : skip(p);
                    case "rawDataHistogram" -> histogram = value == JsonToken.START_ARRAY ? histogram(p, what, bins)
                            : skip(p);
                    case "scorePercentiles" -> percentiles(p, value, percentiles);
                    default -> p.skipChildren();
                }
            }
            return new RawMetric(score, error, unit, raw != null ? raw : histogram != null ? histogram : new double[0][],
                    histogram != null || !percentiles.isEmpty(), bins, percentiles);
        }

        /** JMH's percentiles of a sample-mode metric ({@code "99.9": value}); a key or value that is not a number is left out. */
        private void percentiles(JsonParser p, JsonToken value, Map<Double, Double> into) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                Double v = number(p);
                try {
                    double percent = Double.parseDouble(name);
                    if (v != null && percent >= 0 && percent <= 100) {
                        into.put(percent, v);
                    }
                } catch (NumberFormatException e) {
                    // Not a percentile: left out.
                }
            }
        }

        private double[][] rawData(JsonParser p, String what) throws IOException, CompareException {
            List<double[]> forks = new ArrayList<>();
            Samples count = samples(what);
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    throw problem(what + " has rawData that is not a list of lists");
                }
                Samples fork = new Samples(null, Integer.MAX_VALUE, null);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Double v = number(p);
                    if (v == null) {
                        throw problem(what + " has a non-numeric rawData value");
                    }
                    fork.add(v);
                    count.count(file);
                }
                forks.add(fork.doubles());
            }
            return forks.toArray(new double[0][]);
        }

        /**
         * Sample mode: per fork, per iteration, a list of [value, count]; each iteration becomes its mean, and every
         * bin is pooled into {@code bins} (value to count) for the distribution.
         */
        private double[][] histogram(JsonParser p, String what, Map<Double, Double> bins)
                throws IOException, CompareException {
            List<double[]> forks = new ArrayList<>();
            Samples count = samples(what);
            JsonToken token;
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    throw problem(what + " has rawDataHistogram that is not a list of lists");
                }
                Samples fork = new Samples(null, Integer.MAX_VALUE, null);
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (token != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        throw problem(what + " has a malformed rawDataHistogram bin");
                    }
                    double sum = 0;
                    double n = 0;
                    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                        Double value = null;
                        Double weight = null;
                        if (token == JsonToken.START_ARRAY) {
                            p.nextToken();
                            value = number(p);
                            p.nextToken();
                            weight = number(p);
                            if (p.nextToken() != JsonToken.END_ARRAY) {
                                value = null;
                            }
                        }
                        if (value == null || weight == null) {
                            p.skipChildren();
                            throw problem(what + " has a malformed rawDataHistogram bin");
                        }
                        sum += value * weight;
                        n += weight;
                        bins.merge(value, weight, Double::sum);
                    }
                    fork.add(n == 0 ? Double.NaN : sum / n);
                    count.count(file);
                }
                forks.add(fork.doubles());
            }
            return forks.toArray(new double[0][]);
        }
    }

    /**
     * A metric as read, before the entry's rounds are known; a sample-mode metric ({@code sampled}) with its pooled
     * histogram bins and JMH's percentiles.
     */
    private record RawMetric(Double score, Double error, String unit, double[][] forks, boolean sampled,
                             Map<Double, Double> bins, Map<Double, Double> percentiles) {

        /** The distribution of a sample-mode metric, in its unit; null for other modes. */
        SampleDistribution distribution(String trimmedUnit) {
            return sampled ? SampleDistribution.of(trimmedUnit, bins, percentiles) : null;
        }

        Metric metric(Path file, String where, int[] rounds) throws CompareException {
            if (score == null) {
                throw new CompareException(file, where + " has no numeric score");
            }
            if (unit == null || unit.isBlank()) {
                throw new CompareException(file, where + " has no scoreUnit");
            }
            if (rounds != null && forks.length > 0 && rounds.length != forks.length) {
                throw new CompareException(file, where + " has " + forks.length + " forks but " + rounds.length
                        + " entries in " + ROUNDS);
            }
            return new Metric(score, error == null ? Double.NaN : error, unit.trim(), forks,
                    forks.length == 0 ? null : rounds);
        }
    }

    /** A growing list of numbers, and a count of them that refuses more than {@code limit}. */
    private static final class Samples {
        private final String where;
        private final int limit;
        private final String why;
        private double[] values = new double[16];
        private int size;
        private int counted;

        Samples(String where, int limit, String why) {
            this.where = where;
            this.limit = limit;
            this.why = why;
        }

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void count(Path file) throws CompareException {
            if (++counted > limit) {
                throw new CompareException(file, where + " has more than " + limit + " " + why + "; not read further");
            }
        }

        double[] doubles() {
            return Arrays.copyOf(values, size);
        }

        int[] ints() {
            int[] ints = new int[size];
            for (int i = 0; i < size; i++) {
                ints[i] = (int) values[i];
            }
            return ints;
        }
    }

    /** Skips the current value (an object or list that is not where it should be); null. */
    private static <T> T skip(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** A score as {@link Json#number} reads it: a JSON number or JMH's NaN and infinities as strings; else null. */
    private static Double number(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return Json.number(TextNode.valueOf(p.getText()));
        }
        p.skipChildren();
        return null;
    }

    /** A scalar's text, or null for null, an object or a list. */
    private static String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** Older JMH versions prefix secondary metric names with a middle dot ({@code ·gc.alloc.rate}). */
    public static String normaliseSecondaryName(String name) {
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
}
