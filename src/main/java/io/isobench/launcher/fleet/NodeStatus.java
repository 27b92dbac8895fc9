package io.isobench.launcher.fleet;

import io.isobench.compare.fleet.FleetManifest.Node;
import io.isobench.compare.fleet.FleetManifest.State;

import java.util.Set;

/**
 * A node's state from what can be seen without Slurm's accounting: squeue's line for its job (null once Slurm has
 * forgotten the job), the task's marker (null when it wrote none) and Slurm's exit code of a finished job (null when
 * unknown). The task's own exit marker wins: it knows how the bench command ended. A job that Slurm calls finished
 * without an exit marker is given {@code graceOver} to let a task that is being killed write one, and a task that wrote
 * its end while Slurm still lists the job as running or COMPLETING is given the same grace for Slurm's final state
 * (COMPLETED, CANCELLED, ...), so the manifest records how Slurm ended the job rather than a passing state.
 * A task without an exit marker is lost, not failed, when its node went away: Slurm ended the job NODE_FAIL (its
 * slurmd stopped answering for SlurmdTimeout, a grace already given, so none is added) or no longer lists it.
 */
public final class NodeStatus {

    /** Slurm states of a job that has not started yet. */
    static final Set<String> WAITING = Set.of("PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED",
            "RESV_DEL_HOLD");
    /** Slurm states of a job that runs (or is being stopped). */
    static final Set<String> RUNNING_STATES = Set.of("RUNNING", "COMPLETING", "SUSPENDED", "STOPPED", "RESIZING",
            "SIGNALING", "STAGE_OUT");

    /** Slurm's state of a job whose node stopped answering (with sbatch --no-requeue; otherwise it is requeued). */
    static final String NODE_FAIL = "NODE_FAIL";

    /** The bench command's exit code for a run where some benchmarks failed (SuiteMain.EXIT_PARTIAL). */
    static final int PARTIAL = 3;

    /** Slurm's {@code ExitCode=code:signal} of a finished job. */
    public record SlurmExit(int code, int signal) {
        /** Parses {@code 0:15}; null when it is not of that form. */
        public static SlurmExit parse(String text) {
            if (text == null || !text.matches("\\d+:\\d+")) {
                return null;
            }
            String[] parts = text.split(":");
            return new SlurmExit(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    private NodeStatus() {
    }

    /** Whether Slurm considers a job in this state finished (COMPLETED, FAILED, CANCELLED, TIMEOUT, NODE_FAIL, ...). */
    public static boolean finished(String slurmState) {
        return !WAITING.contains(slurmState) && !RUNNING_STATES.contains(slurmState);
    }

    public static Node update(Node node, QueueRow row, TaskMarker marker, SlurmExit exit, boolean graceOver) {
        String slurmState = row != null ? row.state() : node.slurmState();
        boolean cancelled = slurmState != null && slurmState.startsWith("CANCELLED");
        if (marker != null && marker.hasEnded()) {
            int code = marker.exitCode();
            if (row != null && RUNNING_STATES.contains(row.state()) && !graceOver) {
                return node.withState(State.RUNNING, row.state(), null, null, "the task ended (exit code " + code
                        + "); waiting for Slurm to finish the job (" + row.state() + ")");
            }
            if (code == 0) {
                return node.withState(State.DONE, slurmState, 0, null, "complete");
            }
            if (code == PARTIAL) {
                return node.withState(State.DONE, slurmState, code, null,
                        "partial: some benchmarks failed (exit 3; see the node's environments.json)");
            }
            String how = marker.signal() != null ? "ended by " + marker.signal() + " (exit code " + code + ")"
                    : "exited with code " + code;
            return node.withState(State.FAILED, slurmState, code, marker.signal(),
                    (cancelled ? "cancelled in Slurm; " : "") + "the bench command " + how);
        }
        if (row == null) {
            if (node.state().finished()) {
                return node;
            }
            return node.withState(State.LOST, slurmState, null, null, "Slurm no longer lists job " + node.jobId()
                    + " and the task wrote no exit marker (killed with SIGKILL, or its node went away)");
        }
        if (row.state().equals(NODE_FAIL)) {
            return node.withState(State.LOST, row.state(), null, null, "its node stopped answering: Slurm ended job "
                    + node.jobId() + " NODE_FAIL" + because(row) + " and the task wrote no exit marker");
        }
        if (WAITING.contains(row.state())) {
            return node.withState(State.PENDING, row.state(), null, null, "waiting for a node" + because(row));
        }
        if (RUNNING_STATES.contains(row.state()) || !graceOver) {
            String reason = RUNNING_STATES.contains(row.state())
                    ? (marker != null ? "running since " + marker.started() : "starting")
                    : "Slurm says " + row.state() + "; waiting for the task's exit marker";
            return node.withState(State.RUNNING, row.state(), null, null, reason);
        }
        String signal = exit != null && exit.signal() != 0 ? Signals.name(exit.signal()) : null;
        Integer code = exit != null && exit.signal() == 0 ? exit.code() : null;
        String reason = "the task ended without an exit marker: Slurm state " + row.state() + because(row)
                + (signal != null ? ", " + signal : "") + (code != null ? ", exit code " + code : "");
        return node.withState(State.FAILED, row.state(), code, signal, reason);
    }

    /** Slurm's reason for a job's state in parentheses ({@code " (NodeDown)"}), or nothing when it gives none. */
    private static String because(QueueRow row) {
        return row.reason().isBlank() || row.reason().equals("None") ? "" : " (" + row.reason() + ")";
    }
}
