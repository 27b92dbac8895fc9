package io.isobench.compare.fleet;

import io.isobench.compare.model.Headline;
import io.isobench.compare.report.ReportText;
import io.isobench.compare.report.SvgChart;
import io.isobench.compare.report.doc.Html;
import io.isobench.suite.Area;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG bar chart of one environment's headline cost per node (1 = that node's own host, right = slower),
 * one group of bars per area, one bar per node, with the interval as an error bar; a log axis like {@link SvgChart}'s.
 */
final class FleetChart {

    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 200;
    private static final int RIGHT = 24;
    private static final int BAR = 12;
    private static final int GAP = 10;
    private static final int TOP = 34;
    private static final int BOTTOM = 30;

    private FleetChart() {
    }

    static String render(FleetReport r, String env) {
        List<Area> areas = FleetBuilder.areas(r, env);
        List<FleetReport.NodeResult> nodes = r.nodes();
        double lo = 0.8;
        double hi = 1.25;
        for (Area area : areas) {
            for (FleetReport.NodeResult n : nodes) {
                Headline.Cell c = n.cell(env, area);
                if (c != null && c.benchmarks() > 0) {
                    lo = Math.min(lo, Math.min(c.cost(), Double.isFinite(c.low()) ? Math.max(c.low(), c.cost() / 4) : c.cost()));
                    hi = Math.max(hi, Math.max(c.cost(), Double.isFinite(c.high()) ? Math.min(c.high(), c.cost() * 4) : c.cost()));
                }
            }
        }
        double lo0 = Math.max(lo / 1.15, 1e-3);
        double hi0 = Math.min(hi * 1.15, 1e5);
        int plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
        java.util.function.DoubleUnaryOperator x = v -> LABEL_WIDTH
                + (Math.log(Math.max(lo0, Math.min(hi0, v))) - Math.log(lo0)) / (Math.log(hi0) - Math.log(lo0)) * plotWidth;
        int body = areas.size() * (nodes.size() * (BAR + 2) + GAP);
        int height = TOP + body + BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart fleet\" data-env=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Headline cost per node, %s\">\n",
                Html.esc(env), WIDTH, height, WIDTH, height, Html.esc(env)));
        int lx = LABEL_WIDTH;
        for (int i = 0; i < nodes.size(); i++) {
            String name = nodes.get(i).node().node();
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"18\" class=\"legend\">%s</text>\n", lx, SvgChart.color(i), lx + 16, Html.esc(name)));
            lx += 36 + 8 * name.length();
        }
        for (double t : SvgChart.ticks(lo0, hi0)) {
            double tx = x.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>\n",
                    tx, TOP - 4, tx, TOP + body, t == 1 ? "one" : "grid", tx, TOP + body + 14, SvgChart.tickLabel(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">cost against "
                + "the node's own host (\u00d7, log scale; right = slower)</text>\n", WIDTH - RIGHT, TOP + body + 27));
        double one = x.applyAsDouble(1);
        int y = TOP;
        for (Area area : areas) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"label\" text-anchor=\"end\">%s</text>\n",
                    LABEL_WIDTH - 8, y + nodes.size() * (BAR + 2) / 2.0 + 4, area == null ? "All" : Html.esc(area.title())));
            for (int i = 0; i < nodes.size(); i++) {
                Headline.Cell c = nodes.get(i).cell(env, area);
                if (c == null || c.benchmarks() == 0) {
                    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"invalid\">%s: %s</text>\n",
                            one + 4, y + BAR - 2, Html.esc(nodes.get(i).node().node()),
                            Html.esc(FleetBuilder.cell(nodes.get(i), env, area))));
                } else {
                    double cx = x.applyAsDouble(c.cost());
                    svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                                    + "height=\"%d\" fill=\"%s\"><title>%s</title></rect>\n", Math.min(one, cx), y,
                            Math.max(1, Math.abs(cx - one)), BAR, SvgChart.color(i),
                            Html.esc(nodes.get(i).node().node() + ": " + ReportText.headlineCell(c))));
                    if (Double.isFinite(c.low()) && Double.isFinite(c.high())) {
                        double x1 = x.applyAsDouble(c.low());
                        double x2 = x.applyAsDouble(c.high());
                        svg.append(SvgChart.errorBar(x1, x2, y + BAR / 2.0));
                    }
                }
                y += BAR + 2;
            }
            y += GAP;
        }
        return svg.append("</svg>\n").toString();
    }
}
