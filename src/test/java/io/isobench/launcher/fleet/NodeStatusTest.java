package io.isobench.launcher.fleet;

import io.isobench.compare.fleet.FleetManifest.Node;
import io.isobench.compare.fleet.FleetManifest.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** squeue's lines, the task markers and Slurm's exit codes turned into a node's state, without a cluster. */
class NodeStatusTest {

    private static final Node SUBMITTED = new Node("n1", "12", State.PENDING, "PENDING", null, null, "n1/f", "submitted");

    private static TaskMarker started() {
        return new TaskMarker("n1", "12", 4711, "2026-11-28T05:00:00Z", null, null, null);
    }

    @Test
    void parsesSqueueLinesAndRefusesOthers() {
        List<QueueRow> rows = QueueRow.parse("12|RUNNING|n1|None\n13|PENDING||Resources\n\n");
        assertEquals(List.of(new QueueRow("12", "RUNNING", "n1", "None"), new QueueRow("13", "PENDING", "", "Resources")),
                rows);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueueRow.parse("12 RUNNING n1"));
        assertTrue(e.getMessage().contains("12 RUNNING n1"), e.getMessage());
    }

    @Test
    void pendingAndRunningFollowSqueue() {
        Node pending = NodeStatus.update(SUBMITTED, new QueueRow("12", "PENDING", "", "Resources"), null, null, false);
        assertEquals(State.PENDING, pending.state());
        assertEquals("waiting for a node (Resources)", pending.reason());
        Node running = NodeStatus.update(pending, new QueueRow("12", "RUNNING", "n1", "None"), started(), null, false);
        assertEquals(State.RUNNING, running.state());
        assertEquals("RUNNING", running.slurmState());
        assertTrue(running.reason().contains("2026-11-28T05:00:00Z"), running.reason());
    }

    @Test
    void theExitMarkerDecidesDoneOrPartialOrFailed() {
        QueueRow completed = new QueueRow("12", "COMPLETED", "n1", "None");
        Node done = NodeStatus.update(SUBMITTED, completed, started().ended(0), null, false);
        assertEquals(State.DONE, done.state());
        assertEquals(0, done.exitCode());
        Node partial = NodeStatus.update(SUBMITTED, new QueueRow("12", "FAILED", "n1", "NonZeroExitCode"),
                started().ended(3), null, false);
        assertEquals(State.DONE, partial.state());
        assertTrue(partial.reason().startsWith("partial"), partial.reason());
        Node cancelled = NodeStatus.update(SUBMITTED, new QueueRow("12", "CANCELLED", "n1", "None"), started().ended(143),
                null, false);
        assertEquals(State.FAILED, cancelled.state());
        assertEquals(143, cancelled.exitCode());
        assertEquals("SIGTERM", cancelled.signal());
        assertEquals("CANCELLED", cancelled.slurmState());
        assertTrue(cancelled.reason().contains("cancelled in Slurm") && cancelled.reason().contains("SIGTERM"),
                cancelled.reason());
    }

    @Test
    void aTaskThatEndedWaitsForSlurmsFinalStateWithinTheGrace() {
        QueueRow completing = new QueueRow("12", "COMPLETING", "n1", "None");
        Node waiting = NodeStatus.update(SUBMITTED, completing, started().ended(143), null, false);
        assertEquals(State.RUNNING, waiting.state(), "COMPLETING passes; the manifest should hold how Slurm ended it");
        assertTrue(waiting.reason().contains("exit code 143") && waiting.reason().contains("COMPLETING"),
                waiting.reason());
        Node cancelled = NodeStatus.update(waiting, new QueueRow("12", "CANCELLED", "n1", "None"), started().ended(143),
                null, false);
        assertEquals(State.FAILED, cancelled.state());
        assertEquals("CANCELLED", cancelled.slurmState());
        Node stuck = NodeStatus.update(waiting, completing, started().ended(0), null, true);
        assertEquals(State.DONE, stuck.state(), "a job stuck in COMPLETING past the grace is judged by its marker");
        assertEquals("COMPLETING", stuck.slurmState());
    }

    @Test
    void aFinishedJobWithoutMarkerWaitsForTheGraceThenFailsWithSlurmsExit() {
        QueueRow cancelled = new QueueRow("12", "CANCELLED", "n1", "None");
        Node waiting = NodeStatus.update(SUBMITTED, cancelled, started(), null, false);
        assertEquals(State.RUNNING, waiting.state(), "a task being killed may still write its marker");
        Node failed = NodeStatus.update(waiting, cancelled, started(), NodeStatus.SlurmExit.parse("0:9"), true);
        assertEquals(State.FAILED, failed.state());
        assertEquals("SIGKILL", failed.signal());
        assertNull(failed.exitCode());
        assertTrue(failed.reason().contains("without an exit marker") && failed.reason().contains("CANCELLED"),
                failed.reason());
        Node timeout = NodeStatus.update(SUBMITTED, new QueueRow("12", "TIMEOUT", "n1", "TimeLimit"), null,
                NodeStatus.SlurmExit.parse("1:0"), true);
        assertEquals(State.FAILED, timeout.state());
        assertEquals(1, timeout.exitCode());
        assertTrue(timeout.reason().contains("TIMEOUT (TimeLimit)"), timeout.reason());
    }

    @Test
    void aJobWhoseNodeFailedIsLostAtOnceUnlessItsTaskSaidHowItEnded() {
        Node running = SUBMITTED.withState(State.RUNNING, "RUNNING", null, null, "running");
        QueueRow nodeFail = new QueueRow("12", "NODE_FAIL", "n1", "NodeDown");
        Node lost = NodeStatus.update(running, nodeFail, started(), null, false);
        assertEquals(State.LOST, lost.state(), "Slurm waited SlurmdTimeout already; no grace for a marker");
        assertEquals("NODE_FAIL", lost.slurmState());
        assertNull(lost.exitCode());
        assertTrue(lost.reason().contains("NODE_FAIL (NodeDown)") && lost.reason().contains("no exit marker"),
                lost.reason());
        Node ended = NodeStatus.update(running, nodeFail, started().ended(0), null, false);
        assertEquals(State.DONE, ended.state(), "a task that wrote its end before its node went is judged by it");
    }

    @Test
    void aJobSlurmForgotWithoutMarkerIsLostButAFinishedNodeStaysAsItWas() {
        Node running = SUBMITTED.withState(State.RUNNING, "RUNNING", null, null, "running");
        Node lost = NodeStatus.update(running, null, started(), null, false);
        assertEquals(State.LOST, lost.state());
        assertTrue(lost.reason().contains("no longer lists job 12"), lost.reason());
        assertEquals("RUNNING", lost.slurmState(), "the last state Slurm showed is kept");
        Node done = SUBMITTED.withState(State.DONE, "COMPLETED", 0, null, "complete");
        assertEquals(done, NodeStatus.update(done, null, null, null, false));
    }

    @Test
    void slurmStatesExitCodesAndSinfoLines() {
        assertTrue(NodeStatus.finished("TIMEOUT"));
        assertFalse(NodeStatus.finished("COMPLETING"));
        assertFalse(NodeStatus.finished("PENDING"));
        assertEquals(new NodeStatus.SlurmExit(0, 15), NodeStatus.SlurmExit.parse("0:15"));
        assertNull(NodeStatus.SlurmExit.parse("n/a"));
        assertEquals(List.of("a1", "a3"), Slurm.usable("a1|idle\na2|down*\na3|mix\na4|drain\na5|idle*\na1|idle\n"));
        Map<String, String> fields = Slurm.fields("JobId=3 JobState=CANCELLED Reason=None ExitCode=0:15 Command=/x a b");
        assertEquals("CANCELLED", fields.get("JobState"));
        assertEquals("0:15", fields.get("ExitCode"));
    }

    @Test
    void theMarkerRoundTripsAndNamesSignals(@TempDir Path dir) throws Exception {
        assertNull(TaskMarker.read(dir), "no marker yet");
        TaskMarker marker = started();
        marker.write(dir);
        assertFalse(TaskMarker.read(dir).hasEnded());
        marker.ended(137).write(dir);
        TaskMarker ended = TaskMarker.read(dir);
        assertTrue(ended.hasEnded());
        assertEquals(137, ended.exitCode());
        assertEquals("SIGKILL", ended.signal());
        assertFalse(Files.readString(dir.resolve(TaskMarker.FILE)).contains("true"), "no stray boolean property");
        Files.writeString(dir.resolve(TaskMarker.FILE), "{\"node\": ");
        assertNull(TaskMarker.read(dir), "a half-written marker reads as none");
    }
}
