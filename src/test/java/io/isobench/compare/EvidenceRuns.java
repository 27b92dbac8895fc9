package io.isobench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.Contradiction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Run directories in which one row carries evidence, compared as {@code isobench compare} compares them: the host with
 * the evidence of a row that keeps its claim, an environment with other evidence (the tests that make evidence
 * contradict its claim on purpose measure it) and the contradictions its environment.json lists, and beside that row a
 * CPU row without evidence that both sides run alike.
 */
public final class EvidenceRuns {

    /** The row beside the one with evidence. */
    public static final String OTHER_ROW = "io.isobench.cpu.ArithmeticLoopBenchmark.integerXorshift";

    private EvidenceRuns() {
    }

    /** The row with evidence: its benchmark, JMH mode, unit and parameters. */
    public record Row(String benchmark, String mode, String unit, Map<String, String> params) {
    }

    /** What compare wrote: report.md, index.html and summary.json. */
    public record Compared(String markdown, String html, JsonNode summary) {

        /** The summary's comparison of a benchmark in an environment. */
        public JsonNode comparison(String environment, String benchmark) {
            for (JsonNode row : summary.path("comparisons")) {
                if (row.path("environment").asText().equals(environment) && row.path("benchmark").asText().equals(benchmark)) {
                    return row;
                }
            }
            throw new AssertionError("no comparison of " + benchmark + " in " + environment + " in " + summary);
        }

        /** The areas of the summary's headline cells for an environment. */
        public List<String> headlineAreas(String environment) {
            List<String> areas = new ArrayList<>();
            summary.path("headline").forEach(cell -> {
                if (cell.path("environment").asText().equals(environment)) {
                    areas.add(cell.path("area").asText());
                }
            });
            return areas;
        }
    }

    /**
     * Writes {@code runDir} with host and {@code env}, the row's counters the given values in every iteration (four forks
     * of five each side), {@code env}'s environment.json listing {@code contradicted}, and compares them.
     */
    public static Compared compare(Path runDir, String env, Row row, Map<String, Double> hostCounters,
                                   Map<String, Double> envCounters, List<Contradiction> contradicted) throws IOException {
        Fixtures.Bench evidenced = Fixtures.bench(row.benchmark(), row.mode(), row.unit(), 100, 1, 1, 4, 5)
                .withParams(row.params());
        Fixtures.Bench other = Fixtures.bench(OTHER_ROW, "avgt", "us/op", 120, 1, 2, 4, 5);
        Map<String, Object> hostPrint = Fixtures.fingerprint("host", "host", "none");
        Path host = Fixtures.envDir(runDir, "host", List.of(evidenced, other), hostPrint, null);
        Fixtures.addCounters(host.resolve("jmh.json"), row.benchmark(), hostCounters);
        Map<String, Object> envPrint = Fixtures.fingerprint(env, "container", "none");
        envPrint.put("contradicted", contradicted);
        Path dir = Fixtures.envDir(runDir, env, Fixtures.scaled(List.of(evidenced, other), 1.0, 3), envPrint, null);
        Fixtures.addCounters(dir.resolve("jmh.json"), row.benchmark(), envCounters);
        Fixtures.Result result = Fixtures.run(runDir.toString());
        assertEquals(0, result.code(), result.err());
        Path report = runDir.resolve("report");
        return new Compared(Files.readString(report.resolve("report.md")), Files.readString(report.resolve("index.html")),
                Fixtures.MAPPER.readTree(report.resolve("summary.json").toFile()));
    }
}
