package io.isobench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A Slurm cluster started for a test by one of the scripts in src/test/resources/slurm/ ({@code start DIR}, its
 * configuration, spool and logs in DIR), found by its clients through {@link #env()}; closing it stops it and checks
 * that none of its processes is left.
 */
final class TestCluster implements AutoCloseable {

    private static final long SCRIPT_SECONDS = 120;

    private final Path script;
    private final Path dir;

    private TestCluster(Path script, Path dir) {
        this.script = script;
        this.dir = dir;
    }

    /** Starts the cluster of {@code scriptName} in {@code dir}; skipped (or failed under CI) without root or Slurm. */
    static TestCluster start(String scriptName, Path dir) throws IOException, InterruptedException {
        Engines.requireSlurm();
        TestCluster cluster = new TestCluster(Path.of(System.getProperty("isobench.projectDir", "."),
                "src/test/resources/slurm", scriptName), dir);
        Engines.Result started = cluster.run("start");
        if (started.exitCode() != 0) {
            Engines.Result stopped = cluster.run("stop");
            fail("the test cluster did not start: " + started.output() + "\n" + stopped.output());
        }
        return cluster;
    }

    /** Runs the script's {@code VERB DIR ARGS...} (e.g. {@code kill-node DIR node2}). */
    Engines.Result run(String verb, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), verb, dir.toString()));
        command.addAll(List.of(args));
        return Engines.runFor(command, SCRIPT_SECONDS, Map.of());
    }

    /** The environment a Slurm client needs to reach this cluster. */
    Map<String, String> env() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    Path dir() {
        return dir;
    }

    /**
     * {@code isobench fleet} on this cluster at its smallest: {@code nodes} nodes, the smoke profile, the host only,
     * the benchmark classes that {@code include} matches, squeue read every second.
     */
    Launch.Running fleet(Path fleetDir, int nodes, String include) throws IOException {
        return Launch.start(env(), "fleet", "--nodes", String.valueOf(nodes), "--poll", "1", "--fleet-dir",
                fleetDir.toString(), "--profile", "smoke", "--envs", "host", "--include", include);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Engines.Result stopped = run("stop");
        assertEquals(0, stopped.exitCode(), stopped.output());
        assertEquals(List.of(), Launch.processesContaining(dir.toString()), "Slurm daemons left running");
    }

    /** The last lines of what a node's task printed (Slurm's output files in the node directory), for a message. */
    static String taskOutput(Path nodeDir) throws IOException {
        if (!Files.isDirectory(nodeDir)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(nodeDir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("slurm-")).toList()) {
                List<String> lines = Files.readAllLines(log);
                text.append("\n").append(log.getFileName()).append(":\n")
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            }
        }
        return text.toString();
    }
}
