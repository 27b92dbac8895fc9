package io.isobench.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.compare.input.JmhJsonReader;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds small JMH JSON, environment.json and footprint.json files for the tests. */
public final class Fixtures {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    /** One benchmark entry: name, mode, unit, params and per-fork per-iteration scores (or a forced score). */
    public record Bench(String name, String mode, String unit, Map<String, String> params, double[][] raw,
                        Object forcedScore) {

        public Bench withParams(Map<String, String> p) {
            return new Bench(name, mode, unit, p, raw, forcedScore);
        }

        /** The score written as this JSON value instead of the mean (e.g. "NaN"). */
        public Bench withScore(Object score) {
            return new Bench(name, mode, unit, params, raw, score);
        }

        double mean() {
            double sum = 0;
            int n = 0;
            for (double[] fork : raw) {
                for (double v : fork) {
                    sum += v;
                    n++;
                }
            }
            return sum / n;
        }
    }

    /** Normal samples around {@code mean} with standard deviation {@code sd}: 2 forks of 10 iterations. */
    public static Bench bench(String name, String mode, String unit, double mean, double sd, long seed) {
        return bench(name, mode, unit, mean, sd, seed, 2, 10);
    }

    public static Bench bench(String name, String mode, String unit, double mean, double sd, long seed, int forks,
                       int iterations) {
        Random random = new Random(seed);
        double[][] raw = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            for (int i = 0; i < iterations; i++) {
                raw[f][i] = mean + sd * random.nextGaussian();
            }
        }
        return new Bench(name, mode, unit, Map.of(), raw, null);
    }

    public static Bench avgt(String name, double mean, double sd, long seed) {
        return bench(name, "avgt", "ns/op", mean, sd, seed);
    }

    public static Bench thrpt(String name, double mean, double sd, long seed) {
        return bench(name, "thrpt", "ops/s", mean, sd, seed);
    }

    static String json(List<Bench> benches) {
        ArrayNode root = MAPPER.createArrayNode();
        for (Bench b : benches) {
            ObjectNode n = root.addObject();
            n.put("jmhVersion", "1.37");
            n.put("benchmark", b.name());
            n.put("mode", b.mode());
            n.put("threads", 1);
            n.put("forks", b.raw().length);
            n.put("warmupIterations", 2);
            n.put("measurementIterations", b.raw().length == 0 ? 0 : b.raw()[0].length);
            if (!b.params().isEmpty()) {
                ObjectNode params = n.putObject("params");
                b.params().forEach(params::put);
            }
            ObjectNode pm = n.putObject("primaryMetric");
            int count = 0;
            double mean = b.mean();
            double ss = 0;
            for (double[] fork : b.raw()) {
                for (double v : fork) {
                    ss += (v - mean) * (v - mean);
                    count++;
                }
            }
            double error = count > 1 ? 3.3 * Math.sqrt(ss / (count - 1)) / Math.sqrt(count) : Double.NaN;
            if (b.forcedScore() != null) {
                pm.set("score", MAPPER.valueToTree(b.forcedScore()));
            } else {
                pm.put("score", mean);
            }
            if (Double.isNaN(error)) {
                pm.put("scoreError", "NaN");
            } else {
                pm.put("scoreError", error);
            }
            ArrayNode conf = pm.putArray("scoreConfidence");
            conf.add(mean - (Double.isNaN(error) ? 0 : error));
            conf.add(mean + (Double.isNaN(error) ? 0 : error));
            pm.put("scoreUnit", b.unit());
            ArrayNode raw = pm.putArray("rawData");
            for (double[] fork : b.raw()) {
                ArrayNode f = raw.addArray();
                for (double v : fork) {
                    f.add(v);
                }
            }
            n.putObject("secondaryMetrics");
        }
        return root.toPrettyString();
    }

    public static Path writeJmh(Path file, List<Bench> benches) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, json(benches));
        return file;
    }

    /** Adds an interleaved run's {@code isobenchRounds} (one round per fork) to a benchmark of a jmh.json. */
    public static void tagRounds(Path jmhJson, String benchmark, int... rounds) throws IOException {
        ArrayNode root = (ArrayNode) MAPPER.readTree(jmhJson.toFile());
        for (var entry : root) {
            if (entry.get("benchmark").asText().equals(benchmark)) {
                ArrayNode tags = ((ObjectNode) entry).putArray(JmhJsonReader.ROUNDS);
                for (int r : rounds) {
                    tags.add(r);
                }
            }
        }
        Files.writeString(jmhJson, root.toPrettyString());
    }

    /** Copies each entry's primary metric, scaled, as a secondary metric of that name (like JMH's AuxCounters). */
    public static void addSecondary(Path jmhJson, String name, double factor) throws IOException {
        ArrayNode root = (ArrayNode) MAPPER.readTree(jmhJson.toFile());
        for (var entry : root) {
            ObjectNode metric = entry.get("primaryMetric").deepCopy();
            metric.put("score", metric.get("score").asDouble() * factor);
            ArrayNode raw = metric.putArray("rawData");
            entry.get("primaryMetric").get("rawData").forEach(fork -> {
                ArrayNode f = raw.addArray();
                fork.forEach(v -> f.add(v.asDouble() * factor));
            });
            ((ObjectNode) entry.get("secondaryMetrics")).set(name, metric);
        }
        Files.writeString(jmhJson, root.toPrettyString());
    }

    /**
     * Adds evidence counters to a benchmark of a jmh.json as JMH writes {@code @AuxCounters(EVENTS)}: unit {@code #}, the
     * given value in every iteration of every fork, the score their sum.
     */
    public static void addCounters(Path jmhJson, String benchmark, Map<String, Double> perIteration) throws IOException {
        ArrayNode root = (ArrayNode) MAPPER.readTree(jmhJson.toFile());
        for (var entry : root) {
            if (!entry.get("benchmark").asText().equals(benchmark)) {
                continue;
            }
            perIteration.forEach((name, value) -> {
                ObjectNode metric = ((ObjectNode) entry.get("secondaryMetrics")).putObject(name);
                ArrayNode raw = metric.putArray("rawData");
                double sum = 0;
                for (var fork : entry.get("primaryMetric").get("rawData")) {
                    ArrayNode f = raw.addArray();
                    for (int i = 0; i < fork.size(); i++) {
                        f.add(value);
                        sum += value;
                    }
                }
                metric.put("score", sum);
                metric.put("scoreUnit", "#");
            });
        }
        Files.writeString(jmhJson, root.toPrettyString());
    }

    /** One benchmark with one single-iteration fork per round: {@code perRound[i]} is round i + 1's score. */
    public static Bench rounds(String name, double... perRound) {
        double[][] raw = new double[perRound.length][];
        for (int i = 0; i < perRound.length; i++) {
            raw[i] = new double[] {perRound[i]};
        }
        return new Bench(name, "avgt", "ns/op", Map.of(), raw, null);
    }

    /** A plausible environment.json for an environment. */
    public static Map<String, Object> fingerprint(String env, String kind, String accel) {
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("env", env);
        fp.put("kind", kind);
        fp.put("variant", kind.equals("container") ? "bridge" : "default");
        fp.put("accel", accel);
        fp.put("kernel", kind.equals("vm") ? "6.12.0-guest" : "6.1.0-host");
        fp.put("cpuModel", "Test CPU @ 3.0GHz");
        fp.put("cpus", kind.equals("vm") ? 2 : 8);
        fp.put("memoryBytes", 8L << 30);
        fp.put("vulnerabilities", Map.of("spectre_v2", "Mitigation: Retpolines"));
        fp.put("clocksource", kind.equals("vm") ? "kvm-clock" : "tsc");
        fp.put("hypervisor", kind.equals("vm"));
        fp.put("jvm", Map.of("vendor", "Eclipse Adoptium", "version", "17.0.15", "vmVersion", "17.0.15+6",
                "home", "/opt/java", "runtimeSha256", "aa11"));
        fp.put("jarSha256", "bb22");
        fp.put("profile", "quick");
        fp.put("jmhArgs", List.of("-f", "2", "-i", "10"));
        fp.put("isobenchVersion", "0.1.0");
        fp.put("timestamp", "2025-11-27T03:00:00Z");
        fp.put("runId", "run-1");
        fp.put("skipped", List.of());
        fp.put("failed", List.of());
        return fp;
    }

    /** Writes RUN_DIR/env/{jmh.json, environment.json, footprint.json}; null maps leave the file out. */
    public static Path envDir(Path runDir, String env, List<Bench> benches, Map<String, Object> fingerprint,
                              Map<String, Object> footprint) throws IOException {
        Path dir = runDir.resolve(env);
        writeJmh(dir.resolve("jmh.json"), benches);
        if (fingerprint != null) {
            Files.writeString(dir.resolve("environment.json"), MAPPER.writeValueAsString(fingerprint));
        }
        if (footprint != null) {
            Files.writeString(dir.resolve("footprint.json"), MAPPER.writeValueAsString(footprint));
        }
        return dir;
    }

    /** Each benchmark scaled by a factor (same noise pattern, different seed). */
    public static List<Bench> scaled(List<Bench> benches, double factor, long seed) {
        List<Bench> out = new ArrayList<>();
        Random random = new Random(seed);
        for (Bench b : benches) {
            double[][] raw = new double[b.raw().length][];
            for (int f = 0; f < raw.length; f++) {
                raw[f] = new double[b.raw()[f].length];
                for (int i = 0; i < raw[f].length; i++) {
                    raw[f][i] = b.raw()[f][i] * factor * (1 + 0.002 * random.nextGaussian());
                }
            }
            out.add(new Bench(b.name(), b.mode(), b.unit(), b.params(), raw, b.forcedScore()));
        }
        return out;
    }

    /** Runs the command; returns exit code, stdout and stderr. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompareCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    public record Result(int code, String out, String err) {
        public List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
