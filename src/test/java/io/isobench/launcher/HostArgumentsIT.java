package io.isobench.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the launcher: one line naming the problem, a non-zero exit, no stack trace. */
class HostArgumentsIT {

    @TempDir
    Path temp;

    private void assertOneLine(Launch.Outcome outcome, String expected) {
        assertEquals(2, outcome.exitCode(), outcome.stderr());
        String[] lines = outcome.stderr().strip().split("\n");
        assertTrue(lines[0].startsWith("isobench: ") && lines[0].contains(expected), outcome.stderr());
        assertFalse(outcome.stderr().contains("\tat "), outcome.stderr());
        assertTrue(lines.length <= 2, outcome.stderr()); // the error, and at most a usage hint
    }

    @Test
    void unknownProfile() throws Exception {
        assertOneLine(Launch.run(120, "host", "--profile", "turbo", "--out", temp.resolve("r").toString()),
                "unknown profile 'turbo'");
    }

    @Test
    void includeMatchingNothing() throws Exception {
        assertOneLine(Launch.run(120, "host", "--include", "Nothing.*Here", "--out", temp.resolve("r").toString()),
                "matches no benchmark");
    }

    @Test
    void includeThatDoesNotCompile() throws Exception {
        assertOneLine(Launch.run(120, "host", "--include", "(", "--out", temp.resolve("r").toString()),
                "not a valid regular expression");
    }

    @Test
    void outThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertOneLine(Launch.run(120, "host", "--out", file.resolve("r").toString()), "cannot write to --out");
    }

    @Test
    void benchDirPointingNowhere() throws Exception {
        assertOneLine(Launch.run(120, "host", "--bench-dir", temp.resolve("nowhere").toString(),
                "--out", temp.resolve("r").toString()), "--bench-dir");
    }

    @Test
    void rawJmhOptionsAreCheckedBeforeAnythingStarts() throws Exception {
        assertOneLine(Launch.run(120, "host", "--out", temp.resolve("r").toString(), "--", "-f", "abc"), "bad JMH option");
        assertOneLine(Launch.run(120, "vm", "--out", temp.resolve("r").toString(), "--", "-f", "abc"), "bad JMH option");
        assertOneLine(Launch.run(120, "host", "--out", temp.resolve("r").toString(), "--", "-i", "0"), "should be positive");
    }

    @Test
    void outThatIsTheRoot() throws Exception {
        assertOneLine(Launch.run(120, "host", "--out", "/"), "is not a run directory");
    }

    @Test
    void badRounds() throws Exception {
        assertOneLine(Launch.run(120, "host", "--rounds", "0", "--out", temp.resolve("r").toString()), "--rounds");
    }

    @Test
    void badContainerVariant() throws Exception {
        assertOneLine(Launch.run(120, "bench", "--envs", "container", "--container-variants", "bridge-cpus1e-10",
                "--out", temp.resolve("r").toString()), "--cpus");
        assertOneLine(Launch.run(120, "container", "--memory", "17179869190g", "--out", temp.resolve("r").toString()),
                "--memory");
    }

    @Test
    void badDensityOrVmNetwork() throws Exception {
        assertOneLine(Launch.run(120, "bench", "--envs", "host", "--density", "-1", "--out", temp.resolve("r").toString()),
                "--density must be 0 (none) or more");
        assertOneLine(Launch.run(120, "vm", "--network", "bridge", "--out", temp.resolve("r").toString()),
                "--network must be auto, tap or user");
        assertOneLine(Launch.run(120, "density", "--budget", "10%", "--kinds", "host", "--out", temp.resolve("r").toString()),
                "--budget must be a size");
    }

    @Test
    void unknownOption() throws Exception {
        assertOneLine(Launch.run(120, "host", "--profil", "smoke"), "Unknown option");
    }
}
