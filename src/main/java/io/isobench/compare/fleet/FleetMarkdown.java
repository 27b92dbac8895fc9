package io.isobench.compare.fleet;

import io.isobench.compare.input.Area;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.ReportText;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.stats.Format;

import java.util.ArrayList;
import java.util.List;

/** The fleet's report.md: the nodes, each environment's headline per node, the missing nodes and what differs. */
public final class FleetMarkdown {

    private FleetMarkdown() {
    }

    public static String render(FleetReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# isobench fleet ").append(r.manifest().fleetId()).append("\n\n");
        md.append(FleetText.intro(r)).append("\n\n");
        md.append("## Headline across nodes\n\n").append(headline(r)).append('\n');
        md.append("## Nodes\n\n");
        md.append(row(FleetText.NODE_COLUMNS)).append("|---".repeat(FleetText.NODE_COLUMNS.size())).append("|\n");
        r.nodes().forEach(n -> md.append(row(FleetText.nodeCells(n))));
        md.append('\n');
        List<String> missing = r.missingNodes();
        if (!missing.isEmpty()) {
            md.append("## Missing nodes\n\n");
            missing.forEach(m -> md.append("- ").append(m).append('\n'));
            md.append('\n');
        }
        md.append("## What differs between nodes\n\n");
        if (r.fingerprints().isEmpty()) {
            md.append("No node has a fingerprint.\n\n");
        } else {
            md.append(r.differences().isEmpty() ? FleetText.NO_DIFFERENCE : FleetText.DIFFERENCES_INTRO).append("\n\n");
            r.differences().forEach(d -> md.append("- ").append(d).append('\n'));
            List<String> header = new ArrayList<>(List.of("Fact"));
            r.nodes().forEach(n -> header.add(n.node().node()));
            md.append('\n').append(row(header)).append("|---".repeat(header.size())).append("|\n");
            for (FleetReport.FingerprintRow f : r.fingerprints()) {
                List<String> cells = new ArrayList<>(List.of(f.differs() ? "≠ **" + f.what() + "**" : f.what()));
                f.values().forEach(v -> cells.add(v == null ? Format.DASH : ReportText.shorten(v)));
                md.append(row(cells));
            }
            md.append('\n');
        }
        if (r.hosts() != null) {
            md.append("## Hosts across nodes\n\n").append(FleetText.HOSTS_INTRO).append("\n\n")
                    .append(MarkdownWriter.blocks(ReportBuilder.headlineBlocks(r.hosts()))).append('\n');
        }
        md.append("## Reports per node\n\n");
        r.nodes().forEach(n -> md.append("- ").append(n.node().node()).append(": ").append(FleetText.nodeReport(n))
                .append('\n'));
        return md.toString();
    }

    /** Each environment's headline cost per node, one table per environment (also printed on the console). */
    public static String headline(FleetReport r) {
        if (r.environments().isEmpty()) {
            return FleetText.NOTHING_ACROSS + "\n";
        }
        StringBuilder md = new StringBuilder();
        for (String env : r.environments()) {
            md.append("**").append(env).append("** against each node's own host:\n\n");
            List<String> header = new ArrayList<>(List.of("Area"));
            r.nodes().forEach(n -> header.add(n.node().node()));
            md.append(row(header)).append("|---|").append("---:|".repeat(header.size() - 1)).append('\n');
            for (Area area : FleetText.areas(r, env)) {
                List<String> cells = new ArrayList<>(List.of(area == null ? "**All**" : area.title()));
                r.nodes().forEach(n -> cells.add(FleetText.cell(n, env, area)));
                md.append(row(cells));
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        cells.forEach(c -> sb.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        return sb.append('\n').toString();
    }
}
