package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main job with both Charliecloud variants (no host environment: a CI's host run on the same machine holds the
 * host's lock): two small classes (a system call, file churn in the bind-mounted bench directory) in ch-run as an
 * unprivileged user and as root, then one idle instance of each for density, which start the image again and must
 * reuse its directory; nothing of ch-run is left running.
 */
class CharliecloudIT {

    @TempDir
    static Path temp;

    /** As root both variants run; otherwise the launcher's own user is the unprivileged one, beside the host. */
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    static Path runDir;
    static Launch.Outcome outcome;

    @BeforeAll
    static void runTheMainJobWithCharliecloud() throws Exception {
        Engines.requireCharliecloud();
        // The run directory as a user's usually is: others may enter it, so ch-run's user writes the results in place.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        runDir = temp.resolve("run");
        outcome = Launch.run(900, "bench", "--envs", ROOT ? "charliecloud,charliecloud-root" : "host,charliecloud",
                "--profile", "smoke", "--include", "ParentPidGetBenchmark|SmallFileChurnBenchmark", "--density", "1", "--out", runDir.toString());
    }

    @Test
    void theSuiteRanUnprivilegedAndItsResultsAreThere() throws Exception {
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        Path env = runDir.resolve("charliecloud");
        JsonNode environment = JsonFiles.read(ResultLayout.environmentJson(env));
        assertEquals("charliecloud", environment.get("kind").asText());
        assertEquals("unprivileged", environment.get("variant").asText());
        assertEquals("complete", environment.get("status").asText());
        assertEquals("ch-run", environment.get("runtime").asText());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(env));
        assertEquals(2, results.size(), "rawSyscall and createWriteDelete: " + results);
        for (JsonNode result : results) {
            double score = result.get("primaryMetric").get("score").asDouble();
            assertTrue(Double.isFinite(score) && score > 0, result.get("benchmark") + " " + score);
        }
        JsonNode footprint = JsonFiles.read(ResultLayout.footprintJson(env));
        assertTrue(footprint.get("idleMemoryBytes").asLong() > 0, footprint.toString());
        assertTrue(footprint.get("startToReadyMillis").get("median").asDouble() > 0, footprint.toString());
        assertTrue(footprint.get("shipped").get("withJarBytes").asLong() > footprint.get("shipped").get("osBytes").asLong());
        assertTrue(Files.isDirectory(Path.of(footprint.get("image").asText())), footprint.toString());
        if (ROOT) {
            assertEquals("root", JsonFiles.read(ResultLayout.environmentJson(runDir.resolve("charliecloud-root")))
                    .get("variant").asText());
        }
        int self = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        try (Stream<Path> files = Files.walk(env)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                assertEquals(self, Files.getAttribute(file, "unix:uid"), file + " is given back to the launcher's user");
            }
        }
    }

    @Test
    void theReportHasItsColumn() throws Exception {
        String report = Files.readString(ResultLayout.reportDir(runDir).resolve("report.md"));
        assertTrue(report.contains("charliecloud"), "report.md names the charliecloud environment");
        JsonNode summary = JsonFiles.read(ResultLayout.reportDir(runDir).resolve("summary.json"));
        List<String> environments = new ArrayList<>();
        summary.findValues("env").forEach(node -> environments.add(node.asText()));
        assertTrue(environments.contains("charliecloud"), "summary.json's environments: " + environments);
    }

    @Test
    void densityHasItsSeriesOnTheSameImageDirectory() throws Exception {
        JsonNode density = JsonFiles.read(runDir.resolve("density.json"));
        JsonNode series = null;
        for (JsonNode each : density.get("series")) {
            if (each.get("label").asText().equals("charliecloud")) {
                series = each;
            }
        }
        assertTrue(series != null, density.toString());
        assertEquals("charliecloud", series.get("kind").asText());
        assertEquals(1, series.get("points").size(), series.toString());
        String image = JsonFiles.read(ResultLayout.footprintJson(runDir.resolve("charliecloud"))).get("image").asText();
        assertTrue(series.get("notes").toString().contains(image), "density's instances ran on " + image + ": " + series);
        long unpacked = outcome.stderr().lines().filter(line -> line.contains("unpacked ") && line.contains(image)).count();
        assertTrue(unpacked <= 1, "the image directory is made once and reused on the second start:\n" + outcome.stderr());
    }

    @Test
    void nothingOfChRunIsLeft() throws Exception {
        assertEquals(List.of(), Launch.processesContaining("ch-run"), "ch-run left running");
        assertEquals(List.of(), tagged(), "processes of a Charliecloud instance left running");
        try (Stream<Path> dirs = Files.list(Path.of("/var/tmp"))) {
            assertEquals(List.of(), dirs.filter(d -> d.getFileName().toString().startsWith("isobench-charliecloud-"))
                    .toList(), "work directories left");
        }
    }

    /** Processes whose environment carries a Charliecloud instance's tag (ch-run execs: its name does not stay). */
    private static List<Long> tagged() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                if (proc.getFileName().toString().matches("\\d+")) {
                    try {
                        if (new String(Files.readAllBytes(proc.resolve("environ")), StandardCharsets.UTF_8)
                                .contains("ISOBENCH_CHARLIECLOUD=")) {
                            pids.add(Long.parseLong(proc.getFileName().toString()));
                        }
                    } catch (IOException e) {
                        // Gone, or not ours to read.
                    }
                }
            }
        }
        return pids;
    }
}
