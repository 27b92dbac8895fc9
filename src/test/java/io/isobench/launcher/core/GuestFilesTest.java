package io.isobench.launcher.core;

import io.isobench.load.LoadControl;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.UntrustedFile;
import io.isobench.suite.JsonFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a guest (or a container) leaves in its share for the host, which runs as root: links to files outside and FIFOs
 * are not followed, not opened, not copied back; what the host writes there replaces a link instead of writing through.
 */
class GuestFilesTest {

    @TempDir
    Path tmp;

    Path results;
    Path envDir;
    Path secret;

    @BeforeEach
    void share() throws Exception {
        results = Files.createDirectories(tmp.resolve("work/share/results/vm-tcg"));
        envDir = Files.createDirectories(tmp.resolve("run/vm-tcg"));
        secret = Files.writeString(tmp.resolve("root-only.txt"), "the host's secret");
        Files.writeString(results.resolve(ResultLayout.ENVIRONMENT_JSON), "{\"env\": \"vm-tcg\"}");
    }

    @Test
    void aLinkToAFileOutsideIsNotCopiedBackWithOneWarning() throws Exception {
        Files.createSymbolicLink(results.resolve(ResultLayout.JMH_JSON), secret);
        List<String> problems = GuestFiles.copyBack(results, envDir, ResultLayout.SUITE_FILES);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("cannot copy jmh.json back: " + results.resolve("jmh.json")
                + " is a symbolic link; it is not followed"), problems.get(0));
        assertFalse(Files.exists(envDir.resolve(ResultLayout.JMH_JSON), java.nio.file.LinkOption.NOFOLLOW_LINKS),
                "not copied");
        assertEquals("{\"env\": \"vm-tcg\"}", Files.readString(envDir.resolve(ResultLayout.ENVIRONMENT_JSON)),
                "the regular file is copied");
    }

    @Test
    void aGuestsLinkKeptByMappedXattrAsAFileIsNotCopiedBack() throws Exception {
        Path link = Files.writeString(results.resolve(ResultLayout.JMH_JSON), secret.toString());
        guestMode(link, 0120777); // S_IFLNK, as QEMU's mapped-xattr records a guest's symlink
        Path fifo = Files.writeString(results.resolve(ResultLayout.JMH_LOG), "");
        guestMode(fifo, 0010644); // S_IFIFO
        Files.writeString(results.resolve(ResultLayout.ENVIRONMENT_JSON), "{\"env\": \"vm-tcg\"}");
        guestMode(results.resolve(ResultLayout.ENVIRONMENT_JSON), 0100644); // a guest's regular file
        List<String> problems = GuestFiles.copyBack(results, envDir, ResultLayout.SUITE_FILES);
        assertEquals(List.of("cannot copy jmh.json back: " + link + " is a symbolic link made in a VM's share (QEMU's "
                        + "mapped-xattr keeps it as a file holding the link's target); it is not followed",
                "cannot copy jmh.log back: " + fifo + " is not a regular file in the VM's share (a FIFO, socket or "
                        + "device, kept by QEMU's mapped-xattr as a plain file); it is not read"), problems);
        assertFalse(Files.exists(envDir.resolve(ResultLayout.JMH_JSON), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(envDir.resolve(ResultLayout.JMH_LOG), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertEquals("{\"env\": \"vm-tcg\"}", Files.readString(envDir.resolve(ResultLayout.ENVIRONMENT_JSON)));
    }

    /** Gives {@code file} the attribute in which QEMU's mapped-xattr keeps a guest's mode (little-endian). */
    private static void guestMode(Path file, int mode) {
        try {
            Files.getFileAttributeView(file, java.nio.file.attribute.UserDefinedFileAttributeView.class)
                    .write(UntrustedFile.QEMU_MODE, java.nio.ByteBuffer.allocate(4)
                            .order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, mode));
        } catch (java.io.IOException | UnsupportedOperationException e) {
            org.junit.jupiter.api.Assumptions.abort("no user extended attributes in " + file.getParent() + ": " + e);
        }
    }

    @Test
    void aFifoIsNotOpened() throws Exception {
        Path fifo = results.resolve(ResultLayout.JMH_LOG);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        List<String> problems = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> GuestFiles.copyBack(results, envDir, ResultLayout.SUITE_FILES));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("is not a regular file"), problems.get(0));
    }

    @Test
    void aResultsDirectoryThatIsALinkIsNotReadAtAll() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve(ResultLayout.JMH_JSON), "[]");
        Path linked = tmp.resolve("work/share/results/vm-kvm");
        Files.createSymbolicLink(linked, elsewhere);
        List<String> problems = GuestFiles.copyBack(linked, envDir, ResultLayout.SUITE_FILES);
        assertEquals(List.of(linked + " is a symbolic link; nothing is taken back from it"), problems);
        assertFalse(Files.exists(envDir.resolve(ResultLayout.JMH_JSON)));
    }

    @Test
    void anAnswerIsReadOnlyFromAPlainSmallFile() throws Exception {
        Path rc = results.resolve("1.rc");
        Files.createSymbolicLink(rc, secret);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> GuestFiles.readAnswer(rc));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        Files.delete(rc);
        Files.writeString(rc, "0\n");
        assertEquals("0", GuestFiles.readAnswer(rc).strip());
    }

    @Test
    void whatTheHostWritesReplacesALinkInsteadOfWritingThroughIt() throws Exception {
        Path stop = results.resolve("stop");
        Files.createSymbolicLink(stop, secret);
        JsonFiles.writeAtomically(stop, "");
        assertFalse(Files.isSymbolicLink(stop));
        assertEquals("the host's secret", Files.readString(secret));
        Path control = Files.createDirectories(tmp.resolve("control"));
        Files.createSymbolicLink(control.resolve(LoadControl.RUN), secret);
        new LoadControl(control).run(30);
        assertEquals("30", Files.readString(control.resolve(LoadControl.RUN)));
        assertEquals("the host's secret", Files.readString(secret));
    }

    @Test
    void anInboundLinkPlantedInTheEnvironmentDirectoryIsReplacedByADirectory() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("etc"));
        Files.createSymbolicLink(envDir.resolve(ResultLayout.INBOUND_DIR), outside);
        Path inbound = RunningEnvironment.inboundDir(envDir);
        assertTrue(Files.isDirectory(inbound, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isDirectory(outside), "the link's target is left alone");
    }
}
