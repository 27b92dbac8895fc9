package io.isobench.launcher.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The JVM start loop takes the java path as an argument: quotes and $(...) in it are only characters. */
class JvmStartTest {

    @TempDir
    Path tmp;

    @Test
    void aJavaPathWithShellSyntaxIsRunAsItIs() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("it's $(touch pwned) `touch pwned2`"));
        Path java = Files.writeString(dir.resolve("java"), "#!/bin/sh\necho \"$1\" > /dev/null\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Process sh = new ProcessBuilder(JvmStart.command(java.toString())).directory(tmp.toFile())
                .redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sh.waitFor(), output);
        assertEquals(FootprintWriter.SAMPLES, JvmStart.parse(output).size(), output);
        assertFalse(Files.exists(tmp.resolve("pwned")) || Files.exists(tmp.resolve("pwned2")), "nothing ran from the path");
    }
}
