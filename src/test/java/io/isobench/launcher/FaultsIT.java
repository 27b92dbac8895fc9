package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Faults in the middle of a container run, as they happen to users: Ctrl-C, and a Docker engine that dies. Finished
 * steps must survive both (the results are bind-mounted), the run must say what happened in one line, and nothing may
 * be left behind once the engine is back.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    @TempDir
    static Path temp;

    /** Waits until the run has finished at least one step (the timeline has an entry). */
    private static void awaitFirstStep(Path runDir, Launch.Running running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Path timeline = ResultLayout.timelineJson(runDir);
            if (Files.isRegularFile(timeline) && JsonFiles.read(timeline).path("steps").size() > 0) {
                return;
            }
            if (!running.process().isAlive()) {
                fail("the run ended before its first step: " + Files.readString(running.err()));
            }
            Thread.sleep(200);
        }
        fail("no step finished within 5 minutes: " + Files.readString(running.err()));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void ctrlCKeepsTheFinishedStepsAndRemovesTheContainers() throws Exception {
        Engines.requireDocker();
        Path run = temp.resolve("ctrl-c");
        Launch.Running running = Launch.start("container", "--profile", "smoke", "--rounds", "20", "--include",
                "ParentPidGet", "--out", run.toString());
        awaitFirstStep(run, running);
        new ProcessBuilder("kill", "-INT", String.valueOf(running.process().pid())).start().waitFor();
        Launch.Outcome outcome = running.finish(120);
        assertNotEquals(0, outcome.exitCode());
        // Docker's conflict reads "Status 409: ... removal of container ... is already in progress"; a bare "409" could
        // be part of the printed order seed.
        assertFalse(outcome.stderr().contains("Status 409") || outcome.stderr().contains("already in progress"),
                "cleanup raced Testcontainers' hook: " + outcome.stderr());
        Path env = run.resolve("container-bridge");
        JsonNode record = JsonFiles.read(ResultLayout.environmentJson(env));
        assertEquals("interrupted", record.get("status").asText());
        JsonNode results = JsonFiles.read(ResultLayout.jmhJson(env));
        assertTrue(results.get(0).get("isobenchRounds").size() >= 1, "the finished rounds are kept");
        assertTrue(Files.size(ResultLayout.jmhLog(env)) > 0);
        assertEquals("", Engines.output(List.of("docker", "ps", "-aq", "--filter", "label=io.isobench")), "containers left");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aDeadEngineKeepsTheFinishedStepsAndTheNextRunSweepsItsContainers() throws Exception {
        Engines.requireDocker();
        if (!"root".equals(System.getProperty("user.name"))) {
            org.junit.jupiter.api.Assumptions.abort("killing and restarting dockerd needs root");
        }
        Path run = temp.resolve("dead-engine");
        Launch.Running running = Launch.start("container", "--profile", "smoke", "--rounds", "20", "--include",
                "ParentPidGet", "--out", run.toString());
        awaitFirstStep(run, running);
        try {
            assertEquals(0, new ProcessBuilder("pkill", "-KILL", "-x", "dockerd").inheritIO().start().waitFor(), "dockerd killed");
            Launch.Outcome outcome = running.finish(600);
            assertEquals(1, outcome.exitCode(), outcome.stderr());
            List<String> warnings = outcome.stderr().lines().filter(l -> l.contains("Docker engine stopped answering")).toList();
            assertEquals(1, warnings.size(), outcome.stderr());
            assertFalse(outcome.stderr().contains("\tat "), "no stack trace: " + outcome.stderr());
            Path env = run.resolve("container-bridge");
            JsonNode results = JsonFiles.read(ResultLayout.jmhJson(env));
            assertTrue(results.get(0).get("isobenchRounds").size() >= 1, "the finished rounds are kept on the host");
            assertEquals("failed", JsonFiles.read(ResultLayout.environmentJson(env)).get("status").asText());
        } finally {
            restartEngine();
        }
        Launch.Outcome next = Launch.run(900, "container", "--profile", "smoke", "--include", "JnaCall",
                "--out", temp.resolve("after").toString());
        assertEquals(0, next.exitCode(), next.stderr());
        assertEquals("", Engines.output(List.of("docker", "ps", "-aq", "--filter", "label=io.isobench")),
                "the next run swept the dead run's containers");
    }

    /**
     * Starts the engine again as the scripts do, once the killed one has stopped running. It may stay a zombie where
     * nothing reaps orphans (pid 1 is not an init on these machines); the scripts then remove its pid file.
     */
    private static void restartEngine() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Engines.succeeds(List.of("pgrep", "--runstates", "D,R,S,T", "-x", "dockerd")) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Path lib = Path.of(System.getProperty("isobench.projectDir", ".")).resolve("scripts/lib.sh");
        Process start = new ProcessBuilder("bash", "-c", "source '" + lib + "' && ensure_docker").inheritIO().start();
        assertTrue(start.waitFor(180, TimeUnit.SECONDS) && start.exitValue() == 0, "dockerd restarted");
    }

    @AfterAll
    static void nothingLeftBehind() throws Exception {
        if (Engines.succeeds(List.of("docker", "info"))) {
            assertEquals("", Engines.output(List.of("docker", "network", "ls", "-q", "--filter", "label=io.isobench")),
                    "networks left");
        }
    }
}
