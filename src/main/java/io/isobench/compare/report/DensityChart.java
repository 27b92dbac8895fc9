package io.isobench.compare.report;

import io.isobench.compare.model.DensityTable;
import io.isobench.compare.report.doc.Html;
import io.isobench.compare.stats.Format;
import io.isobench.schema.DensityRecord;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The density run as line charts (SVG, styled like the report's other charts): one line per series, the instance
 * count across, and up either the host's MemAvailable drop (MiB) or the start-to-ready time (ms) of each instance.
 */
final class DensityChart {

    /** What a chart plots against the instance count. */
    enum Metric {
        MEMORY("memory", "host MemAvailable drop (MiB)", p -> p.memAvailableDropBytes() / 1048576.0),
        START("start", "start to ready of that instance (ms)", DensityRecord.Point::startToReadyMillis);

        final String id;
        final String axis;
        final ToDoubleFunction<DensityRecord.Point> value;

        Metric(String id, String axis, ToDoubleFunction<DensityRecord.Point> value) {
            this.id = id;
            this.axis = axis;
            this.value = value;
        }
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int TOP = 34;
    private static final int BOTTOM = 44;

    private DensityChart() {
    }

    static String render(DensityTable table, Metric metric) {
        List<DensityRecord.Series> series = table.record().series().stream().filter(s -> !s.points().isEmpty()).toList();
        int maxN = series.stream().mapToInt(s -> s.points().size()).max().orElse(1);
        double maxY = series.stream().flatMap(s -> s.points().stream()).mapToDouble(metric.value).max().orElse(1);
        double top = niceCeiling(Math.max(maxY, 1e-9));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator x = n -> LEFT + (maxN == 1 ? plotW / 2.0 : (n - 1) / (maxN - 1) * plotW);
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - Math.max(0, v) / top * plotH;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"density\" data-density=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s against idle instances\">\n",
                metric.id, WIDTH, HEIGHT, WIDTH, HEIGHT, Html.esc(metric.axis)));
        int lx = LEFT;
        for (int i = 0; i < series.size(); i++) {
            String label = series.get(i).label();
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"18\" class=\"legend\">%s</text>\n", lx, SvgChart.color(i), lx + 16, Html.esc(label)));
            lx += 36 + 8 * label.length();
        }
        for (int k = 0; k <= 4; k++) {
            double v = top * k / 4;
            double ty = y.applyAsDouble(v);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>\n",
                    LEFT, ty, WIDTH - RIGHT, ty, LEFT - 6, ty + 4, Format.num(v)));
        }
        for (int n = 1; n <= maxN; n++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%d</text>\n",
                    x.applyAsDouble(n), TOP + plotH + 16, n));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">idle instances "
                + "running</text>\n<text x=\"%d\" y=\"%d\" class=\"axis\">%s</text>\n", LEFT + plotW / 2, HEIGHT - 8,
                LEFT, TOP - 4, Html.esc(metric.axis)));
        for (int i = 0; i < series.size(); i++) {
            DensityRecord.Series s = series.get(i);
            StringBuilder path = new StringBuilder();
            for (DensityRecord.Point p : s.points()) {
                double px = x.applyAsDouble(p.instances());
                double py = y.applyAsDouble(metric.value.applyAsDouble(p));
                path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s, %d: "
                        + "%s</title></circle>\n", px, py, SvgChart.color(i), Html.esc(s.label()), p.instances(),
                        Format.num(metric.value.applyAsDouble(p))));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    path, SvgChart.color(i)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code v}. */
    static double niceCeiling(double v) {
        double power = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * power >= v - 1e-12) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
