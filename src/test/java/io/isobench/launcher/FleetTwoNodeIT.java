package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code isobench fleet} on a two-node Slurm cluster on this machine (src/test/resources/slurm/two-node-cluster.sh:
 * each node in its own network, UTS, mount and PID namespaces with its own address, host name, /tmp and state
 * directory; the controller on this machine; the fleet directory, outside /tmp, seen by both as a shared file system):
 * one task on each node at the same time, merged into one report with both nodes; then a node killed mid-run (its
 * slurmd and its task's processes at once, as a node that dies) reported lost with what it had written, while the
 * other node finishes. The cluster's directory is under target/ (each node's /tmp is its own); its daemons, namespaces,
 * links and bridge are gone afterwards. The tests run in order: the second leaves its node dead.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetTwoNodeIT {

    static final List<String> NODES = List.of("node1", "node2");

    static Path base;
    static TestCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        Path target = Files.createDirectories(Path.of(System.getProperty("isobench.projectDir", "."), "target"));
        base = Files.createTempDirectory(target.toAbsolutePath(), "fleet-two-node-");
        cluster = TestCluster.start("two-node-cluster.sh", base.resolve("cluster"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster == null) {
            return;
        }
        cluster.close();
        for (String node : NODES) {
            assertFalse(Files.exists(Path.of("/run/netns/isobench-" + node)), node + "'s network namespace was left");
        }
        Engines.Result links = Engines.runFor(List.of("ip", "-o", "link", "show"), 30, Map.of());
        assertFalse(links.output().contains("isob-"), "the bridge or a node's link was left: " + links.output());
    }

    private static JsonNode entries(Path fleetDir) throws IOException {
        JsonNode nodes = JsonFiles.read(fleetDir.resolve("fleet.json")).get("nodes");
        assertEquals(NODES, names(nodes));
        return nodes;
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.get("node").asText()));
        return names;
    }

    private static String taskOutputs(Path fleetDir) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String node : NODES) {
            text.append(TestCluster.taskOutput(fleetDir.resolve(node)));
        }
        return text.toString();
    }

    @Test
    @Order(1)
    void eachNodeHasItsOwnNameAddressAndTmp() throws Exception {
        List<String> hosts = Files.readAllLines(cluster.dir().resolve("hosts"));
        for (int i = 0; i < NODES.size(); i++) {
            String node = NODES.get(i);
            String address = hosts.stream().filter(l -> l.endsWith(" " + node)).map(l -> l.split(" ")[0]).findFirst()
                    .orElseThrow();
            Engines.Result seen = Engines.runFor(List.of("srun", "-w", node, "-N", "1", "sh", "-c",
                    "hostname; ip -o -4 addr show eth0; touch /tmp/seen-by-$(hostname); ls /tmp"), 60, cluster.env());
            assertEquals(0, seen.exitCode(), seen.output());
            List<String> lines = seen.output().lines().toList();
            assertEquals(node, lines.get(0), seen.output());
            assertTrue(lines.get(1).contains(" inet " + address + "/24"), seen.output());
            assertTrue(lines.contains("seen-by-" + node), seen.output());
            assertFalse(seen.output().contains("seen-by-" + NODES.get(1 - i)), "the other's /tmp: " + seen.output());
            assertFalse(Files.exists(Path.of("/tmp/seen-by-" + node)), "the node's /tmp is the machine's");
        }
    }

    @Test
    @Order(2)
    void runsOneTaskOnEachNodeAtOnceAndMergesBoth() throws Exception {
        Path fleetDir = base.resolve("fleet-ok");
        Launch.Outcome outcome = cluster.fleet(fleetDir, 2, "JnaCall").finish(600);
        assertEquals(0, outcome.exitCode(), outcome.stderr() + taskOutputs(fleetDir));
        assertTrue(outcome.stderr().contains("0 pending, 0 running, 2 done, 0 failed, 0 lost"), outcome.stderr());
        String report = Files.readString(fleetDir.resolve("report/report.md"));
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (JsonNode entry : entries(fleetDir)) {
            String node = entry.get("node").asText();
            assertEquals("done", entry.get("state").asText(), entry.toString());
            assertEquals("COMPLETED", entry.get("slurmState").asText(), entry.toString());
            assertEquals(node + "/fleet-ok", entry.get("runDir").asText());
            Path runDir = fleetDir.resolve(entry.get("runDir").asText());
            assertEquals("io.isobench.syscall.JnaCallBenchmark.libcAbs",
                    JsonFiles.read(runDir.resolve("host/jmh.json")).get(0).get("benchmark").asText());
            assertEquals("complete", JsonFiles.read(runDir.resolve("host/environment.json")).get("status").asText());
            JsonNode task = JsonFiles.read(fleetDir.resolve(node + "/task.json"));
            assertEquals(node, task.get("node").asText(), "Slurm ran the task on its node");
            assertEquals(0, task.get("exitCode").asInt());
            starts.add(Instant.parse(task.get("started").asText()));
            ends.add(Instant.parse(task.get("finished").asText()));
            // JMH's lock and isobench's host-run lock were taken in the node's own /tmp and state directory.
            Path nodeDir = cluster.dir().resolve("nodes").resolve(node);
            assertTrue(Files.exists(nodeDir.resolve("tmp/jmh.lock")), "JMH ran outside the node's /tmp");
            assertTrue(Files.exists(nodeDir.resolve("state/isobench-host.lock")), "the host lock outside the node");
            assertTrue(report.contains("| " + node + " | done | " + entry.get("jobId").asText() + " | COMPLETED | 0 |"),
                    report);
            assertTrue(Files.isRegularFile(fleetDir.resolve("report/nodes/" + node + "/report.md")), node);
        }
        assertTrue(starts.stream().max(Instant::compareTo).get().isBefore(ends.stream().min(Instant::compareTo).get()),
                "the two tasks ran at the same time: started " + starts + ", finished " + ends);
        assertTrue(report.contains("2 node(s), 2 done, 0 failed, 0 lost, 0 unfinished"), report);
        assertFalse(report.contains("## Missing nodes"), report);
    }

    @Test
    @Order(3)
    void aNodeKilledMidRunIsLostWithWhatItKept() throws Exception {
        Path fleetDir = base.resolve("fleet-lost");
        Launch.Running running = cluster.fleet(fleetDir, 2, "JnaCall|ClockRead|ParentPidGet|FileStat");
        try {
            Path nodeDir = fleetDir.resolve("node2");
            Path kept = nodeDir.resolve("fleet-lost/host/jmh.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            while (!Files.isRegularFile(kept)) {
                if (System.nanoTime() > deadline || !running.process().isAlive()) {
                    fail("node2's task wrote no results: " + running.finish(30).stderr() + taskOutputs(fleetDir));
                }
                Thread.sleep(200);
            }
            Engines.Result killed = cluster.run("kill-node", "node2");
            assertEquals(0, killed.exitCode(), killed.output());
            assertEquals(List.of(), Launch.processesContaining(nodeDir.toString()), "the task outlived its node");
            assertEquals(List.of(), Launch.processesContaining("slurmd -D -N node2"), "slurmd outlived its node");

            Launch.Outcome outcome = running.finish(300);
            assertEquals(3, outcome.exitCode(), "one node done, one lost: " + outcome.stderr() + taskOutputs(fleetDir));
            JsonNode nodes = entries(fleetDir);
            assertEquals("done", nodes.get(0).get("state").asText(), nodes.get(0).toString());
            JsonNode lost = nodes.get(1);
            assertEquals("lost", lost.get("state").asText(), lost.toString());
            assertEquals("NODE_FAIL", lost.get("slurmState").asText(), lost.toString());
            assertFalse(lost.hasNonNull("exitCode"), lost.toString());
            assertTrue(lost.get("reason").asText().contains("stopped answering"), lost.toString());
            assertFalse(JsonFiles.read(nodeDir.resolve("task.json")).has("finished"), "a dead node writes no end");
            JsonNode results = JsonFiles.read(kept);
            assertTrue(results.size() >= 1, "what node2 wrote before it died stays: " + results.size());
            assertNotEquals("complete", JsonFiles.read(kept.resolveSibling("environment.json")).get("status").asText());
            assertTrue(outcome.stderr().contains("node node2: lost"), outcome.stderr());
            assertTrue(outcome.stderr().contains("missing node node2: lost"), outcome.stderr());
            String report = Files.readString(fleetDir.resolve("report/report.md"));
            assertTrue(report.contains("## Missing nodes"), report);
            assertTrue(report.contains("- node2: lost, Slurm NODE_FAIL: its node stopped answering"), report);
            assertTrue(report.contains("kept: host"), report);
            assertTrue(report.contains("| node1 | done |"), report);
            assertTrue(report.contains("2 node(s), 1 done, 0 failed, 1 lost, 0 unfinished"), report);
        } finally {
            if (running.process().isAlive()) {
                running.process().descendants().forEach(ProcessHandle::destroyForcibly);
                running.process().destroyForcibly();
            }
        }
    }
}
