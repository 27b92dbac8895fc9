package io.isobench.launcher.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * The one JVM build every environment runs: a runtime made with jlink from the JDK the launcher runs on, cached
 * by that JDK's identity, and copied byte for byte into containers and VMs. It needs only glibc from the userland.
 * Like the JDK it comes from, it has its default class-data archive ({@code lib/server/classes.jsa}, made with
 * {@code java -Xshare:dump}, which JDK 17's jlink leaves out): without it every JVM start, forks included, parses and
 * verifies the JDK's classes anew, which under TCG cost 0.8 s of a 1.9 s {@code java -version}.
 */
public record JvmRuntime(Path home) {

    /**
     * What benchmarks.jar needs ({@code jdeps --print-module-deps}; jdk.httpserver for the HTTP rows' service) plus
     * the JDK's management extensions.
     */
    public static final List<String> MODULES = List.of("java.base", "java.desktop", "java.logging",
            "java.management", "java.sql", "jdk.httpserver", "jdk.management", "jdk.unsupported");

    public Path java() {
        return home.resolve("bin/java");
    }

    /** Returns the cached runtime for the running JDK, making it with jlink first if needed. */
    public static JvmRuntime ensure(Path cacheDir) throws LauncherException {
        Path jdk = Paths.get(System.getProperty("java.home"));
        Path target = cacheDir.resolve("runtime-" + identity(jdk));
        if (Files.isExecutable(target.resolve("bin/java"))) {
            return new JvmRuntime(target);
        }
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() -> new LauncherException(
                "the launcher runs on " + jdk + ", which has no jlink: run it with a full JDK 17"));
        Path temp = null;
        try {
            Files.createDirectories(cacheDir);
            temp = Files.createTempDirectory(cacheDir, ".runtime-");
            Path output = temp.resolve("image");
            Progress.say("making the JVM runtime with jlink from " + jdk + " ...");
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(messages, true, StandardCharsets.UTF_8);
            int rc = jlink.run(print, print, "--add-modules", String.join(",", MODULES), "--strip-debug",
                    "--no-header-files", "--no-man-pages", "--output", output.toString());
            if (rc != 0) {
                throw new LauncherException("jlink failed: " + messages.toString(StandardCharsets.UTF_8).trim());
            }
            dumpClassArchive(output);
            try {
                Files.move(output, target);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another run made it first; theirs is identical.
            }
            return new JvmRuntime(target);
        } catch (IOException e) {
            throw new LauncherException("cannot make the JVM runtime in " + cacheDir + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                io.isobench.support.BenchDir.deleteRecursively(temp);
            }
        }
    }

    /** Where the runtime's default class-data archive is. */
    static Path classArchive(Path home) {
        return home.resolve("lib/server/classes.jsa");
    }

    /**
     * Makes the default class-data archive of the runtime at {@code home}, as a JDK's own installation has it; where
     * this JVM cannot (a build without CDS), the runtime goes without, with a warning, and the fingerprint's
     * {@code jvm.classDataSharing} says false.
     */
    static void dumpClassArchive(Path home) throws LauncherException {
        try {
            Processes.Result dump = Processes.run(List.of(home.resolve("bin/java").toString(), "-Xshare:dump"), 300);
            if (dump.exitCode() != 0 || !Files.isRegularFile(classArchive(home))) {
                Progress.warn("the JVM runtime has no class-data archive (java -Xshare:dump exited " + dump.exitCode()
                        + "): every JVM starts without one");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while making the runtime's class-data archive", e);
        }
    }

    /** The JDK's version, vendor and path, hashed: a different JDK gives a different runtime directory. */
    private static String identity(Path jdk) {
        String key = String.join("|", System.getProperty("java.runtime.version"), System.getProperty("java.vendor"),
                jdk.toString(), String.join(",", MODULES), "classes.jsa");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return System.getProperty("java.specification.version") + "-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The runtime's content, hashed: every path under the home in order, with its type, permissions and content (a
     * symbolic link: its target). Images with the runtime baked in are cached by it (first 12 hex digits).
     */
    public String contentSha256() throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> paths;
        try (java.util.stream.Stream<Path> walk = Files.walk(home)) {
            paths = walk.sorted(java.util.Comparator.comparing(p -> home.relativize(p).toString())).toList();
        }
        byte[] buffer = new byte[1 << 16];
        for (Path path : paths) {
            String entry;
            if (Files.isSymbolicLink(path)) {
                entry = "l " + Files.readSymbolicLink(path);
            } else if (Files.isDirectory(path)) {
                entry = "d " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            } else {
                entry = "f " + java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
            }
            digest.update((home.relativize(path) + "\0" + entry + "\0").getBytes(StandardCharsets.UTF_8));
            if (entry.startsWith("f ")) {
                try (java.io.InputStream in = Files.newInputStream(path)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Bytes on disk, for footprints. */
    public long sizeBytes() {
        return DiskUsage.directoryBytes(home);
    }
}
