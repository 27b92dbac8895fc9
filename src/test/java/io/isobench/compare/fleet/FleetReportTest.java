package io.isobench.compare.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.isobench.compare.CompareCommand;
import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.fleet.FleetManifest.Node;
import io.isobench.compare.fleet.FleetManifest.State;
import io.isobench.compare.model.Headline;
import io.isobench.compare.report.doc.MarkdownWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The merged report of a fleet, from committed real runs: node a has host, runc, gVisor and a TCG VM, node b host and
 * runc on a (pretended) other CPU, node c was cancelled after writing a fingerprint but no results.
 */
class FleetReportTest {

    private static final Path MATRIX = Path.of("docs/measurements/smoke-matrix-2026-11-28");
    private static final Path HOST_CONTAINER = Path.of("docs/measurements/standard-host-container");

    @TempDir
    Path fleet;

    private void fleetOfThree() throws IOException {
        copyRun(MATRIX, fleet.resolve("a/f1"));
        copyRun(HOST_CONTAINER, fleet.resolve("b/f1"));
        Path hostB = fleet.resolve("b/f1/host/environment.json");
        ObjectNode print = (ObjectNode) Fixtures.MAPPER.readTree(hostB.toFile());
        print.put("cpuModel", "Intel Xeon");
        Fixtures.MAPPER.writeValue(hostB.toFile(), print);
        Files.createDirectories(fleet.resolve("c/f1/host"));
        Files.writeString(fleet.resolve("c/f1/host/environment.json"), "{\"env\": \"host\", \"status\": \"interrupted\"}");
        new FleetManifest("f1", "2026-11-28T05:00:00Z", new FleetManifest.Asked("a,b,c", null, null),
                List.of("--profile", "smoke"), List.of(
                new Node("a", "1", State.DONE, "COMPLETED", 0, null, "a/f1", "complete"),
                new Node("b", "2", State.DONE, "COMPLETED", 0, null, "b/f1", "complete"),
                new Node("c", "3", State.FAILED, "CANCELLED", 143, "SIGTERM", "c/f1",
                        "cancelled in Slurm; the bench command ended by SIGTERM (exit code 143)"))).write(fleet);
    }

    private static void copyRun(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/report/")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Test
    void eachEnvironmentsCostSideBySideWithTheMissingNodeNamed() throws Exception {
        fleetOfThree();
        FleetReport report = FleetReport.load(fleet, CompareOptions.defaults());
        assertEquals(List.of("container-bridge", "container-runsc-bridge", "vm-tcg"), report.environments());
        Headline.Cell runcA = report.nodes().get(0).cell("container-bridge", null);
        Headline.Cell runcB = report.nodes().get(1).cell("container-bridge", null);
        assertTrue(runcA.cost() > 0 && runcB.cost() > 0);
        assertTrue(report.nodes().get(1).cell("vm-tcg", null) == null, "node b ran no VM");
        String headline = MarkdownWriter.blocks(FleetBuilder.headlineBlocks(report));
        assertTrue(headline.contains("**container-bridge** against each node's own host"), headline);
        assertTrue(headline.contains("| Area | a | b | c |"), headline);
        assertTrue(headline.contains("missing (failed)"), headline);
        List<String> missing = report.missingNodes();
        assertEquals(1, missing.size());
        assertEquals("c: failed, exit code 143, SIGTERM, Slurm CANCELLED: cancelled in Slurm; the bench command ended "
                + "by SIGTERM (exit code 143); kept: no results", missing.get(0));
        assertTrue(report.differences().contains("b: CPU model Intel Xeon (a: AMD EPYC)"), report.differences().toString());
        assertTrue(report.hosts() != null && report.hosts().pairs().size() == 1, "b's host against a's");
        assertFalse(Files.exists(fleet.resolve("a/f1/report")), "loading writes nothing");
    }

    @Test
    void aFleetReportWithOutGoesThereOnlyWithEachNodesReportBesideIt() throws Exception {
        fleetOfThree();
        List<Path> before = files(fleet);
        Path out = fleet.getParent().resolve(fleet.getFileName() + "-report");
        StringWriter err = new StringWriter();
        int code = CompareCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), fleet.toString(),
                "--out", out.toString());
        assertEquals(0, code, err.toString());
        assertEquals(before, files(fleet), "nothing written into the fleet directory or a node's run directory");
        assertTrue(Files.isRegularFile(out.resolve("nodes/a/report.md")) && Files.isRegularFile(out.resolve("nodes/b/index.html")));
        assertFalse(Files.exists(out.resolve("nodes/c")), "c has nothing to compare");
        assertTrue(Files.readString(out.resolve("report.md")).contains("- a: nodes/a/report.md (and index.html)"));
        assertEquals(FleetReport.SCHEMA, Fixtures.MAPPER.readTree(out.resolve("summary.json").toFile()).get("schema").asText());
    }

    @Test
    void aNodeRunDirectoryThatIsALinkOutOfTheFleetIsRefused() throws Exception {
        fleetOfThree();
        Path elsewhere = fleet.getParent().resolve(fleet.getFileName() + "-elsewhere");
        Files.move(fleet.resolve("b/f1"), elsewhere);
        Files.createSymbolicLink(fleet.resolve("b/f1"), elsewhere);
        assertBad("node b has a run directory outside the fleet directory: b/f1 leads to " + elsewhere.toRealPath());
    }

    @Test
    void aNodeNameThatIsNoHostNameIsRefused() throws Exception {
        Files.writeString(fleet.resolve(FleetManifest.FILE), "{\"fleetId\": \"f\", \"benchArgs\": [], \"nodes\": "
                + "[{\"node\": \"../x\", \"state\": \"done\", \"runDir\": \"a/f\"}]}");
        assertBad("has a node whose name is not a host name: '../x'");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void writesMarkdownHtmlWithAChartPerEnvironmentAndSummary() throws Exception {
        fleetOfThree();
        List<Path> written = FleetReport.load(fleet, CompareOptions.defaults()).write(fleet.resolve("report"));
        assertEquals(3, written.size());
        String md = Files.readString(fleet.resolve("report/report.md"));
        assertTrue(md.contains("## Missing nodes") && md.contains("- c: failed"), md);
        assertTrue(md.contains("≠ **CPU model**"), md);
        assertTrue(md.contains("## Hosts across nodes"), md);
        String html = Files.readString(fleet.resolve("report/index.html"));
        assertEquals(3, html.split("<svg class=\"chart fleet\"", -1).length - 1, "one chart per environment");
        assertTrue(html.contains("data-env=\"vm-tcg\"") && html.contains("class=\"bar\""));
        assertTrue(html.contains("c: missing (failed)"), "the missing node is named in the chart");
        JsonNode summary = Fixtures.MAPPER.readTree(fleet.resolve("report/summary.json").toFile());
        assertEquals("f1", summary.get("fleet").get("fleetId").asText());
        assertTrue(summary.get("costs").size() > 10);
        assertEquals(1, summary.get("missing").size());
    }

    @Test
    void compareAcceptsAFleetDirectory() throws Exception {
        fleetOfThree();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompareCommand.execute(new PrintWriter(out), new PrintWriter(err), fleet.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("**vm-tcg** against each node's own host"), out.toString());
        assertTrue(err.toString().contains("isobench compare: missing node c: failed"), err.toString());
        assertTrue(Files.isRegularFile(fleet.resolve("report/index.html")));
    }

    @Test
    void fleetJsonRoundTrips() throws Exception {
        fleetOfThree();
        FleetManifest read = FleetManifest.read(fleet);
        assertEquals("f1", read.fleetId());
        assertEquals(State.FAILED, read.nodes().get(2).state());
        assertEquals("SIGTERM", read.nodes().get(2).signal());
        assertTrue(Files.readString(fleet.resolve(FleetManifest.FILE)).contains("\"state\" : \"failed\""));
        assertEquals(read, read.with(read.nodes().get(0)));
        assertFalse(read.finished() && read.count(State.DONE) == 3);
    }

    @Test
    void aLostNodeIsMissingWithWhatItKept() throws Exception {
        fleetOfThree();
        FleetManifest read = FleetManifest.read(fleet);
        read.with(read.nodes().get(2).withState(State.LOST, "NODE_FAIL", null, null, "its node stopped answering"))
                .write(fleet);
        assertTrue(Files.readString(fleet.resolve(FleetManifest.FILE)).contains("\"state\" : \"lost\""));
        FleetManifest lost = FleetManifest.read(fleet);
        assertEquals(State.LOST, lost.nodes().get(2).state());
        assertTrue(lost.finished());
        FleetReport report = FleetReport.load(fleet, CompareOptions.defaults());
        assertEquals(1, report.missingNodes().size());
        assertTrue(report.missingNodes().get(0).startsWith("c: lost, Slurm NODE_FAIL: its node stopped answering; kept:"),
                report.missingNodes().toString());
        report.write(fleet.resolve("report"));
        String md = Files.readString(fleet.resolve("report/report.md"));
        assertTrue(md.contains("3 node(s), 2 done, 0 failed, 1 lost, 0 unfinished"), md);
    }

    @Test
    void badFleetJsonIsOneLineAndExitTwo() throws Exception {
        Files.writeString(fleet.resolve(FleetManifest.FILE), "{\"fleetId\": \"f\", \"nodes\": [");
        assertBad("truncated JSON");
        Files.writeString(fleet.resolve(FleetManifest.FILE), "{\"fleetId\": \"f\", \"benchArgs\": [], \"nodes\": "
                + "[{\"node\": \"a\", \"state\": \"exploded\"}]}");
        assertBad("is not a fleet record");
        Files.writeString(fleet.resolve(FleetManifest.FILE), "{\"fleetId\": \"f\", \"benchArgs\": [], \"nodes\": "
                + "[{\"node\": \"a\", \"state\": \"done\", \"runDir\": \"../../etc\"}]}");
        assertBad("outside the fleet directory");
        CompareException e = assertThrows(CompareException.class, () -> FleetManifest.read(fleet.resolve("nowhere")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    private void assertBad(String expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CompareCommand.execute(new PrintWriter(out), new PrintWriter(err), fleet.toString());
        assertEquals(2, code, err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains(expected), err.toString());
    }
}
