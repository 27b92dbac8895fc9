package io.isobench.compare.fleet;

import io.isobench.compare.input.Area;
import io.isobench.compare.model.Headline;
import io.isobench.compare.report.Report;
import io.isobench.compare.report.ReportText;
import io.isobench.compare.stats.Format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fleet report's sentences and cells, shared by its Markdown and HTML renderings. */
final class FleetText {

    static final List<String> NODE_COLUMNS = List.of("Node", "State", "Job", "Slurm state", "Exit code", "Signal",
            "Run directory", "Reason");
    static final String NOTHING_ACROSS = "No node compared an environment with its host (only hosts ran, or no node "
            + "finished): see the nodes and the hosts across nodes below.";
    static final String NO_DIFFERENCE = "The nodes' fingerprints agree on CPU model and count, kernel, hypervisor, "
            + "clocksource and mitigations.";
    static final String DIFFERENCES_INTRO = "Fingerprint facts that differ between nodes (each against the first node "
            + "with one): a cost measured on one node is only comparable with another's in their light.";
    static final String HOSTS_INTRO = "Each node's host against the first node's host: how far the machines themselves "
            + "differ, before any isolation.";

    private FleetText() {
    }

    static String intro(FleetReport r) {
        FleetManifest m = r.manifest();
        List<String> asked = new ArrayList<>();
        if (m.asked() != null) {
            if (m.asked().nodelist() != null) {
                asked.add("nodelist " + m.asked().nodelist());
            }
            if (m.asked().nodes() != null) {
                asked.add(m.asked().nodes() + " node(s)");
            }
            if (m.asked().partition() != null) {
                asked.add("partition " + m.asked().partition());
            }
        }
        return "Submitted " + m.created() + " through Slurm, one exclusive task per node"
                + (asked.isEmpty() ? "" : " (" + String.join(", ", asked) + ")") + ", each running `isobench bench "
                + String.join(" ", m.benchArgs()) + "`: " + m.nodes().size() + " node(s), "
                + m.count(FleetManifest.State.DONE) + " done, " + m.count(FleetManifest.State.FAILED) + " failed, "
                + (m.count(FleetManifest.State.PENDING) + m.count(FleetManifest.State.RUNNING)) + " unfinished. "
                + "Per node, each environment is compared with that node's own host.";
    }

    static List<String> nodeCells(FleetReport.NodeResult n) {
        FleetManifest.Node node = n.node();
        return List.of(node.node(), node.state().word(), text(node.jobId()), text(node.slurmState()),
                node.exitCode() == null ? Format.DASH : node.exitCode().toString(), text(node.signal()),
                text(node.runDir()), node.reason() != null ? node.reason() : text(n.problem()));
    }

    /** Where a node's own report is, relative to the fleet directory, or why there is none. */
    static String nodeReport(FleetReport.NodeResult n) {
        if (n.comparison() == null) {
            return "no report (" + (n.problem() != null ? n.problem() : n.node().state().word()) + ")";
        }
        return Path.of(FleetReport.NODES_DIR, n.node().node(), Report.MARKDOWN) + " (and " + Report.HTML + ")";
    }

    /** The areas any node has a headline line for, for one environment, "All" (null) last. */
    static List<Area> areas(FleetReport r, String env) {
        List<Area> areas = new ArrayList<>();
        for (Area area : Area.values()) {
            if (r.nodes().stream().anyMatch(n -> n.cell(env, area) != null)) {
                areas.add(area);
            }
        }
        if (r.nodes().stream().anyMatch(n -> n.cell(env, null) != null)) {
            areas.add(null);
        }
        return areas;
    }

    static String cell(FleetReport.NodeResult n, String env, Area area) {
        Headline.Cell cell = n.cell(env, area);
        if (cell != null) {
            return ReportText.headlineCell(cell);
        }
        return n.missing() ? "missing (" + n.node().state().word() + ")" : Format.DASH;
    }

    private static String text(String value) {
        return value == null ? Format.DASH : value;
    }
}
