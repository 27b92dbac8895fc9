package io.isobench.compare.report;

import io.isobench.compare.CompareCommand;
import io.isobench.compare.model.DensityTable;
import io.isobench.compare.report.doc.HtmlWriter;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.schema.DensityRecord;
import io.isobench.schema.ResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report of a density run from a fixture: the table, the two charts, summary.json, and compare on the dir. */
class DensityReportTest {

    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    static DensityRecord fixture() {
        DensityRecord.Series host = new DensityRecord.Series("host", "host", List.of("EchoPeer JVMs on loopback"),
                20_000 * MIB, "--max 3 reached", List.of(
                new DensityRecord.Point(1, 46 * MIB, 46 * MIB, 44 * MIB, 406, null),
                new DensityRecord.Point(2, 66 * MIB, 20 * MIB, 36 * MIB, 455, null),
                new DensityRecord.Point(3, 86 * MIB, 20 * MIB, 36 * MIB, 430, null)));
        DensityRecord.Series runc = new DensityRecord.Series("container-runc", "container", List.of("runc"),
                20_000 * MIB, "floor: MemAvailable ...", List.of(
                new DensityRecord.Point(1, 54 * MIB, 54 * MIB, 12 * MIB, 900, null),
                new DensityRecord.Point(2, 92 * MIB, 38 * MIB, 7 * MIB, 758, null)));
        DensityRecord.Series skipped = new DensityRecord.Series("vm-tcg-ksm", "vm", List.of(), 0,
                "skipped: this kernel has no KSM", List.of());
        return DensityRecord.started("Linux 6.1, 2 CPUs", 24_000 * MIB, 6_000 * MIB, "2026-11-28T06:00:00Z")
                .with(host).with(runc).with(skipped);
    }

    @Test
    void theTableShowsTheMarginalMemoryPerKind() {
        DensityTable table = DensityTable.of(fixture());
        assertEquals(20.0 * MIB, table.rows().get(0).marginalBytes());
        assertEquals(38.0 * MIB, table.rows().get(1).marginalBytes());
        assertEquals(430, table.rows().get(0).startMillis());
        assertTrue(Double.isNaN(table.rows().get(2).marginalBytes()));
        String md = MarkdownWriter.write(ReportBuilder.density(table));
        assertTrue(md.contains("| host | 3 | 20 MiB | 46 MiB | 36 MiB | 430 ms | --max 3 reached |"), md);
        assertTrue(md.contains("| container-runc | 2 | 38 MiB | 54 MiB | 7 MiB | 829 ms |"), md);
        assertTrue(md.contains("skipped: this kernel has no KSM"), md);
        assertEquals(List.of("host: 20 MiB of host memory per further idle instance (3 started; the first took 46 MiB)",
                "container-runc: 38 MiB of host memory per further idle instance (2 started; the first took 54 MiB)"),
                table.headline());
    }

    @Test
    void theChartsPlotEveryMeasuredPoint() {
        DensityTable table = DensityTable.of(fixture());
        String memory = DensityChart.render(table, DensityChart.Metric.MEMORY);
        String start = DensityChart.render(table, DensityChart.Metric.START);
        assertEquals(5, count(memory, "<circle"));
        assertEquals(2, count(memory, "<path d="), "one line per measured series; the skipped one has none");
        assertTrue(memory.contains("host MemAvailable drop (MiB)") && start.contains("start to ready"));
        assertTrue(memory.startsWith("<svg class=\"density\"") && memory.endsWith("</svg>\n"));
        String html = HtmlWriter.write(ReportBuilder.density(table));
        assertEquals(2, count(html, "<svg class=\"density\""));
    }

    @Test
    void compareOnADensityRunDirectoryWritesTheReport() throws Exception {
        Files.writeString(dir.resolve(DensityRecord.FILE), ResultJson.toJson(fixture()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CompareCommand.execute(new PrintWriter(out), new PrintWriter(err), dir.toString());
        assertEquals(0, exit, err.toString());
        Path report = dir.resolve("report");
        assertTrue(Files.readString(report.resolve(Report.MARKDOWN)).contains("Density: host memory per idle instance"));
        var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.resolve(Report.SUMMARY).toFile());
        assertEquals(20.0 * MIB, summary.get("density").get(0).get("marginalBytes").asDouble());
        assertTrue(out.toString().contains("host: 20 MiB"), out.toString());
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
