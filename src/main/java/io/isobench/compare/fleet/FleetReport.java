package io.isobench.compare.fleet;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.input.FingerprintInput;
import io.isobench.compare.input.InputLoader;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.Headline;
import io.isobench.compare.report.Report;
import io.isobench.schema.ResultLayout;
import io.isobench.suite.Area;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The merged report of a fleet (see {@link FleetManifest}): per node the usual comparison (its containers and VM
 * against its own host, written into the node's run directory as ever), and across nodes each environment's headline
 * cost side by side, the hosts compared with the first node's host, and the fingerprint facts that differ between
 * nodes (CPU model, kernel, mitigations, hypervisor). A node that failed or was lost keeps its entry, with what it
 * wrote and why it is missing. Computed once here; {@link FleetBuilder} makes it a document.
 */
public record FleetReport(Path fleetDir, FleetManifest manifest, List<NodeResult> nodes, Comparison hosts,
                          List<String> environments, List<FingerprintRow> fingerprints, List<String> differences) {

    /** The fingerprint facts compared between nodes, with their names in the report; vulnerabilities.* follow. */
    static final Map<String, String> NODE_FACTS = new LinkedHashMap<>();

    static {
        NODE_FACTS.put("cpuModel", "CPU model");
        NODE_FACTS.put("cpus", "CPU count");
        NODE_FACTS.put("kernel", "kernel");
        NODE_FACTS.put("hypervisor", "hypervisor");
        NODE_FACTS.put("hypervisorVendor", "hypervisor vendor");
        NODE_FACTS.put("clocksource", "clocksource");
    }

    private static final String MITIGATION = "vulnerabilities.";

    /** One node: its entry in fleet.json, its run directory, and its comparison or why there is none. */
    public record NodeResult(FleetManifest.Node node, Path runDir, Comparison comparison, String problem) {

        /** The headline cell of an environment in an area (null: "All"), or null when the node has none. */
        public Headline.Cell cell(String environment, Area area) {
            if (comparison == null) {
                return null;
            }
            return comparison.headline().lines().stream().filter(l -> l.area() == area).findFirst()
                    .map(l -> l.cells().get(environment)).orElse(null);
        }

        /** The environment directories the node's run directory holds (what it wrote, even when it failed). */
        public List<String> written() {
            if (runDir == null || !Files.isDirectory(runDir)) {
                return List.of();
            }
            try (var children = Files.list(runDir)) {
                return children.filter(ResultLayout::isEnvDir).map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }

        /** A node counts as missing from the comparison when it did not finish its run or has nothing to compare. */
        public boolean missing() {
            return node.state() != FleetManifest.State.DONE || comparison == null;
        }
    }

    /** One fingerprint fact across nodes: the values (null where unknown) and whether they differ. */
    public record FingerprintRow(String key, String what, List<String> values, boolean differs) {
    }

    /** summary.json's {@code schema}: what the file is, and the mark of a fleet report directory. */
    public static final String SCHEMA = "isobench-fleet/1";

    /** Where a node's own report goes, under the fleet's report directory: {@code nodes/<node>/}. */
    public static final String NODES_DIR = "nodes";

    /**
     * Loads a fleet directory, compares each node's run directory and the nodes' hosts with each other. Nothing is
     * written: the fleet directory and the nodes' run directories are only read (see {@link #write}).
     */
    public static FleetReport load(Path fleetDir, CompareOptions options) throws CompareException {
        FleetManifest manifest = FleetManifest.read(fleetDir);
        List<NodeResult> nodes = new ArrayList<>();
        for (FleetManifest.Node node : manifest.nodes()) {
            nodes.add(compareNode(fleetDir, node, FleetManifest.runDirOf(fleetDir, node), options));
        }
        Set<String> environments = new LinkedHashSet<>();
        nodes.stream().filter(n -> n.comparison() != null)
                .forEach(n -> environments.addAll(n.comparison().headline().columns()));
        List<NodeResult> withHost = nodes.stream().filter(n -> hostDir(n) != null).toList();
        Comparison hosts = null;
        if (withHost.size() >= 2) {
            List<EnvironmentInput> inputs = InputLoader.load(withHost.stream().map(FleetReport::hostDir).toList(),
                    withHost.stream().map(n -> n.node().node()).toList());
            // Nodes may differ in JVM build or kernel: that is what this part shows, so it is named, not refused.
            hosts = Comparison.of(inputs, new CompareOptions(withHost.get(0).node().node(), options.alpha(),
                    options.equivalence(), options.noiseThreshold(), options.ramBytes(), true, null, null,
                    options.resamples(), options.seed(), options.title()));
        }
        List<FingerprintRow> rows = fingerprints(nodes);
        return new FleetReport(fleetDir, manifest, nodes, hosts, List.copyOf(environments), rows, differences(nodes, rows));
    }

    private static NodeResult compareNode(Path fleetDir, FleetManifest.Node node, Path runDir, CompareOptions options) {
        if (node.runDir() == null) {
            return new NodeResult(node, null, null, "no run directory");
        }
        if (runDir == null || !InputLoader.isRunDir(runDir)) {
            return new NodeResult(node, runDir, null, "no results in " + node.runDir());
        }
        try {
            Comparison comparison = Comparison.ofRunDir(runDir, options);
            return new NodeResult(node, runDir, comparison, null);
        } catch (CompareException e) {
            return new NodeResult(node, runDir, null, e.getMessage());
        }
    }

    /** The node's host environment directory, or null. */
    private static Path hostDir(NodeResult n) {
        if (n.runDir() == null) {
            return null;
        }
        Path host = n.runDir().resolve("host");
        return ResultLayout.isEnvDir(host) ? host : null;
    }

    /** The fingerprint of a node: its host's, else its first environment's. */
    private static FingerprintInput fingerprint(NodeResult n) {
        if (n.comparison() == null) {
            return FingerprintInput.none();
        }
        return n.comparison().environments().stream().filter(e -> e.kind().equals("host")).findFirst()
                .or(() -> n.comparison().environments().stream().findFirst())
                .map(EnvironmentInput::fingerprint).orElse(FingerprintInput.none());
    }

    static List<FingerprintRow> fingerprints(List<NodeResult> nodes) {
        List<FingerprintInput> prints = nodes.stream().map(FleetReport::fingerprint).toList();
        Set<String> keys = new LinkedHashSet<>(NODE_FACTS.keySet());
        prints.forEach(p -> p.values().keySet().stream().filter(k -> k.startsWith(MITIGATION)).sorted().forEach(keys::add));
        List<FingerprintRow> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> values = prints.stream().map(p -> p.get(key)).toList();
            if (values.stream().allMatch(Objects::isNull)) {
                continue;
            }
            String what = key.startsWith(MITIGATION) ? "mitigation " + key.substring(MITIGATION.length())
                    : NODE_FACTS.get(key);
            boolean differs = values.stream().filter(Objects::nonNull).distinct().count() > 1;
            rows.add(new FingerprintRow(key, what, values, differs));
        }
        return rows;
    }

    /** Each difference from the first node with a fingerprint, named: {@code b: CPU model X (a: Y)}. */
    static List<String> differences(List<NodeResult> nodes, List<FingerprintRow> rows) {
        List<String> named = new ArrayList<>();
        for (FingerprintRow row : rows.stream().filter(FingerprintRow::differs).toList()) {
            int reference = -1;
            for (int i = 0; i < nodes.size(); i++) {
                String value = row.values().get(i);
                if (value == null) {
                    continue;
                }
                if (reference < 0) {
                    reference = i;
                } else if (!value.equals(row.values().get(reference))) {
                    named.add(nodes.get(i).node().node() + ": " + row.what() + " " + value + " ("
                            + nodes.get(reference).node().node() + ": " + row.values().get(reference) + ")");
                }
            }
        }
        return named;
    }

    /** The nodes missing from the comparison, each with why: state, exit code, signal, Slurm state, reason. */
    public List<String> missingNodes() {
        List<String> lines = new ArrayList<>();
        for (NodeResult n : nodes) {
            if (!n.missing()) {
                continue;
            }
            FleetManifest.Node node = n.node();
            List<String> why = new ArrayList<>();
            why.add(node.state().word());
            if (node.exitCode() != null) {
                why.add("exit code " + node.exitCode());
            }
            if (node.signal() != null) {
                why.add(node.signal());
            }
            if (node.slurmState() != null) {
                why.add("Slurm " + node.slurmState());
            }
            String reason = node.reason() != null ? node.reason() : n.problem();
            List<String> written = n.written();
            lines.add(node.node() + ": " + String.join(", ", why) + (reason == null || reason.isBlank() ? "" : ": " + reason)
                    + "; kept: " + (written.isEmpty() ? "no results" : String.join(", ", written)));
        }
        return lines;
    }

    /** One cost per node, environment and area, for summary.json. */
    record Cost(String node, String environment, String area, double cost, double low, double high, int benchmarks) {
    }

    /** The machine-readable summary: fleet.json's content and every headline cost. */
    record Summary(String schema, FleetManifest fleet, List<Cost> costs, List<String> missing, List<String> differences) {
    }

    Summary summary() {
        List<Cost> costs = new ArrayList<>();
        for (NodeResult n : nodes) {
            if (n.comparison() == null) {
                continue;
            }
            for (Headline.Line line : n.comparison().headline().lines()) {
                line.cells().forEach((env, cell) -> costs.add(new Cost(n.node().node(), env, line.title(), cell.cost(),
                        finite(cell.low()), finite(cell.high()), cell.benchmarks())));
            }
        }
        return new Summary(SCHEMA, manifest, costs, missingNodes(), differences);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /**
     * Writes report.md, index.html and summary.json into {@code outDir}, and each compared node's report into
     * {@code outDir/nodes/<node>/}; returns the paths of the fleet's three. Nothing is written anywhere else.
     */
    public List<Path> write(Path outDir) throws CompareException {
        for (NodeResult n : nodes) {
            if (n.comparison() != null) {
                Report.writeAll(n.comparison(), outDir.resolve(NODES_DIR).resolve(n.node().node()));
            }
        }
        return Report.write(FleetBuilder.build(this), summary(), outDir);
    }
}
