package io.isobench.compare;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where compare writes: never /, the home directory or a folder of other files, and an earlier report only when told. */
class ReportDirTest {

    @TempDir
    Path tmp;

    Path run;

    @BeforeEach
    void goodRun() throws IOException {
        run = tmp.resolve("run-1");
        Fixtures.envDir(run, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), Map.of("jvmStartMillis", 300));
        Fixtures.envDir(run, "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), Map.of("jvmStartMillis", 400));
    }

    private static void assertRefused(Fixtures.Result r, String problem) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains(problem), r.err());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theRootDirectoryIsRefused() {
        CompareException e = assertThrows(CompareException.class, () -> ReportDir.check(Path.of("/"), true, true));
        assertEquals("/: is the root directory; name a directory of its own for the report (--out DIR)", e.getMessage());
        assertThrows(CompareException.class, () -> ReportDir.check(Path.of("/tmp/.."), true, true), "as a real path");
    }

    @Test
    void theHomeDirectoryIsRefusedAndNothingIsWrittenThere() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".profile"), "umask 022\n");
        String before = System.getProperty("user.home");
        try {
            System.setProperty("user.home", home.toString());
            assertRefused(Fixtures.run(run.toString(), "--out", home.toString()), home + ": is the home directory");
            assertRefused(Fixtures.run(run.toString(), "--out", home + "/../home"), "is the home directory");
        } finally {
            System.setProperty("user.home", before);
        }
        assertEquals(List.of(".profile"), names(home));
    }

    @Test
    void aFolderOfOtherFilesIsRefusedAndLeftAsItIs() throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("index.html"), "<p>mine</p>");
        assertRefused(Fixtures.run(run.toString(), "--out", notes.toString()),
                notes + ": holds files but no isobench report");
        assertEquals("<p>mine</p>", Files.readString(notes.resolve("index.html")));
        Files.writeString(notes.resolve("summary.json"), "{\"schema\": \"someone-else/1\"}");
        assertRefused(Fixtures.run(run.toString(), "--out", notes.toString()), "holds files but no isobench report");
    }

    @Test
    void aNewAnEmptyOrAnEarlierReportsDirectoryIsUsed() throws IOException {
        Path out = tmp.resolve("new/report");
        assertEquals(0, Fixtures.run(run.toString(), "--out", out.toString(), "-q").code());
        assertEquals(List.of("index.html", "report.md", "summary.json"), names(out));
        assertTrue(ReportDir.holdsReport(out));
        assertEquals(0, Fixtures.run(run.toString(), "--out", out.toString(), "-q").code(), "named: its own report again");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, Fixtures.run(run.toString(), "--out", empty.toString(), "-q").code());
    }

    @Test
    void theDefaultReportDirectoryAsALinkIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(run.resolve("report"), elsewhere);
        assertRefused(Fixtures.run(run.toString()), run.resolve("report") + ": is a symbolic link");
        assertEquals(List.of(), names(elsewhere));
    }

    @Test
    void aMissingInputIsNoSuchFileOrDirectory() {
        Path missing = tmp.resolve("no-such-run");
        assertRefused(Fixtures.run(missing.toString()), missing + ": no such file or directory");
        assertRefused(Fixtures.run(run.toString(), missing.toString(), "--out", tmp.resolve("o").toString()),
                missing + ": no such file or directory");
        assertRefused(Fixtures.run("--baseline-run", missing.toString(), run.toString(), "--out",
                tmp.resolve("o").toString()), missing + ": no such file or directory");
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
