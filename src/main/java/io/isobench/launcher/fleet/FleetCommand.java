package io.isobench.launcher.fleet;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.fleet.FleetBuilder;
import io.isobench.compare.fleet.FleetManifest.Node;
import io.isobench.compare.fleet.FleetManifest.State;
import io.isobench.compare.fleet.FleetManifest;
import io.isobench.compare.fleet.FleetReport;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.launcher.cli.BenchCommand;
import io.isobench.launcher.core.Cleanup;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Progress;
import io.isobench.launcher.core.Workspace;
import io.isobench.schema.ExitCode;
import io.isobench.schema.ResultLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code isobench fleet}: the main job on a Slurm cluster. One batch job per node ({@code sbatch --parsable
 * --nodelist NODE --exclusive}, so nothing else shares the node while it measures, and {@code --no-requeue}: a job whose
 * node fails would otherwise go back to PENDING, wait for that node and run the whole bench again into the same run
 * directory; here it ends NODE_FAIL and its node is lost), each running {@code isobench bench}
 * from this jar into {@code <fleet-dir>/<node>/<fleet-id>/}. It waits, with a progress line whenever the counts
 * change, reading squeue and the task markers (no accounting needed), keeps fleet.json up to date, and merges the
 * nodes' results into {@code <fleet-dir>/report/} (see {@link FleetReport}). Ctrl-C cancels its jobs and keeps what
 * they wrote. The scheduler is the cluster's: a node's task runs when Slurm starts it.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the main job (bench) on a Slurm cluster, one exclusive task per node, and merge the results.",
            "Any other option goes to bench on every node, e.g. isobench fleet --nodes 2 --profile smoke --envs host,container "
                + "(raw JMH options after --)."})
public final class FleetCommand implements Callable<Integer> {

    /**
     * How long a job Slurm calls finished may take to write its exit marker before it is judged without one, and how long
     * a task that wrote its end waits for Slurm to leave RUNNING/COMPLETING before its last seen state is recorded.
     */
    static final long MARKER_GRACE_SECONDS = 40;
    /** The batch script: the task's command comes as its arguments, so nothing needs shell quoting. */
    static final String TASK_SCRIPT = "#!/bin/sh\n# One node's task of an isobench fleet; its command is in the arguments.\n"
            + "exec \"$@\"\n";

    @Spec
    CommandSpec spec;

    @Option(names = "--nodelist", paramLabel = "LIST", description = "Slurm host list of the nodes, e.g. node[1-4].")
    String nodelist;

    @Option(names = "--nodes", paramLabel = "N", description = "How many nodes (of --nodelist or --partition, or of "
            + "the cluster's usable nodes).")
    Integer nodes;

    @Option(names = "--partition", paramLabel = "P", description = "The partition to run in (all its usable nodes "
            + "unless --nodes).")
    String partition;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm time limit per node's job (sbatch --time).")
    String time;

    @Option(names = "--fleet-dir", paramLabel = "DIR", description = "The fleet directory, on a file system every node "
            + "shares (default: results/<fleet-id>/).")
    String fleetDir;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "10",
            description = "Seconds between looks at squeue and the task markers (default: ${DEFAULT-VALUE}).")
    int pollSeconds;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    private volatile FleetManifest current;
    private volatile boolean over;

    @Override
    public Integer call() throws Exception {
        List<String> bench = benchArgs(spec.commandLine().getParseResult().originalArgs(), unmatched);
        checkBench(bench);
        if (nodelist == null && nodes == null && partition == null) {
            throw new IllegalArgumentException("name the nodes: --nodelist LIST, --nodes N or --partition P");
        }
        if (nodes != null && nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, got " + nodes);
        }
        if (pollSeconds < 1) {
            throw new IllegalArgumentException("--poll must be at least 1 second, got " + pollSeconds);
        }
        Path launcher = Workspace.self();
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalArgumentException("isobench fleet runs from target/isobench.jar (build it with "
                    + "'mvn -DskipTests package'), not from " + launcher);
        }
        Slurm.check();
        List<String> names = nodeNames();
        Path dir = (fleetDir != null ? Path.of(fleetDir) : Path.of("results", Workspace.newRunId())).toAbsolutePath()
                .normalize();
        if (dir.getFileName() == null) {
            throw new IllegalArgumentException("--fleet-dir " + fleetDir + " is not a fleet directory: name one below it");
        }
        if (FleetManifest.isFleetDir(dir)) {
            throw new IllegalArgumentException(dir + " already holds a fleet (fleet.json); name a new --fleet-dir");
        }
        String fleetId = dir.getFileName().toString();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("task.sh"), TASK_SCRIPT);
        List<Node> planned = names.stream().map(n -> new Node(n, null, State.PENDING, null, null, null,
                n + "/" + fleetId, "not submitted yet")).toList();
        current = new FleetManifest(fleetId, Instant.now().toString(),
                new FleetManifest.Asked(nodelist, nodes, partition), bench, planned);
        current.write(dir);
        Progress.say("fleet " + fleetId + ": " + names.size() + " node(s) (" + String.join(", ", names) + "), into " + dir);
        try (Cleanup cleanup = new Cleanup()) {
            cleanup.add("the fleet's Slurm jobs", () -> cancelUnfinished(dir));
            for (Node node : planned) {
                Path nodeDir = Files.createDirectories(dir.resolve(node.node()));
                String jobId = Slurm.submit(sbatchArgs(dir, nodeDir, node.node(), fleetId, launcher, bench));
                current = current.with(new Node(node.node(), jobId, State.PENDING, "PENDING", null, null,
                        node.runDir(), "submitted"));
                current.write(dir);
                Progress.say("node " + node.node() + ": job " + jobId + " submitted");
            }
            watch(dir);
            over = true;
        }
        return merge(dir);
    }

    /** The bench options given to fleet: the unmatched ones, with the raw JMH options after {@code --} kept apart. */
    static List<String> benchArgs(List<String> original, List<String> unmatched) {
        int dash = original.indexOf("--");
        if (dash < 0) {
            return List.copyOf(unmatched);
        }
        List<String> tail = original.subList(dash + 1, original.size());
        List<String> args = new ArrayList<>(unmatched.subList(0, unmatched.size() - tail.size()));
        args.add("--");
        args.addAll(tail);
        return args;
    }

    /** The bench options must parse as bench's and leave --out to the fleet; checked before anything is submitted. */
    static void checkBench(List<String> bench) {
        CommandLine commandLine = BenchCommand.commandLine();
        BenchCommand command = commandLine.getCommand();
        try {
            commandLine.parseArgs(bench.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException("not an option of fleet or bench: " + e.getMessage().strip()
                    .replaceAll("\\s*\\R\\s*", "; "));
        }
        if (command.runOptions().outGiven()) {
            throw new IllegalArgumentException("--out is the fleet's to choose (<fleet-dir>/<node>/<fleet-id>/); use "
                    + "--fleet-dir");
        }
        command.runOptions().check();
    }

    private List<String> nodeNames() throws LauncherException, InterruptedException {
        List<String> usable = Slurm.usableNodes(partition);
        List<String> names = nodelist != null ? Slurm.hostnames(nodelist) : usable;
        List<String> unusable = names.stream().filter(n -> !usable.contains(n)).toList();
        if (!unusable.isEmpty()) {
            throw new LauncherException("node(s) " + String.join(", ", unusable) + " cannot run a job"
                    + (partition == null ? "" : " in partition " + partition) + ": sinfo lists them as unknown, down or "
                    + "drained (usable: " + (usable.isEmpty() ? "none" : String.join(", ", usable)) + ")");
        }
        if (names.isEmpty()) {
            throw new LauncherException(nodelist != null ? "--nodelist " + nodelist + " names no node"
                    : "no usable node" + (partition == null ? "" : " in partition " + partition) + " (sinfo shows none "
                    + "idle, mixed or allocated)");
        }
        if (nodes != null) {
            if (names.size() < nodes) {
                throw new LauncherException(nodes + " node(s) asked for, but there are only " + names.size() + ": "
                        + String.join(", ", names));
            }
            names = names.subList(0, nodes);
        }
        return names;
    }

    private List<String> sbatchArgs(Path dir, Path nodeDir, String node, String fleetId, Path launcher,
                                    List<String> bench) {
        List<String> args = new ArrayList<>(List.of("--job-name", jobName(fleetId), "--nodelist", node, "--nodes", "1",
                "--ntasks", "1", "--exclusive", "--no-requeue", "--chdir", Path.of("").toAbsolutePath().toString(),
                "--output", nodeDir.resolve("slurm-%j.out").toString()));
        if (partition != null) {
            args.addAll(List.of("--partition", partition));
        }
        if (time != null) {
            args.addAll(List.of("--time", time));
        }
        args.addAll(List.of(dir.resolve("task.sh").toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", launcher.toString(),
                "fleet-task", "--node-dir", nodeDir.toString(), "--run-id", fleetId, "--"));
        args.addAll(bench);
        return args;
    }

    static String jobName(String fleetId) {
        return "isobench-" + fleetId;
    }

    /** Looks at squeue and the markers every --poll seconds until every node is done or failed. */
    private void watch(Path dir) throws LauncherException, InterruptedException, IOException {
        Map<String, Long> finishedSince = new HashMap<>();
        String counts = "";
        while (!current.finished()) {
            Map<String, QueueRow> rows = Slurm.queue(jobName(current.fleetId())).stream()
                    .collect(Collectors.toMap(QueueRow::jobId, Function.identity(), (a, b) -> b));
            for (Node node : current.nodes()) {
                if (node.state().finished()) {
                    continue;
                }
                QueueRow row = rows.get(node.jobId());
                TaskMarker marker = TaskMarker.read(dir.resolve(node.node()));
                boolean graceOver = false;
                NodeStatus.SlurmExit exit = null;
                boolean slurmFinished = row != null && NodeStatus.finished(row.state());
                if (slurmFinished || row != null && marker != null && marker.hasEnded()) {
                    long since = finishedSince.computeIfAbsent(node.node(), n -> System.nanoTime());
                    graceOver = System.nanoTime() - since > MARKER_GRACE_SECONDS * 1_000_000_000L;
                    if (graceOver && slurmFinished) {
                        exit = NodeStatus.SlurmExit.parse(Slurm.job(node.jobId()).get("ExitCode"));
                    }
                }
                Node updated = NodeStatus.update(node, row, marker, exit, graceOver);
                if (updated.state() != node.state()) {
                    Progress.say("node " + node.node() + ": " + updated.state().word() + " (job " + node.jobId() + ", "
                            + updated.reason() + ")");
                }
                current = current.with(updated);
            }
            current.write(dir);
            String now = progress(current);
            if (!now.equals(counts)) {
                Progress.say("fleet " + current.fleetId() + ": " + now);
                counts = now;
            }
            if (!current.finished()) {
                Thread.sleep(pollSeconds * 1000L);
            }
        }
    }

    static String progress(FleetManifest manifest) {
        return manifest.count(State.PENDING) + " pending, " + manifest.count(State.RUNNING) + " running, "
                + manifest.count(State.DONE) + " done, " + manifest.count(State.FAILED) + " failed, "
                + manifest.count(State.LOST) + " lost";
    }

    /** From the cleanup hook: on Ctrl-C (or any end before the watch is over) cancel the jobs, keep what they wrote. */
    private void cancelUnfinished(Path dir) throws Exception {
        FleetManifest manifest = current;
        if (over || manifest == null) {
            return;
        }
        List<String> jobs = manifest.nodes().stream().filter(n -> !n.state().finished() && n.jobId() != null)
                .map(Node::jobId).toList();
        if (!jobs.isEmpty()) {
            Progress.warn("stopped before the nodes finished: cancelling job(s) " + String.join(", ", jobs)
                    + "; what the nodes wrote stays in " + dir);
            Slurm.cancel(jobs);
        }
        for (Node node : manifest.nodes()) {
            if (!node.state().finished()) {
                manifest = manifest.with(node.withState(State.FAILED, node.slurmState(), null, null,
                        "cancelled: isobench fleet was interrupted before the node finished"));
            }
        }
        manifest.write(dir);
    }

    /** Merges the nodes into FLEET_DIR/report/ and prints the headline; the exit code says how the fleet went. */
    private int merge(Path dir) {
        Progress.say("merging the nodes of " + dir);
        try {
            FleetReport report = FleetReport.load(dir, CompareOptions.defaults());
            Path out = ResultLayout.reportDir(dir);
            report.write(out);
            System.out.println();
            System.out.print(MarkdownWriter.blocks(FleetBuilder.headlineBlocks(report)));
            report.missingNodes().forEach(m -> Progress.warn("missing node " + m));
            Progress.say("report: " + out.resolve("index.html") + " (also report.md, summary.json); fleet.json: "
                    + dir.resolve(FleetManifest.FILE));
        } catch (CompareException e) {
            Progress.warn("no merged report: " + e.getMessage());
            return ExitCode.FAILURE;
        }
        return exitCode(current);
    }

    /** 0 when every node completed, 3 when some failed or were partial but one finished, 1 when none did. */
    static int exitCode(FleetManifest manifest) {
        if (manifest.count(State.DONE) == 0) {
            return ExitCode.FAILURE;
        }
        boolean clean = manifest.nodes().stream().allMatch(n -> n.state() == State.DONE && Integer.valueOf(0).equals(n.exitCode()));
        return clean ? ExitCode.DONE : ExitCode.PARTIAL;
    }
}
