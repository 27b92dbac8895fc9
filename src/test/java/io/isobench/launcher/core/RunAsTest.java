package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunAsTest {

    @Test
    void aPasswdLineIsAUserToSwitchTo() {
        assertEquals(Optional.of(new RunAs("isobench", 999, 995, true)),
                RunAs.parsePasswd("isobench:x:999:995::/nonexistent:/usr/sbin/nologin\n"));
        assertEquals(Optional.empty(), RunAs.parsePasswd(""));
        assertEquals(Optional.empty(), RunAs.parsePasswd("broken:x:abc:1::/:/bin/sh"));
    }

    @Test
    void onlyASwitchHasAPrefix() {
        assertEquals(List.of("true"), new RunAs("me", 1000, 1000, false).command(List.of("true")));
        assertEquals(List.of("setpriv", "--reuid=nobody", "--regid=65534", "--init-groups", "--reset-env", "--", "true"),
                new RunAs("nobody", 65534, 65534, true).command(List.of("true")));
    }

    @Test
    void anotherUserMayNotEnterAPrivateDirectory(@TempDir Path temp) throws Exception {
        Path shut = Files.createDirectories(temp.resolve("shut/inner"));
        Path open = Files.createDirectories(temp.resolve("open"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(temp.resolve("shut"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        RunAs stranger = new RunAs("stranger", 54321, 54321, true);
        assertFalse(stranger.mayEnter(shut));
        assertTrue(stranger.mayEnter(open));
        assertTrue(stranger.mayEnter(open.resolve("not/yet")), "what does not exist yet will be made 0755");
        assertFalse(stranger.mayWriteIn(open), "0755 of another owner");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(stranger.mayWriteIn(open));
    }
}
