package io.isobench.compare.input;

import io.isobench.compare.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.isobench.compare.Fixtures.avgt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files in a results folder that are not what they claim: links to /dev/zero or to a file outside, FIFOs nobody
 * writes, records above their cap, and keys given twice. Each ends in one line naming the file and exit 2, at once.
 */
class HostileFilesTest {

    @TempDir
    Path tmp;

    Path run;
    Path out;

    @BeforeEach
    void goodRun() throws IOException {
        run = tmp.resolve("run-1");
        out = tmp.resolve("out");
        Fixtures.envDir(run, "host", List.of(avgt("io.isobench.cpu.C.a", 10, 0.1, 1)),
                Fixtures.fingerprint("host", "host", "none"), Map.of("jvmStartMillis", 300));
        Fixtures.envDir(run, "vm-kvm", List.of(avgt("io.isobench.cpu.C.a", 11, 0.1, 2)),
                Fixtures.fingerprint("vm-kvm", "vm", "kvm"), Map.of("jvmStartMillis", 400));
    }

    /** Runs compare on the run; it must end within two seconds, with exit 2 and one line naming the file. */
    private String refused(Path file, String problem) {
        long start = System.nanoTime();
        Fixtures.Result result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> Fixtures.run(run.toString(), "--out", out.toString()), "no hang");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, "took " + seconds + " s");
        assertEquals(2, result.code(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        String line = result.errLines().get(0);
        assertTrue(line.contains(file.toString()) && line.contains(problem), line);
        assertFalse(Files.exists(out.resolve("report.md")), "no report");
        return line;
    }

    private void replaceWithLink(Path file, Path target) throws IOException {
        Files.delete(file);
        Files.createSymbolicLink(file, target);
    }

    private void replaceWithFifo(Path file) throws Exception {
        Files.delete(file);
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
    }

    @Test
    void environmentJsonLinkedToDevZero() throws IOException {
        Path file = run.resolve("vm-kvm/environment.json");
        replaceWithLink(file, Path.of("/dev/zero"));
        refused(file, "is a symbolic link; it is not followed");
    }

    @Test
    void footprintJsonLinkedToDevZero() throws IOException {
        Path file = run.resolve("host/footprint.json");
        replaceWithLink(file, Path.of("/dev/zero"));
        refused(file, "is a symbolic link");
    }

    @Test
    void aLinkToAFileOutsideIsNotRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.json"), "{\"token\": \"do-not-show\"}");
        Path file = run.resolve("host/environment.json");
        replaceWithLink(file, secret);
        assertFalse(refused(file, "is a symbolic link").contains("do-not-show"));
    }

    @Test
    void environmentJsonAsAFifo() throws Exception {
        Path file = run.resolve("vm-kvm/environment.json");
        replaceWithFifo(file);
        refused(file, "is not a regular file");
    }

    @Test
    void jmhJsonAsAFifo() throws Exception {
        Path file = run.resolve("vm-kvm/jmh.json");
        replaceWithFifo(file);
        refused(file, "is not a regular file");
    }

    @Test
    void jmhJsonLinkedToDevZero() throws IOException {
        Path file = run.resolve("vm-kvm/jmh.json");
        replaceWithLink(file, Path.of("/dev/zero"));
        refused(file, "is a symbolic link");
    }

    @Test
    void aRecordAboveItsCapIsRefusedBeforeItIsRead() throws IOException {
        Path file = run.resolve("host/footprint.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(Json.MAX_RECORD_BYTES + 1); // sparse
        }
        refused(file, "holds more than 16 MiB");
    }

    @Test
    void aKeyGivenTwiceInEnvironmentJson() throws IOException {
        Path file = run.resolve("vm-kvm/environment.json");
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\\{", "{\"accel\": \"tcg\", "));
        String line = refused(file, "has the key 'accel' twice in one object");
        assertTrue(line.contains("line 1"), line);
    }

    @Test
    void aKeyGivenTwiceInAJmhEntry() throws IOException {
        Path file = run.resolve("vm-kvm/jmh.json");
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"mode\"", "\"mode\" : \"thrpt\", \"mode\""));
        refused(file, "has the key 'mode' twice");
    }

    @Test
    void aLinkNamedOnTheCommandLineIsTheUsersChoice() throws IOException {
        Path link = tmp.resolve("baseline.json");
        Files.createSymbolicLink(link, run.resolve("host/jmh.json"));
        Path other = tmp.resolve("other.json");
        Files.copy(run.resolve("vm-kvm/jmh.json"), other);
        Fixtures.Result result = Fixtures.run(link.toString(), other.toString(), "--baseline", "baseline",
                "--out", out.toString());
        assertEquals(0, result.code(), result.err());
    }
}
