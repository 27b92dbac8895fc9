package io.isobench.compare.report.doc;

import io.isobench.compare.report.doc.Block.BulletList;
import io.isobench.compare.report.doc.Block.Callout;
import io.isobench.compare.report.doc.Block.Chart;
import io.isobench.compare.report.doc.Block.Details;
import io.isobench.compare.report.doc.Block.Only;
import io.isobench.compare.report.doc.Block.Paragraph;
import io.isobench.compare.report.doc.Block.Subheading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * index.html: one self-contained page (inline CSS, inline SVG charts, a few lines of inline JS to sort tables;
 * a Content-Security-Policy forbids every network load, and any script but the page's own two, by their hashes). After load, the script sets
 * {@code data-charts-rendered} on the body to the number of bar charts with a non-empty layout (the body's
 * {@code data-charts-expected} says how many there are), and records any script error in {@code data-errors}, so a
 * headless browser's DOM dump shows whether the page worked.
 */
public final class HtmlWriter {

    private static final String CSS = """
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
            td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.detail{display:block;white-space:normal;font-size:12px;font-weight:normal;color:#4a5263}
            .slower{color:#b42318;font-weight:600}.faster{color:#067647;font-weight:600}.same{color:#4a5263}
            .invalid,.not-comparable{color:#7a2e8e;font-weight:600}.inconclusive{color:#8a5a00}.noisy{background:#fff3cd}.diff{background:#fde2e1}
            .alarm{background:#f8b4b0;font-weight:700}.mono{font-family:ui-monospace,Menlo,Consolas,monospace;
            font-size:12px;word-break:break-all}
            svg.chart,svg.timeline,svg.density,svg.tail{display:block;max-width:100%;height:auto;margin:8px 0}
            svg .label,svg .legend{font-size:12px;fill:#1d2330}svg .tick,svg .axis{font-size:11px;fill:#4a5263}
            svg .grid{stroke:#e4e7ee}svg .one{stroke:#1d2330;stroke-width:1.5}svg .err{stroke:#1d2330;fill:none}
            svg text.invalid{font-size:11px;fill:#7a2e8e}
            """;

    /** Records a script error on the page, before anything else runs (the head's script, as it stands in its tag). */
    private static final String ERROR_SCRIPT = "window.addEventListener('error', function (e) { document.documentElement"
            + ".setAttribute('data-errors', String(e.message)); });";

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

    /** The body's script as it stands between its tags, on lines of its own. */
    private static final String BODY_SCRIPT = "\n" + SCRIPT;

    /**
     * The page's Content-Security-Policy: nothing from the network, inline styles, and of scripts only the page's
     * two, named by their SHA-256 (so an injected script would not run); no base URL and no form targets.
     */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src " + sha256(ERROR_SCRIPT)
            + " " + sha256(BODY_SCRIPT) + "; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlWriter() {
    }

    public static String write(ReportDocument document) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(Html.esc(document.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n");
        h.append("<script>").append(ERROR_SCRIPT).append("</script>\n");
        h.append("</head>\n<body data-charts-expected=\"").append(barCharts(document)).append("\">\n");
        h.append("<h1>").append(Html.esc(document.title())).append("</h1>\n");
        document.lead().forEach(b -> block(b, h));
        for (Section section : document.sections()) {
            if (section.blocks().stream().anyMatch(HtmlWriter::shows)) {
                h.append("<h2 id=\"").append(Html.esc(section.id())).append("\">").append(Html.esc(section.heading()))
                        .append("</h2>\n");
                section.blocks().forEach(b -> block(b, h));
            }
        }
        h.append("<script>").append(BODY_SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Whether a block shows in HTML. */
    private static boolean shows(Block block) {
        return !(block instanceof Only only) || only.output() == Only.Output.HTML && shows(only.block());
    }

    /** The bar charts the page shows, which its script checks were laid out. */
    private static long barCharts(ReportDocument document) {
        return Stream.concat(document.lead().stream(), document.sections().stream().flatMap(s -> s.blocks().stream()))
                .flatMap(HtmlWriter::shown).filter(b -> b instanceof Chart chart && chart.kind() == Chart.Kind.BARS)
                .count();
    }

    /** A block as the page shows it, with the blocks inside it. */
    private static Stream<Block> shown(Block block) {
        if (block instanceof Only only) {
            return only.output() == Only.Output.HTML ? shown(only.block()) : Stream.empty();
        }
        List<Block> inside = block instanceof Callout box ? box.body()
                : block instanceof Details details ? details.body() : List.of();
        return Stream.concat(Stream.of(block), inside.stream().flatMap(HtmlWriter::shown));
    }

    private static void block(Block block, StringBuilder h) {
        if (block instanceof Paragraph p) {
            String cls = p.style() == Paragraph.Style.INTRO ? "intro" : p.style() == Paragraph.Style.NOTE ? "note" : null;
            h.append("<p").append(attribute("class", cls)).append('>').append(text(p.text())).append("</p>\n");
        } else if (block instanceof Subheading sub) {
            h.append("<h3").append(attribute("id", sub.id())).append('>').append(Html.esc(sub.text())).append("</h3>\n");
        } else if (block instanceof BulletList list) {
            h.append("<ul").append(attribute("class", list.cssClass())).append(">\n");
            list.items().forEach(item -> h.append("<li").append(attribute("class", list.itemCssClass())).append('>')
                    .append(text(item)).append("</li>\n"));
            h.append("</ul>\n");
        } else if (block instanceof Table table) {
            table(table, h);
        } else if (block instanceof Chart chart) {
            h.append(chart.svg());
        } else if (block instanceof Callout box) {
            h.append("<div class=\"").append(box.tone() == Callout.Tone.FAILURE ? "banner fail" : "banner").append("\">")
                    .append(text(box.text()));
            inside(box.body(), h);
            h.append("</div>\n");
        } else if (block instanceof Details details) {
            h.append("<details").append(attribute("class", details.cssClass())).append("><summary>")
                    .append(text(details.summary())).append("</summary>");
            inside(details.body(), h);
            h.append("</details>\n");
        } else if (block instanceof Only only && only.output() == Only.Output.HTML) {
            block(only.block(), h);
        }
    }

    /** Blocks inside a box, each on a line of its own, the box closing right after the last. */
    private static void inside(List<Block> blocks, StringBuilder h) {
        for (Block b : blocks) {
            StringBuilder one = new StringBuilder();
            block(b, one);
            int end = one.length() > 0 && one.charAt(one.length() - 1) == '\n' ? one.length() - 1 : one.length();
            h.append('\n').append(one, 0, end);
        }
    }

    private static void table(Table table, StringBuilder h) {
        h.append(table.scroll() ? "<div class=\"scroll\">" : "").append("<table")
                .append(attribute("class", table.cssClass())).append(attribute("data-area", table.area()))
                .append("><thead><tr>");
        table.columns().forEach(c -> h.append("<th>").append(Html.esc(c.header())).append("</th>"));
        h.append("</tr></thead><tbody>\n");
        for (Table.Row row : table.rows()) {
            h.append("<tr").append(attribute("class", row.cssClass())).append('>');
            for (Table.Cell cell : row.cells()) {
                String text = text(cell.text());
                h.append("<td").append(attribute("class", cell.cssClass())).append(attribute("data-v", cell.sortKey()))
                        .append(attribute("title", cell.tooltip())).append('>')
                        .append(cell.badge() == null ? text : "<span" + attribute("class", cell.badge()) + ">" + text + "</span>")
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>").append(table.scroll() ? "</div>" : "").append('\n');
    }

    /** A CSP source that allows exactly this inline script: {@code 'sha256-<base64 of the digest of its text>'}. */
    static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** {@code  name="value"}, or nothing for a null value. */
    private static String attribute(String name, String value) {
        return value == null ? "" : " " + name + "=\"" + Html.esc(value) + "\"";
    }

    private static String text(List<Inline> text) {
        StringBuilder sb = new StringBuilder();
        for (Inline run : text) {
            String t = Html.esc(run.text());
            sb.append(run instanceof Inline.Strong ? "<strong>" + t + "</strong>"
                    : run instanceof Inline.Emphasis ? "<em>" + t + "</em>"
                    : run instanceof Inline.Code ? "<code>" + t + "</code>"
                    : run instanceof Inline.Detail ? "<span class=\"detail\">" + t + "</span>" : t);
        }
        return sb.toString();
    }
}
