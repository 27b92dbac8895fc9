package io.isobench.compare.model;

import io.isobench.compare.CompareOptions;
import io.isobench.compare.Fixtures;
import io.isobench.compare.input.TimelineInput;
import io.isobench.compare.report.ReportBuilder;
import io.isobench.compare.report.SummaryBuilder;
import io.isobench.compare.report.doc.MarkdownWriter;
import io.isobench.schema.ResultJson;
import io.isobench.schema.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Far rounds counted per environment, by side, in the report's timeline section and in summary.json. */
class FarRoundsTableTest {

    private static final String SLOW_ENV = "io.isobench.syscall.C.slowEnv";
    private static final String SLOW_HOST = "io.isobench.syscall.C.slowHost";
    private static final String SHORT = "io.isobench.syscall.C.short";
    private static final double[] HOST = {100, 130, 110, 140, 105, 120, 115, 125};
    /** The container: 20 % slower, give or take 1 %. */
    private static final double[] SIDE = {1.21, 1.19, 1.20, 1.22, 1.18, 1.20, 1.21, 1.19};

    @TempDir
    Path run;

    @Test
    void farRoundsAreCountedPerEnvironmentBySideAndShownButNeverDropped() throws Exception {
        double[] env = new double[8];
        double[] hostSlow = HOST.clone();
        for (int i = 0; i < 8; i++) {
            env[i] = HOST[i] * SIDE[i];
        }
        double[] envSlow = env.clone();
        envSlow[5] *= 1.5; // round 6: the container's fork landed in a slow stretch
        hostSlow[2] *= 1.5; // round 3: the host's did
        Path host = Fixtures.envDir(run, "host", List.of(Fixtures.rounds(SLOW_ENV, HOST),
                Fixtures.rounds(SLOW_HOST, hostSlow), Fixtures.rounds(SHORT, 100, 110, 120, 130, 140)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Path container = Fixtures.envDir(run, "container-bridge", List.of(Fixtures.rounds(SLOW_ENV, envSlow),
                Fixtures.rounds(SLOW_HOST, env), Fixtures.rounds(SHORT, 120, 132, 144, 156, 250)),
                Fixtures.fingerprint("container-bridge", "container", "none"), null);
        for (Path dir : List.of(host, container)) {
            Fixtures.tagRounds(dir.resolve("jmh.json"), SLOW_ENV, 1, 2, 3, 4, 5, 6, 7, 8);
            Fixtures.tagRounds(dir.resolve("jmh.json"), SLOW_HOST, 1, 2, 3, 4, 5, 6, 7, 8);
            Fixtures.tagRounds(dir.resolve("jmh.json"), SHORT, 1, 2, 3, 4, 5);
        }
        try (InputStream in = getClass().getResourceAsStream("/compare/timeline.json")) {
            Files.copy(in, run.resolve(TimelineInput.FILE));
        }
        Comparison c = Comparison.ofRunDir(run, CompareOptions.defaults());

        FarRoundsTable.Line line = c.farRounds().lines().get(0);
        assertEquals(1, c.farRounds().lines().size());
        assertEquals("container-bridge", line.environment());
        assertEquals("host", line.baseline());
        assertEquals(2, line.rows(), "the row of five rounds is not judged");
        assertEquals(16, line.rounds());
        assertEquals(1, line.above(), "round 6 cost the container more than its row's usual");
        assertEquals(1, line.below(), "round 3 cost it less: the host's side was slow");
        assertEquals(1.0, line.pValue(), 1e-12, "an even split");
        assertEquals(184.0 / 8192, FarRoundsTable.evenSplit(11, 2), 1e-12,
                "11 of 13 on one side: 2 (1 + 13 + 78) / 2^13");
        assertEquals(FarRoundsTable.evenSplit(2, 11), FarRoundsTable.evenSplit(11, 2), 1e-12);
        assertEquals(1.0, FarRoundsTable.evenSplit(3, 3), 1e-12);
        ComparisonRow slowEnv = c.rows().stream().filter(r -> r.key().benchmark().equals(SLOW_ENV)).findFirst()
                .orElseThrow();
        assertEquals(8, slowEnv.test().pairs(), "the far round stays in the row's test");

        String markdown = MarkdownWriter.write(ReportBuilder.build(c));
        assertTrue(markdown.contains("container (Docker, bridge network) against host: 2 of 16 paired rounds "
                + "(12.5 %) "
                + "of 2 rows lie far from their row's others; in 1 the environment cost more than its row's usual, in 1 "
                + "less (binomial p = 1.000): too few to tell the sides apart."), markdown);

        Summary summary = SummaryBuilder.of(c);
        Summary.Row row = summary.comparisons().stream().filter(r -> r.key().benchmark().equals(SLOW_ENV)).findFirst()
                .orElseThrow();
        assertEquals(List.of(6), row.test().farRounds());
        Summary.Row shortRow = summary.comparisons().stream().filter(r -> r.key().benchmark().equals(SHORT))
                .findFirst().orElseThrow();
        assertNull(shortRow.test().farRounds(), "five rounds: not judged");
        assertEquals(new Summary.FarRounds("container-bridge", "host", 2, 16, 1, 1, 1.0),
                summary.timeline().farRounds().get(0));
        assertTrue(ResultJson.toJson(summary).contains("\"farRounds\""));
    }
}
