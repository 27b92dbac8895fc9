package io.isobench.launcher.fleet;

import io.isobench.launcher.core.Processes;
import io.isobench.launcher.core.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code isobench fleet-task}, what Slurm runs on each node of a fleet (not by hand): writes task.json into the node
 * directory, runs {@code isobench bench ... --out NODE_DIR/RUN_ID} as a child, and writes task.json again with its
 * exit code when it ends, also when Slurm stops the job (scancel, time limit: SIGTERM to every process of the job,
 * so the bench command marks its environments interrupted and this records exit 143, SIGTERM).
 */
@Command(name = "fleet-task", hidden = true, description = "One node's task of 'isobench fleet' (run by Slurm).")
public final class FleetTaskCommand implements Callable<Integer> {

    /** How long the task waits, once stopped, for its bench command to end (Slurm's KillWait is 30 s by default). */
    private static final long STOP_WAIT_SECONDS = 25;

    @Option(names = "--node-dir", required = true, description = "The node's directory in the fleet directory.")
    Path nodeDir;

    @Option(names = "--run-id", required = true, description = "The run id (the fleet's id).")
    String runId;

    @Parameters(paramLabel = "BENCH_OPTION", description = "The bench command's options, after --.")
    List<String> bench = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(nodeDir);
        String node = Objects.requireNonNullElse(System.getenv("SLURMD_NODENAME"),
                nodeDir.getFileName().toString());
        TaskMarker marker = TaskMarker.started(node, System.getenv("SLURM_JOB_ID"), ProcessHandle.current().pid());
        marker.write(nodeDir);
        Process process = new ProcessBuilder(command()).inheritIO().start();
        AtomicBoolean recorded = new AtomicBoolean();
        Thread onStop = new Thread(() -> {
            if (recorded.compareAndSet(false, true)) {
                try {
                    if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                        Processes.destroy(process);
                    }
                    marker.ended(process.exitValue()).write(nodeDir);
                } catch (Exception e) {
                    System.err.println("isobench: could not record the task's end: " + e.getMessage());
                }
            }
        }, "isobench-fleet-task-stop");
        Runtime.getRuntime().addShutdownHook(onStop);
        int code = process.waitFor();
        if (recorded.compareAndSet(false, true)) {
            marker.ended(code).write(nodeDir);
        }
        return code;
    }

    /** This jar's bench command, its --out the node's run directory (placed before any raw JMH options). */
    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Workspace.self().toString(), "bench"));
        int dash = bench.indexOf("--");
        command.addAll(dash < 0 ? bench : bench.subList(0, dash));
        command.addAll(List.of("--out", nodeDir.resolve(runId).toString()));
        if (dash >= 0) {
            command.addAll(bench.subList(dash, bench.size()));
        }
        return command;
    }
}
