package io.isobench.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escape sequences in benchmark names, labels and file names do not reach the terminal raw. */
class TerminalOutputTest {

    private static final String ESC = "\u001b";

    @TempDir
    Path tmp;

    @Test
    void compareDropsControlCharactersFromWhatItPrints() throws Exception {
        String name = "io.isobench.cpu.C.a" + ESC + "]0;owned" + "\u0007";
        Path run = tmp.resolve("run");
        Fixtures.envDir(run, "host", List.of(avgt(name, 10, 0.1, 1)), Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(run, "vm-" + ESC + "[31mred", List.of(avgt(name, 11, 0.1, 2)), null, null);
        Fixtures.Result result = Fixtures.run(run.toString(), "--out", tmp.resolve("out").toString(), "--allow-mismatch");
        assertEquals(0, result.code(), result.err());
        assertTrue(result.out().contains("vm-[31mred"), result.out());
        assertFalse(result.out().contains(ESC) || result.err().contains(ESC) || result.out().contains("\u0007"));

        Path missing = tmp.resolve("no-" + ESC + "[2J-run");
        Fixtures.Result refused = Fixtures.run(missing.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("no-[2J-run: no such file or directory"), refused.err());
        assertFalse(refused.err().contains(ESC));
    }
}
