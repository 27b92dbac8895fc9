package io.isobench.compare.report;

import io.isobench.compare.input.BenchmarkKey;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.report.doc.Html;
import io.isobench.compare.stats.Format;
import io.isobench.suite.Area;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An inline SVG bar chart of relative cost (1 = baseline, right = slower) for one area: one group of bars per
 * benchmark, one bar per environment, with the 95 % interval as an error bar. The axis is logarithmic.
 */
public final class SvgChart {

    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
        "#ff9da7", "#9c755f", "#bab0ac"};

    private static final double[] TICKS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 5,
        10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 330;
    private static final int RIGHT = 24;
    private static final int BAR = 12;
    private static final int GAP = 10;
    private static final int TOP = 34;
    private static final int BOTTOM = 30;

    private SvgChart() {
    }

    static String render(Area area, List<ComparisonRow> rows, List<String> environments,
                         java.util.function.UnaryOperator<String> name) {
        Map<BenchmarkKey, List<ComparisonRow>> groups = new LinkedHashMap<>();
        rows.forEach(r -> groups.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        double lo = 0.8;
        double hi = 1.25;
        // The axis follows the bars, and an interval only as far as 4x from its bar: a wide interval (Fieller's for
        // two samples can reach 0) is drawn to the edge instead of squeezing every bar into a corner.
        for (ComparisonRow r : rows) {
            if (r.valid() && r.comparable()) {
                lo = Math.min(lo, Math.max(finiteOr(r.costLow(), r.cost()), r.cost() / 4));
                lo = Math.min(lo, r.cost());
                hi = Math.max(hi, Math.min(finiteOr(r.costHigh(), r.cost()), r.cost() * 4));
                hi = Math.max(hi, r.cost());
            }
        }
        final double lo0 = Math.max(lo / 1.15, 1e-3);
        final double hi0 = Math.min(hi * 1.15, 1e5);
        double logLo = Math.log(lo0);
        double logHi = Math.log(hi0);
        int plotLeft = LABEL_WIDTH;
        int plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
        java.util.function.DoubleUnaryOperator x = v -> plotLeft
                + (Math.log(Math.max(lo0, Math.min(hi0, v))) - logLo) / (logHi - logLo) * plotWidth;
        int bodyHeight = 0;
        for (List<ComparisonRow> g : groups.values()) {
            bodyHeight += g.size() * (BAR + 2) + GAP;
        }
        Legend legend = legend(environments.stream().map(name).toList(),
                java.util.stream.IntStream.range(0, environments.size()).mapToObj(SvgChart::color).toList(),
                plotLeft, WIDTH - RIGHT, 18);
        int ly = legend.lastLine();
        final int top = TOP + ly - 18;
        int height = top + bodyHeight + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg class=\"chart\" data-area=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                        + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Relative cost, %s\">\n",
                area.id(), WIDTH, height, WIDTH, height, Html.esc(area.title())));
        svg.append(legend.svg());
        // grid and ticks
        List<Double> ticks = ticks(lo0, hi0);
        for (double t : ticks) {
            double tx = x.applyAsDouble(t);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"%s\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>\n",
                    tx, top - 4, tx, top + bodyHeight, t == 1 ? "one" : "grid", tx, top + bodyHeight + 14,
                    tickLabel(t)));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">relative cost "
                        + "(\u00d7 baseline, log scale; right = slower)</text>\n",
                WIDTH - RIGHT, top + bodyHeight + 27));
        double one = x.applyAsDouble(1);
        int y = top;
        for (Map.Entry<BenchmarkKey, List<ComparisonRow>> g : groups.entrySet()) {
            BenchmarkKey key = g.getKey();
            int groupHeight = g.getValue().size() * (BAR + 2);
            String label = key.shortName() + (key.params().isEmpty() ? "" : " [" + key.paramsText() + "]")
                    + " " + key.mode();
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" class=\"label\" text-anchor=\"end\">%s</text>\n",
                    plotLeft - 8, y + groupHeight / 2.0 + 4, Html.esc(ReportText.shorten(label))));
            for (ComparisonRow r : g.getValue()) {
                int envIndex = Math.max(0, environments.indexOf(r.environment()));
                if (!r.valid() || !r.comparable()) {
                    svg.append(String.format(Locale.ROOT,
                            "<text x=\"%.1f\" y=\"%d\" class=\"invalid\">%s: %s</text>\n",
                            one + 4, y + BAR - 2, Html.esc(r.environment()), r.verdict().word()));
                } else {
                    double cx = x.applyAsDouble(r.cost());
                    double left = Math.min(one, cx);
                    double width = Math.max(1, Math.abs(cx - one));
                    svg.append(String.format(Locale.ROOT,
                            "<rect class=\"bar\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                    + "<title>%s</title></rect>\n",
                            left, y, width, BAR, color(envIndex), Html.esc(tooltip(r))));
                    if (Double.isFinite(r.costLow()) && Double.isFinite(r.costHigh())) {
                        double x1 = x.applyAsDouble(r.costLow());
                        double x2 = x.applyAsDouble(r.costHigh());
                        svg.append(errorBar(x1, x2, y + BAR / 2.0));
                    }
                }
                y += BAR + 2;
            }
            y += GAP;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A chart's legend as SVG, and the baseline of its last line of text. */
    record Legend(String svg, int lastLine) {
    }

    /**
     * A legend: a swatch of each colour with its text, from {@code left} on the line at {@code firstLine}, wrapped onto
     * more lines when the items do not fit before {@code right}.
     */
    static Legend legend(List<String> texts, List<String> colors, int left, int right, int firstLine) {
        StringBuilder legend = new StringBuilder();
        int lx = left;
        int ly = firstLine;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int itemWidth = 36 + 7 * text.length();
            if (lx > left && lx + itemWidth > right) {
                lx = left;
                ly += 16;
            }
            legend.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" "
                            + "class=\"legend\">%s</text>\n", lx, ly - 10, colors.get(i), lx + 16, ly, Html.esc(text)));
            lx += itemWidth;
        }
        return new Legend(legend.toString(), ly);
    }

    /**
     * Ticks of a logarithmic axis of values (not ratios) from lo to hi: 1, 2 and 5 times the powers of ten, only the
     * powers of ten when those are more than nine, and lo and hi themselves when no power of ten lies between them.
     */
    static List<Double> logTicks(double lo, double hi) {
        List<Double> all = new ArrayList<>();
        for (int e = (int) Math.floor(Math.log10(lo)); e <= (int) Math.ceil(Math.log10(hi)); e++) {
            for (double m : new double[]{1, 2, 5}) {
                double t = m * Math.pow(10, e);
                if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) {
                    all.add(t);
                }
            }
        }
        List<Double> decades = all.stream().filter(t -> Math.abs(Math.log10(t) - Math.rint(Math.log10(t))) < 1e-9).toList();
        if (all.size() > 9 && decades.size() >= 2) {
            return decades;
        }
        return all.size() >= 2 ? all : List.of(lo, hi);
    }

    /** An interval as a horizontal error bar from x1 to x2 at height cy, with end ticks. */
    public static String errorBar(double x1, double x2, double cy) {
        return String.format(Locale.ROOT, "<path class=\"err\" d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\"/>\n",
                x1, cy, x2, x1, cy - 4, cy + 4, x2, cy - 4, cy + 4);
    }

    public static String color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static String tooltip(ComparisonRow r) {
        return r.environment() + ": cost " + Format.ratio(r.cost()) + " "
                + Format.interval(r.costLow(), r.costHigh()) + ", " + r.verdict().word()
                + (r.noisy() ? ", noisy" : "");
    }

    public static List<Double> ticks(double lo, double hi) {
        List<Double> all = new ArrayList<>();
        for (double t : TICKS) {
            if (t >= lo && t <= hi) {
                all.add(t);
            }
        }
        if (all.size() <= 9) {
            return all;
        }
        List<Double> coarse = new ArrayList<>();
        for (double t : all) {
            double mantissa = t / Math.pow(10, Math.floor(Math.log10(t) + 1e-9));
            if (Math.abs(mantissa - 1) < 1e-9 || Math.abs(mantissa - 2) < 1e-9 || Math.abs(mantissa - 5) < 1e-9) {
                coarse.add(t);
            }
        }
        return coarse;
    }

    public static String tickLabel(double t) {
        return t >= 1 && t == Math.rint(t) ? String.format(Locale.ROOT, "%.0f\u00d7", t)
                : String.format(Locale.ROOT, "%s\u00d7", Format.num(t));
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }
}
