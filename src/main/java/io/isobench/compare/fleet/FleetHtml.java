package io.isobench.compare.fleet;

import io.isobench.compare.input.Area;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.ReportText;
import io.isobench.compare.report.doc.Html;
import io.isobench.compare.report.doc.HtmlWriter;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.compare.stats.Format;

import java.util.List;

/** The fleet's index.html: the same content as {@link FleetMarkdown}, with a chart per environment; self-contained. */
final class FleetHtml {

    private FleetHtml() {
    }

    static String render(FleetReport r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:\">\n<title>isobench fleet ").append(Html.esc(r.manifest().fleetId()))
                .append("</title>\n<style>\n").append(HtmlWriter.CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>isobench fleet ").append(Html.esc(r.manifest().fleetId())).append("</h1>\n<p class=\"intro\">")
                .append(Html.esc(FleetText.intro(r))).append("</p>\n");
        h.append("<h2 id=\"headline\">Headline across nodes</h2>\n");
        if (r.environments().isEmpty()) {
            h.append("<p>").append(Html.esc(FleetText.NOTHING_ACROSS)).append("</p>\n");
        }
        for (String env : r.environments()) {
            h.append("<h3>").append(Html.esc(env)).append(" against each node's own host</h3>\n");
            h.append(FleetChart.render(r, env));
            h.append("<table><thead><tr><th>Area</th>");
            r.nodes().forEach(n -> h.append("<th>").append(Html.esc(n.node().node())).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            for (Area area : FleetText.areas(r, env)) {
                h.append("<tr><td>").append(area == null ? "<strong>All</strong>" : Html.esc(area.title())).append("</td>");
                r.nodes().forEach(n -> h.append("<td class=\"num\">").append(Html.esc(FleetText.cell(n, env, area)))
                        .append("</td>"));
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2 id=\"nodes\">Nodes</h2>\n");
        table(h, FleetText.NODE_COLUMNS, r.nodes().stream().map(FleetText::nodeCells).toList());
        if (!r.missingNodes().isEmpty()) {
            h.append("<h2 id=\"missing\">Missing nodes</h2>\n<ul>\n");
            r.missingNodes().forEach(m -> h.append("<li>").append(Html.esc(m)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<h2 id=\"differences\">What differs between nodes</h2>\n<p>")
                .append(Html.esc(r.differences().isEmpty() ? FleetText.NO_DIFFERENCE : FleetText.DIFFERENCES_INTRO))
                .append("</p>\n<ul>\n");
        r.differences().forEach(d -> h.append("<li>").append(Html.esc(d)).append("</li>\n"));
        h.append("</ul>\n");
        List<String> header = new java.util.ArrayList<>(List.of("Fact"));
        r.nodes().forEach(n -> header.add(n.node().node()));
        table(h, header, r.fingerprints().stream().map(f -> {
            List<String> cells = new java.util.ArrayList<>(List.of((f.differs() ? "\u2260 " : "") + f.what()));
            f.values().forEach(v -> cells.add(v == null ? Format.DASH : ReportText.shorten(v)));
            return cells;
        }).toList());
        if (r.hosts() != null) {
            h.append("<h2 id=\"hosts\">Hosts across nodes</h2>\n<p>").append(Html.esc(FleetText.HOSTS_INTRO))
                    .append("</p>\n<pre>").append(Html.esc(MarkdownWriter.blocks(ReportBuilder.headlineBlocks(r.hosts())))).append("</pre>\n");
        }
        h.append("<h2 id=\"per-node\">Reports per node</h2>\n<ul>\n");
        r.nodes().forEach(n -> h.append("<li>").append(Html.esc(n.node().node() + ": " + FleetText.nodeReport(n)))
                .append("</li>\n"));
        return h.append("</ul>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
        h.append("<div class=\"scroll\"><table><thead><tr>");
        header.forEach(c -> h.append("<th>").append(Html.esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(Html.esc(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
    }
}
