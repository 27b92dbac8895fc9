package io.isobench.compare.fleet;

import io.isobench.compare.model.Headline;
import io.isobench.compare.report.Report;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.ReportText;
import io.isobench.compare.report.doc.Block.BulletList;
import io.isobench.compare.report.doc.Block.Chart;
import io.isobench.compare.report.doc.Block.Only;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Block.Subheading;
import io.isobench.compare.report.doc.Block;
import io.isobench.compare.report.doc.Inline;
import io.isobench.compare.report.doc.ReportDocument;
import io.isobench.compare.report.doc.Section;
import io.isobench.compare.report.doc.Table.Cell;
import io.isobench.compare.report.doc.Table.Column;
import io.isobench.compare.report.doc.Table.Row;
import io.isobench.compare.report.doc.Table;
import io.isobench.compare.stats.Format;
import io.isobench.suite.Area;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fleet's report as a document, written by the same writers as a comparison's: each environment's headline per
 * node (a chart and a table per environment), the nodes, the missing ones, what differs between them, the hosts
 * compared with the first node's, and where each node's own report is. One method per section, in the order of
 * {@link #SECTIONS}.
 */
public final class FleetBuilder {

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

    /** The fleet report's sections, in order. */
    static final List<Function<FleetReport, Optional<Section>>> SECTIONS = List.of(FleetBuilder::headline,
            FleetBuilder::nodes, FleetBuilder::missing, FleetBuilder::differences, FleetBuilder::hosts,
            FleetBuilder::reports);

    private FleetBuilder() {
    }

    public static ReportDocument build(FleetReport r) {
        return new ReportDocument("isobench fleet " + r.manifest().fleetId(), List.of(new Paragraph(
                Paragraph.Style.INTRO, intro(r))), SECTIONS.stream().flatMap(s -> s.apply(r).stream()).toList());
    }

    static Optional<Section> headline(FleetReport r) {
        return Optional.of(new Section("headline", "Headline across nodes", headlineBlocks(r)));
    }

    /** Each environment's headline cost per node, a chart and a table per environment (also printed on the console). */
    public static List<Block> headlineBlocks(FleetReport r) {
        if (r.environments().isEmpty()) {
            return List.of(Paragraph.of(NOTHING_ACROSS));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.left("Area")));
        r.nodes().forEach(n -> columns.add(Column.right(n.node().node())));
        List<Block> blocks = new ArrayList<>();
        for (String env : r.environments()) {
            List<Row> rows = new ArrayList<>();
            for (Area area : areas(r, env)) {
                List<Cell> cells = new ArrayList<>(List.of(area == null ? Cell.of(new Inline.Strong("All"))
                        : Cell.of(area.title())));
                r.nodes().forEach(n -> cells.add(Cell.num(cell(n, env, area))));
                rows.add(Row.of(cells));
            }
            blocks.add(Only.markdown(Paragraph.of(new Inline.Strong(env), new Inline.Text(" against each node's own host:"))));
            blocks.add(Only.html(new Subheading(null, env + " against each node's own host")));
            blocks.add(new Chart(Chart.Kind.BARS, FleetChart.render(r, env)));
            blocks.add(Table.of(columns, rows));
        }
        return blocks;
    }

    static Optional<Section> nodes(FleetReport r) {
        List<Row> rows = r.nodes().stream().map(n -> Row.of(nodeCells(n).stream().map(Cell::of).toList())).toList();
        return Optional.of(new Section("nodes", "Nodes",
                List.of(new Table(null, null, true, NODE_COLUMNS.stream().map(Column::left).toList(), rows))));
    }

    static Optional<Section> missing(FleetReport r) {
        List<String> missing = r.missingNodes();
        return missing.isEmpty() ? Optional.empty()
                : Optional.of(new Section("missing", "Missing nodes", List.of(BulletList.of(missing))));
    }

    static Optional<Section> differences(FleetReport r) {
        String heading = "What differs between nodes";
        if (r.fingerprints().isEmpty()) {
            return Optional.of(new Section("differences", heading, List.of(Paragraph.of("No node has a fingerprint."))));
        }
        List<Column> columns = new ArrayList<>(List.of(Column.left("Fact")));
        r.nodes().forEach(n -> columns.add(Column.left(n.node().node())));
        List<Row> rows = new ArrayList<>();
        for (FleetReport.FingerprintRow f : r.fingerprints()) {
            List<Cell> cells = new ArrayList<>(List.of(f.differs()
                    ? Cell.of(new Inline.Text("≠ "), new Inline.Strong(f.what())) : Cell.of(f.what())));
            f.values().forEach(v -> cells.add(Cell.of(v == null ? Format.DASH : ReportText.shorten(v))));
            rows.add(Row.of(cells));
        }
        return Optional.of(new Section("differences", heading, List.of(
                Paragraph.of(r.differences().isEmpty() ? NO_DIFFERENCE : DIFFERENCES_INTRO),
                BulletList.of(r.differences()), new Table(null, null, true, columns, rows))));
    }

    static Optional<Section> hosts(FleetReport r) {
        if (r.hosts() == null) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>(List.of(Paragraph.of(HOSTS_INTRO)));
        blocks.addAll(ReportBuilder.headlineBlocks(r.hosts()));
        return Optional.of(new Section("hosts", "Hosts across nodes", blocks));
    }

    static Optional<Section> reports(FleetReport r) {
        return Optional.of(new Section("per-node", "Reports per node", List.of(BulletList.of(
                r.nodes().stream().map(n -> n.node().node() + ": " + nodeReport(n)).toList()))));
    }

    static List<Inline> intro(FleetReport r) {
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
        return List.of(new Inline.Text("Submitted " + m.created() + " through Slurm, one exclusive task per node"
                        + (asked.isEmpty() ? "" : " (" + String.join(", ", asked) + ")") + ", each running "),
                new Inline.Code("isobench bench " + String.join(" ", m.benchArgs())),
                new Inline.Text(": " + m.nodes().size() + " node(s), " + m.count(FleetManifest.State.DONE) + " done, "
                        + m.count(FleetManifest.State.FAILED) + " failed, "
                        + m.count(FleetManifest.State.LOST) + " lost, "
                        + (m.count(FleetManifest.State.PENDING) + m.count(FleetManifest.State.RUNNING)) + " unfinished. "
                        + "Per node, each environment is compared with that node's own host."));
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
