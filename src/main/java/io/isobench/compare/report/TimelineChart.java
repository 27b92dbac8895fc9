package io.isobench.compare.report;

import io.isobench.compare.input.TimelineInput;
import io.isobench.compare.report.doc.Html;
import io.isobench.compare.stats.Format;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG of an interleaved run: one lane per environment, time on the x axis, one box per step (coloured by
 * benchmark class, labelled with its round); failed, hung and lost steps are red with a thick outline, skipped
 * ones grey. Steps without times are left out.
 */
final class TimelineChart {

    private static final int WIDTH = 960;
    private static final int LANE_LABEL = 150;
    private static final int RIGHT = 24;
    private static final int LANE = 26;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;
    private static final String FAILED = "#d62728";
    private static final String SKIPPED = "#c7c7c7";

    private TimelineChart() {
    }

    static String render(TimelineInput timeline) {
        Instant start = timeline.start();
        Instant end = timeline.end();
        List<String> lanes = timeline.environments();
        List<String> classes = timeline.steps().stream().map(TimelineInput.Step::benchmarkClass).distinct().toList();
        int height = TOP + lanes.size() * LANE + BOTTOM;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                        + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Timeline of the interleaved run\">\n",
                WIDTH, height, WIDTH, height));
        if (start == null || end == null) {
            return svg.append("</svg>\n").toString();
        }
        double span = Math.max(1, Duration.between(start, end).toMillis());
        double plot = WIDTH - LANE_LABEL - RIGHT;
        for (int i = 0; i < lanes.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"label\" text-anchor=\"end\">%s</text>\n",
                    LANE_LABEL - 8, TOP + i * LANE + LANE / 2 + 4, Html.esc(lanes.get(i))));
        }
        for (TimelineInput.Step step : timeline.steps()) {
            if (step.startedAt() == null || step.endedAt() == null) {
                continue;
            }
            double x = LANE_LABEL + Duration.between(start, step.startedAt()).toMillis() / span * plot;
            double w = Math.max(1.5, Duration.between(step.startedAt(), step.endedAt()).toMillis() / span * plot);
            int y = TOP + lanes.indexOf(step.environment()) * LANE + 3;
            String fill = step.failed() ? FAILED : step.status().equals("skipped") ? SKIPPED
                    : SvgChart.color(classes.indexOf(step.benchmarkClass()));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"step %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"%s>"
                            + "<title>%s</title></rect>\n",
                    step.status(), x, y, w, LANE - 6, fill,
                    step.failed() ? " stroke=\"#000\" stroke-width=\"2\"" : "",
                    Html.esc(step.environment() + ", round " + step.round() + ": " + step.shortClass() + ", "
                            + step.status() + (step.exitCode() == null ? "" : " (exit " + step.exitCode() + ")")
                            + ", " + step.startedAt() + " to " + step.endedAt())));
        }
        int axis = TOP + lanes.size() * LANE + 16;
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text><text x=\"%d\" y=\"%d\" class=\"tick\" "
                        + "text-anchor=\"end\">+%s</text>\n<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">"
                        + "time (one box per step, colour = benchmark class, red = failed, hung or lost)</text>\n",
                LANE_LABEL, axis, Html.esc(start.toString()), WIDTH - RIGHT, axis,
                Html.esc(Format.millis(span)), (int) (LANE_LABEL + plot / 2), axis + 12));
        return svg.append("</svg>\n").toString();
    }
}
