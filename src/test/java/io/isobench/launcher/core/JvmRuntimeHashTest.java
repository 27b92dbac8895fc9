package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The runtime's content hash, which names the images with the runtime baked in. */
class JvmRuntimeHashTest {

    @TempDir
    Path tmp;

    private Path runtime(String name) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(name).resolve("bin"));
        Files.writeString(home.resolve("java"), "java");
        Files.setPosixFilePermissions(home.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(home.getParent().resolve("LICENSE"), Path.of("bin/java"));
        return home.getParent();
    }

    @Test
    void equalTreesHashEquallyAndContentModeAndLinksCount() throws Exception {
        String first = new JvmRuntime(runtime("a")).contentSha256();
        assertEquals(64, first.length());
        assertEquals(first, new JvmRuntime(runtime("b")).contentSha256(), "the same content elsewhere");

        Path c = runtime("c");
        Files.writeString(c.resolve("bin/java"), "javb");
        assertNotEquals(first, new JvmRuntime(c).contentSha256(), "content");
        Path d = runtime("d");
        Files.setPosixFilePermissions(d.resolve("bin/java"), PosixFilePermissions.fromString("rw-r--r--"));
        assertNotEquals(first, new JvmRuntime(d).contentSha256(), "permissions");
        Path e = runtime("e");
        Files.delete(e.resolve("LICENSE"));
        Files.createSymbolicLink(e.resolve("LICENSE"), Path.of("bin/../bin/java"));
        assertNotEquals(first, new JvmRuntime(e).contentSha256(), "a link's target");
    }
}
