package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.Comparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** timeline.json: parsed, summarised in one line, drawn as one lane per environment with failed steps marked. */
class TimelineTest {

    @TempDir
    Path tmp;

    private Path runWithTimeline() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/compare/timeline.json")) {
            Files.createDirectories(tmp);
            Files.copy(in, tmp.resolve(TimelineInput.FILE));
        }
        Fixtures.envDir(tmp, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(tmp, "container-bridge", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 2)),
                Fixtures.fingerprint("container-bridge", "container", "none"), null);
        return tmp;
    }

    @Test
    void parsesSeedRoundsAndSteps() throws Exception {
        TimelineInput t = TimelineInput.read(runWithTimeline());
        assertEquals(12345L, t.seed());
        assertEquals(2, t.rounds());
        assertEquals(8, t.steps().size());
        assertEquals(List.of("container-bridge", "host"), t.environments());
        assertEquals("failed", t.steps().get(3).status());
        assertTrue(t.steps().get(3).failed());
        assertNull(t.steps().get(7).startedAt(), "a skipped step has no times");
        assertEquals("2026-11-28T03:01:00Z", t.start().toString());
        assertEquals("2026-11-28T03:05:05Z", t.end().toString());
    }

    @Test
    void aRunWithoutTimelineHasNone() throws Exception {
        Fixtures.envDir(tmp, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), null);
        assertNull(TimelineInput.read(tmp));
        assertNull(Comparison.ofRunDir(tmp, CompareOptions.defaults()).timeline());
    }

    @Test
    void anUnknownStatusIsOneLineNamingTheFile() throws Exception {
        Files.writeString(tmp.resolve(TimelineInput.FILE), "{\"seed\": 1, \"rounds\": 1, \"steps\": [{\"round\": 1, "
                + "\"environment\": \"host\", \"benchmarkClass\": \"a.B\", \"status\": \"exploded\"}]}");
        CompareException e = assertThrows(CompareException.class, () -> TimelineInput.read(tmp));
        assertTrue(e.getMessage().contains("timeline.json: step 1 has status 'exploded'"), e.getMessage());
    }

    @Test
    void theReportsShowTheSummaryAndTheChart() throws Exception {
        Path run = runWithTimeline();
        Fixtures.Result r = Fixtures.run(run.toString());
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(run.resolve("report/report.md"));
        assertTrue(md.contains("> Interleaved run: 2 rounds, order seed 12345; 8 steps in 2 environments"), md);
        assertTrue(md.contains("container-bridge Sha256DigestBenchmark round 1 failed"), md);
        String html = Files.readString(run.resolve("report/index.html"));
        String svg = html.substring(html.indexOf("<svg class=\"timeline\""), html.indexOf("</svg>",
                html.indexOf("<svg class=\"timeline\"")));
        assertEquals(7, svg.split("<rect class=\"step ", -1).length - 1, "one box per timed step");
        assertEquals(1, svg.split("<rect class=\"step failed\"", -1).length - 1, "the failed step is marked");
        assertTrue(svg.contains(">host</text>") && svg.contains(">container-bridge</text>"), "one lane each");
        assertTrue(Files.readString(run.resolve("report/summary.json")).contains("\"seed\" : 12345"));
    }
}
