package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code isobench fleet} on a one-node Slurm cluster started for the test (src/test/resources/slurm/one-node-cluster.sh,
 * its configuration and spool in a temporary directory, its daemons stopped afterwards): a short run merged into the
 * fleet's report, and a task cancelled mid-run whose node is marked failed with what it had written.
 */
class FleetIT {

    @TempDir
    static Path temp;

    static TestCluster cluster;
    static String node;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = TestCluster.start("one-node-cluster.sh", temp.resolve("cluster"));
        node = Engines.output(List.of("hostname", "-s"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JsonNode nodeEntry(Path fleetDir) throws IOException {
        JsonNode fleet = JsonFiles.read(fleetDir.resolve("fleet.json"));
        assertEquals(1, fleet.get("nodes").size());
        JsonNode entry = fleet.get("nodes").get(0);
        assertEquals(node, entry.get("node").asText());
        return entry;
    }

    private static String taskOutput(Path fleetDir) throws IOException {
        return TestCluster.taskOutput(fleetDir.resolve(node));
    }

    @Test
    void runsTheMainJobOnTheNodeAndMergesTheReport() throws Exception {
        Path fleetDir = temp.resolve("fleet-ok");
        Launch.Outcome outcome = cluster.fleet(fleetDir, 1, "JnaCall").finish(600);
        assertEquals(0, outcome.exitCode(), outcome.stderr() + taskOutput(fleetDir));
        assertTrue(outcome.stderr().contains("0 pending, 1 running, 0 done, 0 failed"), outcome.stderr());
        assertTrue(outcome.stderr().contains("0 pending, 0 running, 1 done, 0 failed"), outcome.stderr());
        JsonNode entry = nodeEntry(fleetDir);
        assertEquals("done", entry.get("state").asText());
        assertEquals(0, entry.get("exitCode").asInt());
        assertEquals("COMPLETED", entry.get("slurmState").asText());
        assertEquals(node + "/fleet-ok", entry.get("runDir").asText());
        Path runDir = fleetDir.resolve(entry.get("runDir").asText());
        JsonNode results = JsonFiles.read(runDir.resolve("host/jmh.json"));
        assertEquals("io.isobench.syscall.JnaCallBenchmark.libcAbs", results.get(0).get("benchmark").asText());
        assertEquals("complete", JsonFiles.read(runDir.resolve("host/environment.json")).get("status").asText());
        assertEquals(0, JsonFiles.read(fleetDir.resolve(node + "/task.json")).get("exitCode").asInt());
        String report = Files.readString(fleetDir.resolve("report/report.md"));
        assertTrue(report.contains("| " + node + " | done | " + entry.get("jobId").asText() + " | COMPLETED | 0 |"), report);
        assertTrue(report.contains("CPU model"), report);
        assertTrue(Files.isRegularFile(fleetDir.resolve("report/index.html")));
        assertTrue(Files.isRegularFile(fleetDir.resolve("report/nodes/" + node + "/report.md")), "the node's own comparison");
        // The node's own main job wrote its report before its task ended; the fleet's merge wrote nothing there.
        assertTrue(Files.getLastModifiedTime(runDir.resolve("report/report.md")).compareTo(
                Files.getLastModifiedTime(fleetDir.resolve(node + "/task.json"))) <= 0,
                "nothing written into the node's run directory after its task");
    }

    @Test
    void aCancelledTaskMarksItsNodeFailedAndKeepsWhatItWrote() throws Exception {
        Path fleetDir = temp.resolve("fleet-killed");
        Launch.Running running = cluster.fleet(fleetDir, 1, "JnaCall|ClockRead|ParentPidGet|FileStat");
        Path hostResults = fleetDir.resolve(node + "/fleet-killed/host/jmh.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.isRegularFile(hostResults)) {
            if (System.nanoTime() > deadline || !running.process().isAlive()) {
                fail("the task wrote no results: " + running.finish(30).stderr());
            }
            Thread.sleep(200);
        }
        String jobId = nodeEntry(fleetDir).get("jobId").asText();
        Engines.Result cancelled = Engines.runFor(List.of("scancel", jobId), 30, cluster.env());
        assertEquals(0, cancelled.exitCode(), cancelled.output());
        Launch.Outcome outcome = running.finish(300);
        assertEquals(1, outcome.exitCode(), "no node finished: " + outcome.stderr() + taskOutput(fleetDir));
        JsonNode entry = nodeEntry(fleetDir);
        assertEquals("failed", entry.get("state").asText(), entry.toString());
        assertEquals("CANCELLED", entry.get("slurmState").asText(), entry.toString());
        assertTrue(entry.get("reason").asText().contains("cancelled"), entry.toString());
        JsonNode kept = JsonFiles.read(hostResults);
        assertTrue(kept.size() >= 1 && kept.size() < 6, "what it wrote before the cancel stays: " + kept.size());
        assertNotEquals("complete", JsonFiles.read(hostResults.resolveSibling("environment.json")).get("status").asText());
        String report = Files.readString(fleetDir.resolve("report/report.md"));
        assertTrue(report.contains("## Missing nodes") && report.contains("- " + node + ": failed"), report);
        assertTrue(report.contains("kept: host"), report);
        assertTrue(outcome.stderr().contains("missing node " + node), outcome.stderr());
    }
}
