package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.launcher.core.Kinds;
import io.isobench.schema.ExitCode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kind is one package plus one registry line: the tests register {@code proc} (host processes under another kind,
 * {@code io.isobench.launcher.kind.proc.ProcKind}) and the main job runs it beside the host, its environment records
 * it, the report has its column and density its series, with no other file of the launcher or compare knowing it.
 */
class KindRegistryIT {

    @TempDir
    static Path temp;

    static Path runDir;
    static int exitCode;
    static String stderr;

    /**
     * The launcher in a process of its own, as a user starts it, with the test classes (and so the test's registry
     * line) on its class path: a host run holds the machine's host lock for as long as its JVM lives.
     */
    @BeforeAll
    static void runTheMainJobWithTheTestKind() throws Exception {
        runDir = temp.resolve("run");
        Path err = temp.resolve("stderr");
        String classPath = Launch.launcherJar().toAbsolutePath() + File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, Main.class.getName(), "bench", "--envs", "host,proc", "--profile", "smoke",
                "--include", "ParentPidGetBenchmark", "--density", "1", "--out", runDir.toString(),
                "--jar", Launch.benchmarksJar().toAbsolutePath().toString())
                .redirectOutput(temp.resolve("stdout").toFile()).redirectError(err.toFile());
        Process launcher = builder.start();
        if (!launcher.waitFor(600, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        exitCode = launcher.waitFor();
        stderr = Files.readString(err);
    }

    @Test
    void theTestKindIsRegisteredBesideTheLaunchersOwn() {
        List<String> ids = Kinds.load().all().stream().map(kind -> kind.id()).toList();
        assertEquals(List.of("host", "container", "vm", "charliecloud", "podman", "proc"), ids);
    }

    @Test
    void itRunsInTheMainJobAndRecordsItsKind() throws Exception {
        assertEquals(ExitCode.DONE, exitCode, stderr);
        JsonNode environment = JsonFiles.read(ResultLayout.environmentJson(runDir.resolve("proc")));
        assertEquals("proc", environment.get("kind").asText());
        assertEquals("complete", environment.get("status").asText());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(runDir.resolve("proc")));
        assertTrue(results.size() > 0 && results.get(0).get("primaryMetric").get("score").asDouble() > 0, results.toString());
    }

    @Test
    void theReportHasItsColumn() throws Exception {
        String report = Files.readString(ResultLayout.reportDir(runDir).resolve("report.md"));
        assertTrue(report.contains("proc"), "report.md names the proc environment");
        JsonNode summary = JsonFiles.read(ResultLayout.reportDir(runDir).resolve("summary.json"));
        List<String> environments = new ArrayList<>();
        summary.findValues("env").forEach(node -> environments.add(node.asText()));
        assertTrue(environments.contains("proc"), "summary.json's environments: " + environments);
    }

    @Test
    void densityHasItsSeries() throws Exception {
        JsonNode density = JsonFiles.read(runDir.resolve("density.json"));
        List<String> labels = new ArrayList<>();
        density.get("series").forEach(series -> labels.add(series.get("label").asText()));
        assertEquals(List.of("host", "proc"), labels);
        JsonNode proc = density.get("series").get(1);
        assertEquals("proc", proc.get("kind").asText());
        assertEquals(1, proc.get("points").size(), proc.toString());
    }
}
