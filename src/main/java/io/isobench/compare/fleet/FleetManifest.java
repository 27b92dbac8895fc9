package io.isobench.compare.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.compare.CompareException;
import io.isobench.compare.input.Json;
import io.isobench.suite.JsonFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * fleet.json, in a fleet directory ({@code results/<fleet-id>/}): what {@code isobench fleet} asked Slurm for and what
 * became of each node. One typed schema, written by the launcher and read by the comparison. A node's results live in
 * {@code <fleet-dir>/<node>/<run-id>/}, an ordinary run directory.
 *
 * @param fleetId   the fleet's id, also its directory's name and every node's run id
 * @param created   when the fleet was submitted (UTC, ISO-8601)
 * @param asked     the nodes asked for, as given ({@code --nodelist}, {@code --nodes}, {@code --partition})
 * @param benchArgs the options of the bench command every node ran
 * @param nodes     one entry per node, in the order asked
 */
public record FleetManifest(String fleetId, String created, Asked asked, List<String> benchArgs, List<Node> nodes) {

    /** The file's name in a fleet directory. */
    public static final String FILE = "fleet.json";

    /** The nodes as asked for; null where not given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Asked(String nodelist, Integer nodes, String partition) {
    }

    /**
     * Where a node's task stands: failed when it ended and said so (its exit marker) or Slurm ended it (cancelled, time
     * limit), lost when it went away with its node, without a word (Slurm declared the node failed, or forgot the job).
     */
    public enum State {
        @JsonProperty("pending") PENDING,
        @JsonProperty("running") RUNNING,
        @JsonProperty("done") DONE,
        @JsonProperty("failed") FAILED,
        @JsonProperty("lost") LOST;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean finished() {
            return this == DONE || this == FAILED || this == LOST;
        }
    }

    /**
     * One node's task.
     *
     * @param node       the node's name
     * @param jobId      the Slurm job that ran its task
     * @param state      pending, running, done, failed or lost
     * @param slurmState the last state squeue showed (PENDING, RUNNING, COMPLETED, CANCELLED, NODE_FAIL, ...)
     * @param exitCode   the bench command's exit code (0 complete, 3 partial), or null when it did not end by itself
     * @param signal     the signal that ended it (SIGTERM, SIGKILL), or null
     * @param runDir     its run directory, relative to the fleet directory
     * @param reason     why it is in its state, in one line
     */
    public record Node(String node, String jobId, State state, String slurmState, Integer exitCode, String signal,
                       String runDir, String reason) {

        public Node withState(State newState, String newSlurmState, Integer newExitCode, String newSignal,
                              String newReason) {
            return new Node(node, jobId, newState, newSlurmState, newExitCode, newSignal, runDir, newReason);
        }
    }

    public FleetManifest {
        benchArgs = List.copyOf(benchArgs);
        nodes = List.copyOf(nodes);
    }

    /** The same fleet with one node's entry replaced (matched by name). */
    public FleetManifest with(Node updated) {
        List<Node> all = new ArrayList<>();
        nodes.forEach(n -> all.add(n.node().equals(updated.node()) ? updated : n));
        return new FleetManifest(fleetId, created, asked, benchArgs, all);
    }

    /** Whether every node has finished: done, failed or lost. */
    public boolean finished() {
        return nodes.stream().allMatch(n -> n.state().finished());
    }

    /** How many nodes are in a state. */
    public long count(State state) {
        return nodes.stream().filter(n -> n.state() == state).count();
    }

    /** A fleet directory is one that holds a fleet.json. */
    public static boolean isFleetDir(Path dir) {
        return io.isobench.schema.UntrustedFile.present(dir.resolve(FILE));
    }

    /** What a node's name may be: a host name (it names the node's report directory). */
    private static final java.util.regex.Pattern NODE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    /**
     * A node's run directory as a real path, which must lie inside the fleet directory's real path: a name with
     * {@code ..} is refused when fleet.json is read, and a link that leads elsewhere is refused here. Null when the
     * node has no run directory or it does not exist.
     */
    public static Path runDirOf(Path fleetDir, Node node) throws CompareException {
        if (node.runDir() == null) {
            return null;
        }
        Path runDir = fleetDir.resolve(node.runDir());
        if (!Files.exists(runDir)) {
            return null;
        }
        try {
            Path real = runDir.toRealPath();
            if (!real.startsWith(fleetDir.toRealPath())) {
                throw new CompareException(fleetDir.resolve(FILE), "node " + node.node() + " has a run directory outside"
                        + " the fleet directory: " + node.runDir() + " leads to " + real);
            }
            return real;
        } catch (IOException e) {
            throw new CompareException(runDir, "cannot be read (" + Json.oneLine(e.getMessage()) + ")");
        }
    }

    /** Writes {@code dir/fleet.json} atomically: a reader sees the old file or the new one. */
    public void write(Path dir) throws IOException {
        JsonFiles.write(dir.resolve(FILE), this);
    }

    /** Reads {@code dir/fleet.json}; a missing, malformed or incomplete file is a one-line {@link CompareException}. */
    public static FleetManifest read(Path dir) throws CompareException {
        Path file = dir.resolve(FILE);
        JsonNode tree = Json.read(file);
        FleetManifest manifest;
        try {
            manifest = Json.MAPPER.treeToValue(tree, FleetManifest.class);
        } catch (JsonProcessingException e) {
            throw new CompareException(file, "is not a fleet record (" + Json.oneLine(e.getOriginalMessage()) + ")");
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CompareException(file, "is not a fleet record (" + Json.oneLine(e.getMessage()) + ")");
        }
        if (manifest.fleetId() == null || manifest.fleetId().isBlank()) {
            throw new CompareException(file, "has no fleetId");
        }
        for (Node node : manifest.nodes()) {
            if (node.node() == null || node.node().isBlank() || node.state() == null) {
                throw new CompareException(file, "has a node without a name or a state");
            }
            if (!NODE_NAME.matcher(node.node()).matches()) {
                throw new CompareException(file, "has a node whose name is not a host name: '"
                        + Json.oneLine(node.node()) + "'");
            }
            if (node.runDir() != null && (Path.of(node.runDir()).isAbsolute() || node.runDir().contains(".."))) {
                throw new CompareException(file, "node " + node.node() + " has a run directory outside the fleet "
                        + "directory: " + node.runDir());
            }
        }
        return manifest;
    }
}
