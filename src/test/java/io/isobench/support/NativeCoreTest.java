package io.isobench.support;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native core that the build compiled into the classes: it loads, its loops count, its errors are named. */
class NativeCoreTest {

    @Test
    void theBuildPutTheLibraryWhereJnaLooksForThisPlatform() {
        String resource = Platform.RESOURCE_PREFIX + "/" + System.mapLibraryName(NativeCore.LIBRARY);
        assertNotNull(NativeCore.class.getClassLoader().getResource(resource),
                resource + " is missing from the classes: pom.xml's native.resourcePrefix must be JNA's "
                        + Platform.RESOURCE_PREFIX + " on this machine");
        assertEquals("", NativeCore.unavailable().orElse(""), "the native core loads from the built classes");
    }

    @Test
    void tenGetppidCallsSumToTenTimesTheParentsPid() {
        long parent = ProcessHandle.current().parent().orElseThrow().pid();
        assertEquals(10 * parent, NativeCore.isob_getppid_loop(10));
        assertEquals(10 * LibC.syscall(LibC.SYS_GETPPID), NativeCore.isob_getppid_loop(10), "the same as through JNA");
    }

    @Test
    void aFailedCallIsMinusErrnoAndTheMessageNamesIt() throws Exception {
        Path missing = Files.createTempDirectory("native-core").resolve("missing");
        long result = NativeCore.isob_stat_loop(NativeString.of(missing.toString()), 3);
        assertEquals(-2, result, "ENOENT");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NativeCore.check(result, "stat of " + missing));
        assertEquals("stat of " + missing + " failed: No such file or directory (errno 2)", e.getMessage());
        Files.delete(missing.getParent());
    }

    @Test
    void theProcessRowsReapEveryChild() {
        assertEquals(3, NativeCore.check(NativeCore.isob_fork_exit_wait(3), "fork"));
        assertEquals(3, NativeCore.check(NativeCore.isob_vfork_exec_wait(NativeString.of("/bin/true"), 3), "vfork"));
        assertEquals(-8, NativeCore.isob_vfork_exec_wait(NativeString.of("/nonexistent/true"), 1),
                "a child whose exec failed: -ENOEXEC");
    }

    @Test
    void aLibraryThatCannotLoadGivesAOneLineReason() {
        String reason = NativeCore.bind("isobench_no_such_library").orElseThrow();
        assertTrue(reason.contains("linux") && reason.contains("libisobench_no_such_library.so"), reason);
        assertTrue(!reason.contains("\n"), reason);
    }
}
