package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.DensityRecord;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code isobench density} as a user runs it: two idle host JVMs and two runc containers, density.json written,
 * nothing left behind; and a floor so high that the second start is refused before it starts. VMs are left out: under
 * TCG one boot with its JVM takes about a minute here.
 */
class DensityIT {

    @TempDir
    Path temp;

    @Test
    void twoInstancesOfHostAndContainerWriteDensityJsonAndLeaveNothing() throws Exception {
        Engines.requireDocker();
        Path run = temp.resolve("density-it-" + ProcessHandle.current().pid());
        Launch.Outcome outcome = Launch.run(600, "density", "--kinds", "host,container", "--max", "2",
                "--keep-free", "0", "--settle-seconds", "1", "--reads", "2", "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode density = JsonFiles.read(run.resolve(DensityRecord.FILE));
        assertEquals(io.isobench.schema.SchemaVersion.CURRENT.toString(), density.get("schemaVersion").asText());
        List<String> labels = density.get("series").findValuesAsText("label");
        assertEquals(List.of("host", "container-runc"), labels);
        for (JsonNode series : density.get("series")) {
            assertEquals("--max 2 reached", series.get("stopReason").asText(), series.toString());
            assertEquals(2, series.get("points").size(), series.toString());
            for (JsonNode point : series.get("points")) {
                assertTrue(point.get("startToReadyMillis").asDouble() > 0, point.toString());
                assertTrue(point.has("hostProcessesPssBytes"), point.toString());
            }
        }
        assertNothingLeft(run);

        Launch.Outcome report = Launch.run(120, "compare", run.toString());
        assertEquals(0, report.exitCode(), report.stderr());
        String md = Files.readString(run.resolve("report").resolve("report.md"));
        assertTrue(md.contains("| container-runc | 2 |"), md);
    }

    @Test
    void theFloorRefusesTheSecondStartBeforeItStarts() throws Exception {
        Path run = temp.resolve("density-floor-" + ProcessHandle.current().pid());
        // The first JVM takes several MiB (8-35 MiB of MemAvailable measured here; less since the runtime maps its
        // class-data archive, which is page cache): after it, the next would cross a floor 2 MiB below the series'
        // own baseline. (A floor from MemAvailable read here would move with whatever else the machine frees meanwhile.)
        Launch.Outcome outcome = Launch.run(300, "density", "--kinds", "host", "--max", "3",
                "--budget", "2m", "--settle-seconds", "1", "--reads", "1",
                "--out", run.toString());
        assertEquals(0, outcome.exitCode(), outcome.stderr());
        JsonNode series = JsonFiles.read(run.resolve(DensityRecord.FILE)).get("series").get(0);
        assertEquals(1, series.get("points").size(), series.toString());
        assertTrue(series.get("stopReason").asText().startsWith("floor:"), series.toString());
        assertTrue(outcome.stderr().contains("not starting instance 2"), outcome.stderr());
        assertNothingLeft(run);
    }

    /** No container of the run, no EchoPeer of this worktree's jar, no VM work directory of the launcher. */
    private static void assertNothingLeft(Path run) throws Exception {
        String containers = Engines.succeeds(List.of("docker", "info")) ? Engines.output(List.of("docker", "ps", "-aq",
                "--filter", "label=io.isobench.run=" + run.getFileName())) : "";
        assertEquals("", containers.strip(), "containers left behind");
        String jar = Launch.benchmarksJar().toAbsolutePath().toString();
        assertEquals(List.of(), Launch.processesContaining(jar + " io.isobench.network.EchoPeer"), "host peers left");
    }
}
