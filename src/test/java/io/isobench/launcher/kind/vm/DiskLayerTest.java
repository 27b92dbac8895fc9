package io.isobench.launcher.kind.vm;

import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The debugfs script and its error reading, and a real chain base → + runtime → + jar on a small ext4 disk. */
class DiskLayerTest {

    @TempDir
    Path tmp;

    private Path tree() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("src/runtime/bin"));
        Files.writeString(home.resolve("java"), "#!/bin/sh\necho java\n");
        Files.setPosixFilePermissions(home.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(home.getParent().resolve("link"), Path.of("bin/java"));
        return home.getParent();
    }

    @Test
    void theScriptMakesDirectoriesBeforeTheirFilesAndRootOwnsEverything() throws Exception {
        Path runtime = tree();
        List<String> lines = DiskLayer.script(List.of("/opt/isobench"),
                List.of(new DiskLayer.Addition(runtime, "/opt/isobench/runtime"))).lines().toList();
        assertEquals(List.of("mkdir \"/opt/isobench\"", "mkdir \"/opt/isobench/runtime\"",
                "mkdir \"/opt/isobench/runtime/bin\"",
                "write \"" + runtime.resolve("bin/java").toAbsolutePath() + "\" \"/opt/isobench/runtime/bin/java\"",
                "symlink \"/opt/isobench/runtime/link\" \"bin/java\""), lines.subList(0, 5));
        assertEquals(10, lines.size() - 5, "uid and gid 0 for each of the five");
        assertTrue(lines.contains("set_inode_field \"/opt/isobench/runtime/link\" gid 0"));
        assertThrows(IllegalArgumentException.class, () -> DiskLayer.quote("a\"b"));
    }

    @Test
    void debugfsErrorsAreTheLinesThatAreNeitherEchoesNorInodes() {
        String output = "debugfs 1.47.0 (5-Feb-2023)\ndebugfs: mkdir \"/opt/isobench\"\n"
                + "ext2fs_mkdir: Ext2 directory already exists while creating directory \"isobench\"\n"
                + "mkdir: Ext2 directory already exists \ndebugfs: write \"/a\" \"/b\"\nAllocated inode: 16\n\n";
        assertEquals(List.of("ext2fs_mkdir: Ext2 directory already exists while creating directory \"isobench\"",
                "mkdir: Ext2 directory already exists"), DiskLayer.errors(output));
        assertEquals(List.of(), DiskLayer.errors("debugfs 1.47.0 (5-Feb-2023)\ndebugfs: write \"/a\" \"/b\"\nAllocated inode: 12\n"));
    }

    @Test
    void aChainOfLayersHoldsTheFilesAndLeavesNothingElse() throws Exception {
        for (String tool : List.of("qemu-img", "debugfs", "e2fsck", "mkfs.ext4")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
        Path runtime = tree();
        Path jar = Files.writeString(tmp.resolve("src/benchmarks.jar"), "PK jar");
        Path images = Files.createDirectories(tmp.resolve("images"));
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs/opt"));
        Path base = images.resolve("disk.img");
        check("mkfs.ext4", "-q", "-F", "-d", rootfs.getParent().toString(), base.toString(), "32M");

        Path withRuntime = images.resolve("runtime.qcow2");
        DiskLayer.make(base, "raw", List.of("/opt/isobench"), List.of(new DiskLayer.Addition(runtime, "/opt/isobench/runtime")),
                withRuntime);
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path withJar = work.resolve("jar.qcow2");
        DiskLayer.make(withRuntime, "qcow2", List.of(), List.of(new DiskLayer.Addition(jar, "/opt/isobench/benchmarks.jar")),
                withJar);

        String chain = check("qemu-img", "info", "--backing-chain", withJar.toString());
        assertTrue(chain.contains("backing file: disk.img"), "the cached layer names its base relatively: " + chain);
        assertTrue(chain.contains("backing file: " + withRuntime.toAbsolutePath()), chain);
        Path flat = work.resolve("flat.raw");
        check("qemu-img", "convert", "-O", "raw", withJar.toString(), flat.toString());
        check("e2fsck", "-fn", flat.toString());
        assertEquals("#!/bin/sh\necho java\n", check("debugfs", "-R", "cat /opt/isobench/runtime/bin/java", flat.toString()));
        assertEquals("PK jar", check("debugfs", "-R", "cat /opt/isobench/benchmarks.jar", flat.toString()));
        String listing = check("debugfs", "-R", "ls -l /opt/isobench/runtime", flat.toString());
        assertTrue(listing.matches("(?s).*120777 \\(7\\) +0 +0 +8 .* link\\b.*"), listing);
        assertTrue(check("debugfs", "-R", "stat /opt/isobench/runtime/bin/java", flat.toString()).contains("Mode:  0755"));
        assertTrue(Files.size(withRuntime) < Files.size(base), "a layer, not a copy");
        Files.delete(flat);
        assertEquals(List.of("disk.img", "runtime.qcow2"), names(images), "no temporary files beside the layer");
        assertEquals(List.of("jar.qcow2"), names(work));

        Path failed = work.resolve("bad.qcow2");
        LauncherException e = assertThrows(LauncherException.class, () -> DiskLayer.make(withRuntime, "qcow2", List.of(),
                List.of(new DiskLayer.Addition(jar, "/no/such/dir/benchmarks.jar")), failed));
        assertTrue(e.getMessage().startsWith("debugfs could not add the files to runtime.qcow2: "), e.getMessage());
        assertEquals(List.of("jar.qcow2"), names(work), "a failed layer leaves nothing behind");
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Runs a tool, fails the test unless it exits 0, and returns its stdout without debugfs's banner. */
    private static String check(String... command) throws Exception {
        Processes.Result r = Processes.run(List.of(command), 120, "", false);
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.output());
        return r.output();
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
