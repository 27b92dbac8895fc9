package io.isobench.launcher.kind.vm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmWorkDirTest {

    @TempDir
    Path cache;

    @Test
    void workDirsOfDeadLaunchersAreRemovedAndLiveOnesKept() throws Exception {
        Path mine = Files.createDirectories(cache.resolve("work-vm-" + ProcessHandle.current().pid() + "-123"));
        Path dead = Files.createDirectories(cache.resolve("work-vm-" + Integer.MAX_VALUE + "-456").resolve("share"));
        Files.writeString(dead.resolve("overlay.qcow2"), "x");
        Path other = Files.createDirectories(cache.resolve("runtime-17-abc"));
        VmEnvironment.sweepStaleWorkDirs(cache);
        assertTrue(Files.isDirectory(mine), "a running launcher's work directory stays");
        assertFalse(Files.exists(dead.getParent()), "a dead launcher's work directory goes");
        assertTrue(Files.isDirectory(other), "nothing else in the cache is touched");
    }
}
