package io.isobench.compare.input;

import io.isobench.compare.CompareException;
import io.isobench.compare.Fixtures;
import io.isobench.compare.model.FingerprintTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inputs that cannot be trusted as they are: an environment without its fingerprint, a run that did not finish, and
 * files too large (or too many entries) to be JMH output. Each is refused or warned about in one line naming it.
 */
class UntrustedInputTest {

    @TempDir
    Path tmp;

    Path run;
    Path out;

    @BeforeEach
    void goodRun() throws IOException {
        run = tmp.resolve("run-1");
        out = tmp.resolve("out");
        Fixtures.envDir(run, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), null);
        Fixtures.envDir(run, "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), null);
    }

    @Test
    void aMissingEnvironmentJsonIsAMismatchUnlessAllowedAndKeepsItsColumn() throws IOException {
        Path missing = run.resolve("vm-kvm/environment.json");
        Files.delete(missing);
        Fixtures.Result refused = Fixtures.run(run.toString(), "--out", out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertEquals(1, refused.errLines().size(), refused.err());
        assertTrue(refused.err().contains(missing.toString()) && refused.err().contains("no environment.json")
                && refused.err().contains("--allow-mismatch"), refused.err());

        Fixtures.Result allowed = Fixtures.run(run.toString(), "--out", out.toString(), "--allow-mismatch");
        assertEquals(0, allowed.code(), allowed.err());
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("| Key | host | vm-kvm |"), "vm-kvm keeps its fingerprint column: " + md);
        assertTrue(md.contains(FingerprintTable.NO_FILE), md);
    }

    @Test
    void aLooseJmhFileAmongFingerprintedEnvironmentsIsAMismatch() throws IOException {
        Path loose = Fixtures.writeJmh(tmp.resolve("laptop.json"), List.of(avgt("io.isobench.cpu.C.a", 12, 0.1, 3)));
        Fixtures.Result refused = Fixtures.run(run.toString(), loose.toString(), "--out", out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains(loose.toString()) && refused.err().contains("cannot be checked"), refused.err());
    }

    @Test
    void anUnfinishedRunIsWarnedAboutOnStderrAndInTheReport() throws IOException {
        Map<String, Object> fp = Fixtures.fingerprint("vm-kvm", "vm", "kvm");
        fp.put("status", "interrupted");
        Files.writeString(run.resolve("vm-kvm/environment.json"), Fixtures.MAPPER.writeValueAsString(fp));
        Map<String, Object> host = Fixtures.fingerprint("host", "host", "none");
        host.put("status", "complete");
        Files.writeString(run.resolve("host/environment.json"), Fixtures.MAPPER.writeValueAsString(host));

        Fixtures.Result result = Fixtures.run(run.toString(), "--out", out.toString());
        assertEquals(0, result.code(), result.err());
        assertEquals(1, result.errLines().size(), "one line for vm-kvm, none for the complete host: " + result.err());
        assertTrue(result.err().contains("vm-kvm did not finish") && result.err().contains("interrupted"), result.err());
        assertTrue(Files.readString(out.resolve("report.md")).contains("vm-kvm did not finish"));
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        try (RandomAccessFile file = new RandomAccessFile(jmh.toFile(), "rw")) {
            file.setLength(Json.MAX_BYTES + 1); // sparse: nothing is written, and nothing may be read
        }
        long start = System.nanoTime();
        Fixtures.Result result = Fixtures.run(run.toString(), "--out", out.toString());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused at once");
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().contains(jmh.toString()) && result.err().contains("MiB"), result.err());
    }

    @Test
    void aHugeArrayOfEmptyObjectsIsRefusedAtItsFirstEntry() throws IOException {
        Path jmh = run.resolve("vm-kvm/jmh.json");
        try (Writer writer = Files.newBufferedWriter(jmh)) {
            writer.write('[');
            for (int i = 0; i < 20_000_000; i++) { // 60 MB: read as a tree, many seconds and gigabytes
                writer.write("{},");
            }
            writer.write("{}]");
        }
        long start = System.nanoTime();
        CompareException e = assertThrows(CompareException.class, () -> JmhJsonReader.read(jmh));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refused without reading the rest");
        assertEquals(jmh, e.file());
        assertEquals("entry 1 has no benchmark name", e.problem());
    }

    @Test
    void moreEntriesThanAnyRunHasAreRefused() throws Exception {
        Path jmh = Fixtures.writeJmh(tmp.resolve("many.json"), List.of(avgt("io.isobench.cpu.C.a", 1, 0.1, 1),
                avgt("io.isobench.cpu.C.b", 1, 0.1, 2), avgt("io.isobench.cpu.C.c", 1, 0.1, 3)));
        assertEquals(3, JmhJsonReader.read(jmh, 3).size());
        CompareException e = assertThrows(CompareException.class, () -> JmhJsonReader.read(jmh, 2));
        assertTrue(e.problem().startsWith("has more than 2 entries"), e.problem());
        assertFalse(e.getMessage().contains("Exception"));
    }
}
