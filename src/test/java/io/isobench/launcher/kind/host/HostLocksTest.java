package io.isobench.launcher.kind.host;

import io.isobench.launcher.core.LauncherException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostLocksTest {

    @TempDir
    Path tmp;

    @Test
    void jmhsLockHeldByAnotherProcessRefusesTheRunAndNamesTheHolder() throws Exception {
        Path jmhLock = tmp.resolve(HostLocks.JMH);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), jmhLock.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());
            LauncherException e = assertThrows(LauncherException.class, () -> new HostLocks(tmp).acquire());
            assertTrue(e.getMessage().startsWith("another JMH run holds " + jmhLock + " (pid " + holder.pid()),
                    e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertDoesNotThrow(() -> new HostLocks(tmp).acquire(), "free again once the holder has ended");
    }

    @Test
    void aSecondHostRunIsRefusedAndOneRunMayAskAgain() throws Exception {
        HostLocks first = new HostLocks(tmp);
        first.acquire();
        first.acquire(); // host and host-b of one launcher
        LauncherException e = assertThrows(LauncherException.class, () -> new HostLocks(tmp).acquire());
        assertTrue(e.getMessage().startsWith("another isobench host run holds " + tmp.resolve(HostLocks.OWN)),
                e.getMessage());
    }

    @Test
    void aSymbolicLinkInPlaceOfTheLockIsNotFollowed() throws Exception {
        Path target = tmp.resolve("victim");
        Files.createSymbolicLink(tmp.resolve(HostLocks.OWN), target);
        LauncherException e = assertThrows(LauncherException.class, () -> new HostLocks(tmp).acquire());
        assertTrue(e.getMessage().contains("cannot open the host run lock"), e.getMessage());
        assertFalse(Files.exists(target), "nothing created through the link");
    }

    @Test
    void theHolderIsReadFromProcLocks() {
        List<String> locks = List.of(
                "1: FLOCK  ADVISORY  WRITE 12928 fe:00:2154529 0 EOF",
                "2: POSIX  ADVISORY  WRITE 4711 fe:00:777 0 EOF",
                "2: -> POSIX  ADVISORY  WRITE 4800 fe:00:777 0 EOF",
                "3: OFDLCK ADVISORY  WRITE -1 fe:00:888 0 EOF");
        assertEquals(Optional.of(4711L), HostLocks.holder(locks, "777"));
        assertEquals(Optional.empty(), HostLocks.holder(locks, "888"), "an OFD lock names no process");
        assertEquals(Optional.empty(), HostLocks.holder(locks, "999"));
    }

    @Test
    void theOwnLockIsInAStateDirectoryOfItsOwnAndJmhsWhereJmhTakesIt() throws Exception {
        Path state = Files.createSymbolicLink(tmp.resolve("state"), Files.createDirectory(tmp.resolve("elsewhere")));
        Path jmhDir = Files.createDirectory(tmp.resolve("tmp"));
        // Another user's /tmp/isobench-host.lock, held: no longer this run's concern.
        Files.writeString(jmhDir.resolve(HostLocks.OWN), "");
        HostLocks locks = new HostLocks(io.isobench.launcher.core.PrivateDir.ensure(tmp.resolve("own")), jmhDir);
        assertDoesNotThrow(locks::acquire);
        assertTrue(Files.exists(tmp.resolve("own").resolve(HostLocks.OWN)));
        LauncherException e = assertThrows(LauncherException.class,
                () -> io.isobench.launcher.core.PrivateDir.ensure(state));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
    }
}
