package io.isobench.compare.report;

import io.isobench.compare.input.Area;
import io.isobench.compare.input.BenchmarkResult;
import io.isobench.compare.input.EnvironmentInput;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.model.ComparisonRow;
import io.isobench.compare.model.Confounds;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.model.FingerprintTable;
import io.isobench.compare.model.FootprintTable;
import io.isobench.compare.model.Headline;
import io.isobench.compare.model.RegressionGate;
import io.isobench.compare.model.ThreadScaling;
import io.isobench.compare.stats.ByteSizes;
import io.isobench.compare.stats.Format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * index.html: one self-contained page (inline CSS, inline SVG charts, a few lines of inline JS to sort tables;
 * a Content-Security-Policy forbids every network load). After load, the script sets
 * {@code data-charts-rendered} on the body to the number of charts with a non-empty layout, and records any
 * script error in {@code data-errors}, so a headless browser's DOM dump shows whether the page worked.
 */
public final class HtmlReport {

    public static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1500px;
            padding:0 16px;color:#1d2330;background:#fff}
            h1{font-size:24px;margin:0 0 6px}h2{margin-top:34px;border-bottom:1px solid #d8dce4;padding-bottom:4px}
            h3{margin-top:24px}.intro{color:#4a5263}
            .banner{background:#fff3cd;border:1px solid #e0c060;border-radius:6px;padding:8px 12px;margin:8px 0}
            .banner.fail{background:#fde2e1;border-color:#d9534f}.note{color:#4a5263;font-style:italic}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}
            th,td{border:1px solid #d8dce4;padding:3px 7px;text-align:left;vertical-align:top}
            th{background:#f2f4f8;position:sticky;top:0}table.sortable th{cursor:pointer;user-select:none}
            table.sortable th[data-dir=asc]::after{content:" \\25B2"}table.sortable th[data-dir=desc]::after{content:" \\25BC"}
            .scroll{overflow-x:auto}td.env{white-space:nowrap}td.flags{font-size:12px;color:#4a5263;max-width:260px}
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .slower{color:#b42318;font-weight:600}.faster{color:#067647;font-weight:600}.same{color:#4a5263}
            .invalid{color:#7a2e8e;font-weight:600}.inconclusive{color:#8a5a00}.noisy{background:#fff3cd}.diff{background:#fde2e1}
            .alarm{background:#f8b4b0;font-weight:700}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;
            font-size:12px;word-break:break-all}
            svg.chart,svg.timeline,svg.density{display:block;max-width:100%;height:auto;margin:8px 0}
            svg .label,svg .legend{font-size:12px;fill:#1d2330}svg .tick,svg .axis{font-size:11px;fill:#4a5263}
            svg .grid{stroke:#e4e7ee}svg .one{stroke:#1d2330;stroke-width:1.5}svg .err{stroke:#1d2330;fill:none}
            svg text.invalid{font-size:11px;fill:#7a2e8e}
            """;

    private static final String SCRIPT = """
            (function () {
              function cellValue(row, i) {
                var cell = row.cells[i];
                if (!cell) { return ''; }
                var v = cell.getAttribute('data-v');
                if (v !== null) { var n = parseFloat(v); return isNaN(n) ? Infinity : n; }
                return cell.textContent.trim().toLowerCase();
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                table.querySelectorAll('th').forEach(function (th, i) {
                  th.addEventListener('click', function () {
                    var asc = th.getAttribute('data-dir') !== 'asc';
                    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('data-dir'); });
                    th.setAttribute('data-dir', asc ? 'asc' : 'desc');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var x = cellValue(a, i), y = cellValue(b, i);
                      var c = (typeof x === 'number' && typeof y === 'number') ? (x === y ? 0 : x < y ? -1 : 1)
                          : String(x).localeCompare(String(y));
                      return asc ? c : -c;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  });
                });
              });
              var rendered = 0;
              document.querySelectorAll('svg.chart').forEach(function (svg) {
                var box = svg.getBoundingClientRect();
                if (box.width > 0 && box.height > 0 && svg.querySelectorAll('rect.bar, text.invalid').length > 0) {
                  rendered++;
                }
              });
              document.body.setAttribute('data-charts-rendered', String(rendered));
            })();
            """;

    private HtmlReport() {
    }

    public static String render(Comparison c) {
        Map<Area, List<ComparisonRow>> areas = c.rowsByArea();
        List<String> columns = c.pairs().stream().map(p -> p.environment().label()).toList();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>isobench comparison").append(Html.esc(ReportText.titleSuffix(c)))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n");
        h.append("<script>window.addEventListener('error', function (e) { document.documentElement"
                + ".setAttribute('data-errors', String(e.message)); });</script>\n");
        h.append("</head>\n<body data-charts-expected=\"").append(areas.size()).append("\">\n");
        h.append("<h1>isobench comparison").append(Html.esc(ReportText.titleSuffix(c)))
                .append("</h1>\n<p class=\"intro\">").append(Html.esc(ReportText.intro(c)))
                .append("</p>\n");
        for (String banner : c.banners()) {
            h.append("<div class=\"banner\"><strong>Warning:</strong> ").append(Html.esc(banner)).append("</div>\n");
        }
        for (String note : c.notes()) {
            h.append("<p class=\"note\">").append(Html.esc(note)).append("</p>\n");
        }
        headline(c, h);
        if (c.density() != null) {
            density(c.density(), h);
        }
        timeline(c, h);
        gate(c, h);
        confounds(c, h);
        h.append("<h2 id=\"areas\">Overhead per area</h2>\n");
        if (c.pairs().isEmpty()) {
            baselineOnly(c, h);
        }
        for (Map.Entry<Area, List<ComparisonRow>> area : areas.entrySet()) {
            h.append("<h3 id=\"area-").append(area.getKey().id()).append("\">")
                    .append(Html.esc(area.getKey().title())).append("</h3>\n");
            h.append(SvgChart.render(area.getKey(), area.getValue(), columns));
            areaTable(c, area.getKey(), area.getValue(), h);
        }
        threadScaling(c, h);
        footprint(c, h);
        fingerprints(c, h);
        missing(c, h);
        h.append("<h2 id=\"method\">Method</h2>\n<ul>\n");
        ReportText.method(c).forEach(line -> h.append("<li>").append(Html.esc(line)).append("</li>\n"));
        h.append("</ul>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void headline(Comparison c, StringBuilder h) {
        h.append("<h2 id=\"headline\">Headline</h2>\n");
        Headline hl = c.headline();
        if (hl.lines().isEmpty()) {
            h.append("<p>Nothing to compare.</p>\n");
            return;
        }
        h.append("<p>").append(Html.esc(ReportText.headlineCaption(c))).append("</p>\n");
        h.append("<table class=\"headline\"><thead><tr><th>Area</th>");
        c.pairs().forEach(p -> h.append("<th>").append(Html.esc(c.title(p))).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (Headline.Line line : hl.lines()) {
            h.append("<tr><td>").append(line.area() == null ? "<strong>All</strong>" : Html.esc(line.title()))
                    .append("</td>");
            for (String column : hl.columns()) {
                Headline.Cell cell = line.cells().get(column);
                if (cell == null) {
                    h.append("<td class=\"num\">").append(Format.DASH).append("</td>");
                } else {
                    String cls = cell.benchmarks() == 0 ? "invalid" : cell.low() > 1 ? "slower"
                            : cell.high() < 1 ? "faster" : "same";
                    h.append("<td class=\"num\"><span class=\"").append(cls).append("\">")
                            .append(Html.esc(ReportText.headlineCell(cell))).append("</span></td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void gate(Comparison c, StringBuilder h) {
        if (c.options().failOnRegressionPct() == null) {
            return;
        }
        h.append("<h2 id=\"gate\">Regression gate</h2>\n");
        if (c.regressions().isEmpty()) {
            h.append("<p>Passed: no significant slowdown above ")
                    .append(Html.esc(Format.plain(c.options().failOnRegressionPct())))
                    .append(" % (or the benchmark's own threshold).</p>\n");
        } else {
            h.append("<div class=\"banner fail\"><strong>Failed:</strong> ").append(c.regressions().size())
                    .append(" significant slowdown(s) above the threshold.<ul>\n");
            c.regressions().forEach(r -> h.append("<li>").append(Html.esc(r.describe())).append("</li>\n"));
            h.append("</ul></div>\n");
        }
        if (!c.unjudged().isEmpty()) {
            h.append("<details class=\"unjudged\"><summary>Not judged (no real test, so neither passed nor failed): ")
                    .append(c.unjudged().size()).append(" row(s)</summary><ul>\n");
            c.unjudged().forEach(r -> h.append("<li>").append(Html.esc(RegressionGate.describeUnjudged(r)))
                    .append("</li>\n"));
            h.append("</ul></details>\n");
        }
    }

    private static void timeline(Comparison c, StringBuilder h) {
        if (c.timeline() == null) {
            return;
        }
        h.append("<h2 id=\"timeline\">Timeline</h2>\n<p>").append(Html.esc(c.timeline().summary())).append("</p>\n")
                .append(TimelineChart.render(c.timeline()));
    }

    private static void confounds(Comparison c, StringBuilder h) {
        if (c.pairs().isEmpty()) {
            return;
        }
        h.append("<h2 id=\"confounds\">What else differs</h2>\n");
        if (c.confounds().isEmpty()) {
            h.append("<p>").append(Html.esc(ReportText.NO_CONFOUNDS)).append("</p>\n");
            return;
        }
        h.append("<p>").append(Html.esc(ReportText.CONFOUNDS_INTRO)).append("</p>\n<table class=\"confounds\">"
                + "<thead><tr><th>Environment</th><th>What</th><th>Baseline</th><th>Environment's</th>"
                + "<th>Why it matters</th></tr></thead><tbody>\n");
        for (Confounds.Confound f : c.confounds()) {
            h.append("<tr><td class=\"env\">").append(Html.esc(f.environment())).append("</td><td>")
                    .append(Html.esc(f.what())).append("</td><td class=\"mono\">").append(Html.esc(f.baselineValue()))
                    .append("</td><td class=\"mono\">").append(Html.esc(f.value())).append("</td><td>")
                    .append(Html.esc(f.why())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void baselineOnly(Comparison c, StringBuilder h) {
        EnvironmentInput base = c.baseline();
        if (base == null) {
            return;
        }
        h.append("<p>Results of ").append(Html.esc(base.label())).append(" alone.</p>\n");
        h.append("<table class=\"sortable\"><thead><tr><th>Benchmark</th><th>Params</th><th>Mode</th>"
                + "<th>Score</th><th>Error</th><th>Unit</th></tr></thead><tbody>\n");
        for (BenchmarkResult r : base.results()) {
            h.append("<tr><td>").append(Html.esc(r.key().shortName())).append("</td><td>")
                    .append(Html.esc(r.key().paramsText())).append("</td><td>").append(Html.esc(r.key().mode()))
                    .append("</td>").append(num(r.primary().score())).append(error(r.primary().scoreError()))
                    .append("<td>").append(Html.esc(r.primary().unit())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void areaTable(Comparison c, Area area, List<ComparisonRow> rows, StringBuilder h) {
        boolean net = rows.stream().anyMatch(r -> r.net() != null);
        boolean secondary = rows.stream().anyMatch(r -> !r.secondary().isEmpty());
        h.append("<div class=\"scroll\"><table class=\"sortable\" data-area=\"").append(area.id())
                .append("\"><thead><tr>");
        List<String> header = new ArrayList<>(List.of("Benchmark", "Params", "Mode", "Environment", "Score",
                "\u00b1 Error", "Baseline", "Unit", "Ratio", ReportText.level(c) + " CI", "Cost", "p", "Samples",
                "Verdict", "Flags"));
        if (secondary) {
            header.add("Secondary");
        }
        if (net) {
            header.addAll(List.of("Net of JNA (ns/op)", "Net baseline (ns/op)", "Net ratio"));
        }
        header.forEach(t -> h.append("<th>").append(Html.esc(t)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (ComparisonRow r : rows) {
            h.append("<tr><td title=\"").append(Html.esc(r.key().benchmark())).append("\">")
                    .append(Html.esc(r.key().shortName())).append("</td><td>")
                    .append(Html.esc(r.key().paramsText())).append("</td><td>").append(Html.esc(r.key().mode()))
                    .append("</td><td class=\"env\">").append(Html.esc(c.environmentTitle(r))).append("</td>");
            h.append(num(r.score(), r.noisy() ? "noisy" : null)).append(error(r.scoreError()))
                    .append(num(r.baselineScore(), r.baselineNoisy() ? "noisy" : null))
                    .append("<td>").append(Html.esc(r.unit())).append("</td>")
                    .append("<td class=\"num\" data-v=\"").append(Html.data(r.ratio().estimate())).append("\">")
                    .append(Html.esc(Format.ratio(r.ratio().estimate()))).append("</td>")
                    .append("<td class=\"num\" data-v=\"").append(Html.data(r.ratio().low())).append("\">")
                    .append(Html.esc(ReportText.interval(r.test()))).append("</td>")
                    .append("<td class=\"num\" data-v=\"").append(Html.data(r.cost())).append("\">")
                    .append(Html.esc(Format.overhead(r.cost()))).append("</td>")
                    .append("<td class=\"num\" data-v=\"").append(Html.data(r.pValue())).append("\">")
                    .append(Html.esc(Format.p(r.pValue()))).append("</td>")
                    .append("<td title=\"").append(Html.esc(r.test().sampling().design() + "; "
                            + r.test().method())).append("\">").append(Html.esc(r.test().samplesText()))
                    .append("</td>")
                    .append("<td><span class=\"").append(r.verdict().word()).append("\">")
                    .append(r.verdict().word()).append("</span></td>")
                    .append("<td class=\"flags\">").append(Html.esc(ReportText.flags(r))).append("</td>");
            if (secondary) {
                h.append("<td>").append(Html.esc(ReportText.secondary(r))).append("</td>");
            }
            if (net) {
                h.append(r.net() == null ? "<td></td><td></td><td></td>"
                        : num(r.net().score()) + num(r.net().baselineScore())
                        + "<td class=\"num\" data-v=\"" + Html.data(r.net().ratio()) + "\">"
                        + Html.esc(ReportText.testCell(r.net().test())) + "</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div>\n");
        if (net) {
            h.append("<p class=\"note\">").append(Html.esc(ReportText.NET_OF_JNA)).append("</p>\n");
        }
    }

    private static void threadScaling(Comparison c, StringBuilder h) {
        ThreadScaling scaling = c.threadScaling();
        if (scaling.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"scaling\">Thread scaling</h2>\n<p>").append(Html.esc(ReportText.THREAD_SCALING_CAPTION))
                .append("</p>\n<table><thead><tr><th>Environment</th><th>CPUs (JVM)</th><th>One thread</th>"
                        + "<th>All CPUs</th><th>Scaling</th></tr></thead><tbody>\n");
        for (ThreadScaling.Line line : scaling.lines()) {
            h.append("<tr><td>").append(Html.esc(line.label())).append("</td><td class=\"num\">")
                    .append(Html.esc(line.cpus())).append("</td><td class=\"num\">")
                    .append(Html.esc(Format.num(line.oneThread()) + " " + line.unit())).append("</td><td class=\"num\">")
                    .append(Html.esc(Format.num(line.allCpus()) + " " + line.unit())).append("</td><td class=\"num\">")
                    .append(Html.esc(ReportText.scaling(line))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    /** The density run: the measured marginal memory per idle instance, and its two charts. */
    static void density(DensityTable d, StringBuilder h) {
        h.append("<h2 id=\"density\">Density: host memory per idle instance (measured)</h2>\n<p>Idle instances (each an "
                + "EchoPeer JVM) started one by one on ").append(Html.esc(d.record().host())).append(", ")
                .append(Html.esc(d.record().startedAt())).append("; after each, the drop of the host's MemAvailable. "
                        + "<em>Each further</em> is (drop with N &minus; drop with 1) / (N &minus; 1).</p>\n");
        h.append("<table class=\"sortable\"><thead><tr><th>Kind</th><th>Instances</th><th>Each further</th><th>First</th>"
                + "<th>Host processes (last)</th><th>Start to ready</th><th>Stopped because</th></tr></thead><tbody>\n");
        for (DensityTable.Row r : d.rows()) {
            h.append("<tr><td class=\"env\" title=\"").append(Html.esc(String.join("; ", r.notes()))).append("\">")
                    .append(Html.esc(r.label())).append("</td><td class=\"num\">").append(r.instances()).append("</td>");
            for (double bytes : new double[]{r.marginalBytes(), r.firstBytes(), r.pssBytes()}) {
                h.append("<td class=\"num\" data-v=\"").append(Html.data(bytes)).append("\">")
                        .append(Html.esc(ByteSizes.format(bytes))).append("</td>");
            }
            h.append("<td class=\"num\" data-v=\"").append(Html.data(r.startMillis())).append("\">")
                    .append(Html.esc(Format.millis(r.startMillis()))).append("</td><td>").append(Html.esc(r.stopReason()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<ul>\n");
        for (DensityTable.Row r : d.rows()) {
            if (!r.notes().isEmpty()) {
                h.append("<li>").append(Html.esc(r.label() + ": " + String.join("; ", r.notes()))).append("</li>\n");
            }
        }
        h.append("</ul>\n<h3>Host memory against instances</h3>\n")
                .append(DensityChart.render(d, DensityChart.Metric.MEMORY))
                .append("<h3>Start time against instances</h3>\n").append(DensityChart.render(d, DensityChart.Metric.START));
    }

    private static void footprint(Comparison c, StringBuilder h) {
        FootprintTable f = c.footprint();
        h.append("<h2 id=\"footprint\">Image size, start time and idle memory</h2>\n");
        if (f.isEmpty()) {
            h.append("<p>No environment has a footprint.json.</p>\n");
            return;
        }
        h.append("<table class=\"sortable\"><thead><tr><th>Environment</th><th>Kind</th><th>Image</th>"
                + "<th>Start</th><th>Idle memory</th><th>Instances in ").append(Html.esc(ByteSizes.format(f.ramBytes())))
                .append("</th></tr></thead><tbody>\n");
        for (FootprintTable.Entry e : f.entries()) {
            h.append("<tr><td>").append(Html.esc(e.label())).append("</td><td>").append(Html.esc(e.kind()))
                    .append("</td><td class=\"num\" data-v=\"").append(Html.data(e.imageBytes())).append("\">")
                    .append(Html.esc(ByteSizes.format(e.imageBytes()))).append("</td><td class=\"num\" data-v=\"")
                    .append(Html.data(e.startMillis())).append("\" title=\"").append(Html.esc(e.startKey()))
                    .append("\">").append(Html.esc(Format.millis(e.startMillis())))
                    .append("</td><td class=\"num\" data-v=\"").append(Html.data(e.idleMemoryBytes())).append("\">")
                    .append(Html.esc(ByteSizes.format(e.idleMemoryBytes()))).append("</td><td class=\"num\" data-v=\"")
                    .append(e.instances() < 0 ? "NaN" : Long.toString(e.instances())).append("\">")
                    .append(e.instances() < 0 ? Format.DASH : String.format(Locale.ROOT, "%,d", e.instances()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        if (!f.images().isEmpty()) {
            h.append("<h3>Images as shipped</h3>\n<table><thead><tr>");
            ReportText.IMAGE_HEADER.forEach(t -> h.append("<th>").append(Html.esc(t)).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            for (FootprintTable.Image i : f.images()) {
                List<String> cells = ReportText.imageCells(i);
                h.append("<tr><td>").append(Html.esc(cells.get(0))).append("</td><td>").append(Html.esc(cells.get(1)))
                        .append("</td>");
                cells.subList(2, cells.size()).forEach(t -> h.append("<td class=\"num\">").append(Html.esc(t)).append("</td>"));
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n<p>").append(Html.esc(ReportText.IMAGE_NOTE)).append("</p>\n");
        }
        h.append("<details><summary>Every footprint value</summary>\n<table><thead><tr>"
                + "<th>Key</th>");
        f.entries().forEach(e -> h.append("<th>").append(Html.esc(e.label())).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (String key : f.keys()) {
            h.append("<tr><td>").append(Html.esc(key)).append("</td>");
            for (FootprintTable.Entry e : f.entries()) {
                h.append("<td class=\"num\">").append(Html.esc(ReportText.footprintValue(key,
                        e.raw().values().get(key)))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></details>\n");
    }

    private static void fingerprints(Comparison c, StringBuilder h) {
        FingerprintTable t = c.fingerprints();
        h.append("<h2 id=\"fingerprints\">Environment fingerprints</h2>\n");
        if (t.columns().isEmpty()) {
            h.append("<p>No input has an environment.json.</p>\n");
            return;
        }
        if (t.mismatches().isEmpty()) {
            h.append("<p>No important mismatch (JVM, jar, kernel, accel, profile, CPU).</p>\n");
        } else {
            h.append("<ul class=\"mismatches\">\n");
            t.mismatches().forEach(m -> h.append("<li class=\"diff\">").append(Html.esc(m)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("<p>Highlighted rows differ between environments.</p>\n<table class=\"fingerprints\"><thead><tr>"
                + "<th>Key</th>");
        t.columns().forEach(col -> h.append("<th>").append(Html.esc(col)).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (FingerprintTable.Row r : t.rows()) {
            h.append("<tr").append(r.differs() ? " class=\"diff\"" : "").append("><td>")
                    .append(r.differs() ? "\u2260 " : "").append(Html.esc(r.key())).append("</td>");
            for (int i = 0; i < r.values().size(); i++) {
                String v = r.values().get(i);
                h.append("<td class=\"mono").append(r.alarming(i) ? " alarm" : "").append("\">")
                        .append(v == null ? Format.DASH : Html.esc(ReportText.fingerprintValue(r.key(), v))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void missing(Comparison c, StringBuilder h) {
        List<String> items = new ArrayList<>();
        for (Comparison.Missing m : c.missing()) {
            items.add(m.key() + ": in " + m.presentIn() + ", not in " + m.missingIn() + " (" + m.reason() + ")");
        }
        for (EnvironmentInput e : c.environments()) {
            e.fingerprint().skipped().forEach(p -> items.add(e.label() + " skipped " + p.benchmark() + ": "
                    + p.reason()));
            e.fingerprint().failed().forEach(p -> items.add(e.label() + " failed " + p.benchmark() + ": "
                    + p.reason()));
        }
        if (items.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"missing\">Missing, skipped and failed benchmarks</h2>\n<ul>\n");
        items.forEach(i -> h.append("<li>").append(Html.esc(i)).append("</li>\n"));
        h.append("</ul>\n");
    }

    private static String num(double v) {
        return num(v, null);
    }

    private static String num(double v, String cls) {
        return "<td class=\"num" + (cls == null ? "" : " " + cls) + "\" data-v=\"" + Html.data(v) + "\">"
                + Html.esc(Format.num(v)) + "</td>";
    }

    /** An error cell: a dash when JMH could not compute one. */
    private static String error(double v) {
        return "<td class=\"num\" data-v=\"" + Html.data(v) + "\">"
                + Html.esc(Double.isNaN(v) ? Format.DASH : Format.num(v)) + "</td>";
    }
}
