package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The launcher's directories at fixed paths (/var/tmp/isobench, /var/lib/isobench): its own, 0700, or refused. */
class PrivateDirTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingDirectoryIsMadeForThisUserOnly() throws Exception {
        Path dir = PrivateDir.ensure(tmp.resolve("isobench"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void anOwnDirectoryOpenToOthersIsClosed() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("isobench"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        PrivateDir.ensure(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void aPlantedLinkIsRefusedInOneLineAndNotFollowed() throws Exception {
        Path target = Files.createDirectory(tmp.resolve("victim"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dir = Files.createSymbolicLink(tmp.resolve("isobench"), target);
        LauncherException e = assertThrows(LauncherException.class, () -> PrivateDir.ensure(dir));
        assertEquals(dir + " is a symbolic link, not a directory of its own; remove it (rm " + dir + ") and run again",
                e.getMessage());
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)), "untouched");
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        assertThrows(LauncherException.class, () -> PrivateDir.ensure(dangling));
        assertFalse(Files.exists(tmp.resolve("nowhere")), "nothing made through the link");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws Exception {
        assumeTrue(PrivateDir.isRoot(), "only root can give a directory to nobody");
        Path dir = Files.createDirectory(tmp.resolve("isobench"));
        UserPrincipal nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(dir, nobody);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        LauncherException e = assertThrows(LauncherException.class, () -> PrivateDir.ensure(dir));
        assertTrue(e.getMessage().startsWith(dir + " belongs to nobody (uid "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals("rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), "left as it is");
    }

    @Test
    void aFileInPlaceOfTheDirectoryIsRefused() throws Exception {
        Path file = Files.writeString(tmp.resolve("isobench"), "");
        LauncherException e = assertThrows(LauncherException.class, () -> PrivateDir.ensure(file));
        assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
        assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
    }
}
