package io.isobench.compare.report;

import io.isobench.compare.input.SampleDistribution;
import io.isobench.compare.model.TailTable;
import io.isobench.compare.report.doc.Html;
import io.isobench.compare.stats.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A sample-mode benchmark's latency distribution as an inline SVG (static, like the report's other charts): the
 * cumulative share of samples (up) at or below each time per operation (across, log scale), one step line per
 * environment from every sample JMH stored. An environment is coloured as in its area's bar chart; a baseline is dashed,
 * in the colour of the one environment it is compared with here, else dark. The shares of the 90th and 99th
 * percentiles are marked across.
 */
final class TailChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int BOTTOM = 44;
    private static final String BASELINE = "#1d2330";
    /** Steps closer than this share of samples, and than this factor of time, to the last one drawn are merged. */
    private static final double MIN_STEP_SHARE = 1.0 / 400;
    private static final double MIN_STEP_FACTOR = 1.02;

    private TailChart() {
    }

    /**
     * The plot of one benchmark; {@code environments} are the area's compared environments in the bar chart's order,
     * {@code name} turns a label into the report's name for it.
     */
    static String render(TailTable.Plot plot, List<String> environments, UnaryOperator<String> name) {
        List<TailTable.Line> lines = plot.lines().stream().filter(l -> l.distribution().values().length > 0).toList();
        double lo = lines.stream().mapToDouble(l -> l.distribution().values()[0]).filter(v -> v > 0).min().orElse(1);
        double hi = lines.stream().mapToDouble(l -> last(l.distribution().values())).max().orElse(lo * 10);
        hi = Math.max(hi, lo * 1.5);
        List<Double> ticks = SvgChart.logTicks(lo, hi);
        double axisLo = Math.min(lo, ticks.get(0));
        double axisHi = Math.max(hi, ticks.get(ticks.size() - 1));
        List<String> colors = lines.stream().map(l -> color(l, environments)).toList();
        String title = plot.key().shortName() + (plot.key().params().isEmpty() ? "" : " [" + plot.key().paramsText() + "]");
        SvgChart.Legend legend = SvgChart.legend(lines.stream().map(l -> name.apply(l.label())
                + (l.baseline() ? " (baseline)" : "")).toList(), colors, LEFT, WIDTH - RIGHT, 38);
        int top = legend.lastLine() + 16;
        int height = HEIGHT + top - 54;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - top - BOTTOM;
        double logLo = Math.log(axisLo);
        double logHi = Math.log(axisHi);
        DoubleUnaryOperator x = v -> LEFT + (Math.log(Math.max(axisLo, Math.min(axisHi, v))) - logLo) / (logHi - logLo) * plotW;
        DoubleUnaryOperator y = share -> top + plotH - share * plotH;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"tail\" data-benchmark=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                        + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Latency distribution, %s\">\n",
                Html.esc(plot.key().benchmark()), WIDTH, height, WIDTH, height, Html.esc(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"label\">%s</text>\n", LEFT,
                Html.esc(title + " " + plot.key().mode() + ": share of samples at or below each time")));
        svg.append(legend.svg());
        for (double share : new double[]{0, 0.25, 0.5, 0.75, 1}) {
            double ty = y.applyAsDouble(share);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>\n",
                    LEFT, ty, WIDTH - RIGHT, ty, LEFT - 6, ty + 4, Format.plain(share)));
        }
        for (double share : new double[]{0.9, 0.99}) {
            double ty = y.applyAsDouble(share);
            // Labelled inside the plot, at its right edge: on the axis p99 would sit on the label of 1.
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\" "
                    + "stroke-dasharray=\"2 3\"/><text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">p%s</text>\n",
                    LEFT, ty, WIDTH - RIGHT, ty, WIDTH - RIGHT - 4, ty + (share == 0.9 ? 12 : -3), share == 0.9 ? "90" : "99"));
        }
        for (double t : ticks) {
            double tx = x.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>\n",
                    tx, top, tx, top + plotH, tx, top + plotH + 14, Format.plain(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">time per "
                + "operation (%s, log scale; left = faster)</text>\n", WIDTH - RIGHT, top + plotH + 30, Html.esc(plot.unit())));
        for (int i = 0; i < lines.size(); i++) {
            TailTable.Line line = lines.get(i);
            svg.append(String.format(Locale.ROOT, "<path class=\"cdf\" d=\"%s\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s><title>%s</title></path>\n", path(line.distribution(), x, y), colors.get(i),
                    line.baseline() ? " stroke-dasharray=\"6 4\"" : "",
                    Html.esc(name.apply(line.label()) + ": " + ReportText.percentiles(line.distribution(), plot.unit()))));
        }
        return svg.append("</svg>\n").toString();
    }

    /** A line's colour: its environment's in the bar chart; a baseline's that of the one environment it is set against. */
    private static String color(TailTable.Line line, List<String> environments) {
        String of = line.baseline() ? (line.against().size() == 1 ? line.against().get(0) : null) : line.label();
        int index = of == null ? -1 : environments.indexOf(of);
        return index < 0 ? BASELINE : SvgChart.color(index);
    }

    /**
     * The cumulative distribution as a step path: up at each value to the share at or below it. Steps that add less
     * than {@link #MIN_STEP_SHARE} and lie within {@link #MIN_STEP_FACTOR} of the last drawn are merged into the next,
     * so that a histogram of thousands of bins stays a path of hundreds of points; the last step is always drawn.
     */
    static String path(SampleDistribution d, DoubleUnaryOperator x, DoubleUnaryOperator y) {
        double[] values = d.values();
        double[] shares = d.cumulative();
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "M%.1f %.1f", x.applyAsDouble(values[0]), y.applyAsDouble(0)));
        double drawnShare = 0;
        double drawnValue = values[0];
        for (int i = 0; i < values.length; i++) {
            boolean lastOne = i == values.length - 1;
            if (lastOne || shares[i] - drawnShare >= MIN_STEP_SHARE || values[i] >= drawnValue * MIN_STEP_FACTOR) {
                parts.add(String.format(Locale.ROOT, "H%.1fV%.1f", x.applyAsDouble(values[i]), y.applyAsDouble(shares[i])));
                drawnShare = shares[i];
                drawnValue = values[i];
            }
        }
        return String.join("", parts);
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }
}
