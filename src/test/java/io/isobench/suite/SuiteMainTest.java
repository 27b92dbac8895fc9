package io.isobench.suite;

import io.isobench.schema.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the suite runner: one line on stderr, exit code 2, nothing run, nothing written. */
class SuiteMainTest {

    @TempDir
    Path dir;

    private record Outcome(int exitCode, String stderr) {
    }

    private Outcome run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = Cli.execute(new SuiteMain(), "isobench", args);
            return new Outcome(rc, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    private void assertOneLineError(Outcome outcome, String expected) {
        assertEquals(ExitCode.BAD_INPUT, outcome.exitCode(), outcome.stderr());
        String[] lines = outcome.stderr().strip().split("\n");
        assertEquals(1, lines.length, outcome.stderr());
        assertTrue(lines[0].startsWith("isobench: "), lines[0]);
        assertTrue(lines[0].contains(expected), lines[0]);
        assertFalse(outcome.stderr().contains("\tat "), "stack trace printed");
    }

    @Test
    void unknownProfile() {
        assertOneLineError(run("--out", dir.resolve("o").toString(), "--profile", "warp"), "unknown profile 'warp'");
    }

    @Test
    void includeMatchingNothing() {
        assertOneLineError(run("--out", dir.resolve("o").toString(), "--include", "NoSuchThing"), "matches no benchmark");
    }

    @Test
    void includeThatDoesNotCompile() {
        assertOneLineError(run("--out", dir.resolve("o").toString(), "--include", "a[b"), "not a valid regular expression");
    }

    @Test
    void benchDirPointingNowhere() {
        assertOneLineError(run("--out", dir.resolve("o").toString(), "--bench-dir", dir.resolve("missing").toString()),
                "does not exist");
        assertFalse(Files.exists(dir.resolve("o")), "nothing written before the input was checked");
    }

    @Test
    void outThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLineError(run("--out", file.resolve("sub").toString(), "--include", "JnaCall"), "cannot write results to");
    }

    @Test
    void badRawJmhOption() {
        assertOneLineError(run("--out", dir.resolve("o").toString(), "--", "-f", "many"), "bad JMH option");
    }

    @Test
    void badKind() {
        assertOneLineError(run("--out", dir.resolve("o").toString(), "--kind", "../cloud"), "--kind '../cloud' is not a kind");
    }

    @Test
    void listPrintsTheSelection() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = Cli.execute(new SuiteMain(), "isobench", "--out", dir.toString(), "--include", "Sha256", "--list");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, rc);
        assertEquals("io.isobench.cpu.Sha256DigestBenchmark.digest", out.toString(StandardCharsets.UTF_8).strip());
    }
}
