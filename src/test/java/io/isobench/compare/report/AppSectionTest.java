package io.isobench.compare.report;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import io.isobench.compare.report.doc.HtmlWriter;
import io.isobench.compare.report.doc.MarkdownWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static io.isobench.compare.Fixtures.thrpt;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application section: each app row beside the micro rows its class names, with both costs, in both outputs. */
class AppSectionTest {

    @TempDir
    Path run;

    private Comparison compare(List<Fixtures.Bench> host, List<Fixtures.Bench> container) throws Exception {
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"), Map.of());
        Fixtures.envDir(run, "container-bridge", container, Fixtures.fingerprint("container-bridge", "container", "none"),
                Map.of());
        return Comparison.ofRunDir(run, CompareOptions.defaults());
    }

    @Test
    void aCommitStandsBesideTheFsyncThatCarriesIt() throws Exception {
        List<Fixtures.Bench> host = List.of(
                avgt("io.isobench.app.SqliteCommitBenchmark.insertCommit", 2000, 20, 1).withParams(Map.of("journal", "wal")),
                avgt("io.isobench.fileio.SyncWriteLatencyBenchmark.writeFsync", 1500, 15, 2),
                thrpt("io.isobench.app.RandomUpdateBenchmark.update", 5.0e7, 5e5, 3),
                avgt("io.isobench.cpu.Sha256DigestBenchmark.digest", 100, 1, 4));
        Comparison c = compare(host, Fixtures.scaled(host, 1.4, 9));
        String md = MarkdownWriter.write(ReportBuilder.build(c));
        int section = md.indexOf("## What the application pays, and which micro cost carries it");
        assertTrue(section > md.indexOf("## Overhead per area"), "after the areas: " + md);
        String text = md.substring(section, md.indexOf("\n## ", section + 1));
        assertTrue(text.contains(AppSection.INTRO), text);
        assertTrue(text.contains("| container (Docker, bridge network) | SqliteCommitBenchmark.insertCommit (journal=wal) avgt | 2"),
                text);
        assertTrue(text.contains("| SyncWriteLatencyBenchmark.writeFsync avgt | 2"), text);
        assertTrue(text.matches("(?s).*insertCommit.*\\+(39|40)\\.\\d % slower.*writeFsync.*\\+(39|40)\\.\\d % slower.*"), text);
        assertTrue(text.contains("PointerChaseBenchmark.chase (pages=4k) | \u2014 | \u2014 | a TLB and cache miss per "
                + "access on 4 KiB pages, one at a time (not run in this environment)"), "a throughput app row whose "
                + "micro row is missing: " + text);
        assertTrue(text.contains("RandomUpdateBenchmark.update thrpt"), "its cost turned around: " + text);
        assertFalse(text.contains("Sha256"), "only application rows");
        String html = HtmlWriter.write(ReportBuilder.build(c));
        assertTrue(html.contains("id=\"app\""), "the page has the section too");
        assertTrue(html.contains("SyncWriteLatencyBenchmark.writeFsync avgt"));
    }

    @Test
    void aReportWithoutApplicationRowsHasNoSuchSection() throws Exception {
        List<Fixtures.Bench> host = List.of(avgt("io.isobench.fileio.SyncWriteLatencyBenchmark.writeFsync", 1500, 15, 2));
        Comparison c = compare(host, Fixtures.scaled(host, 1.1, 9));
        assertTrue(AppSection.build(c).isEmpty());
        assertFalse(MarkdownWriter.write(ReportBuilder.build(c)).contains("What the application pays"));
    }

    @Test
    void anApplicationRowShowsItsWorkHereAndInTheBaseline() throws Exception {
        String keepAlive = "io.isobench.app.HttpServiceBenchmark.keepAlive";
        List<Fixtures.Bench> host = List.of(avgt(keepAlive, 50, 1, 1));
        Fixtures.envDir(run, "host", host, Fixtures.fingerprint("host", "host", "none"), Map.of());
        Fixtures.envDir(run, "container-bridge", Fixtures.scaled(host, 1.2, 9),
                Fixtures.fingerprint("container-bridge", "container", "none"), Map.of());
        Fixtures.addCounters(run.resolve("host/jmh.json"), keepAlive, Map.of("serviceCalls", 4000.0, "serviceRequests", 1000.0));
        Fixtures.addCounters(run.resolve("container-bridge/jmh.json"), keepAlive,
                Map.of("serviceCalls", 6000.0, "serviceRequests", 1000.0));
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());
        String md = MarkdownWriter.write(ReportBuilder.build(c));
        assertTrue(md.contains("| 6.000 read and write calls of the service per request (baseline 4.000) |"), md);
    }
}
