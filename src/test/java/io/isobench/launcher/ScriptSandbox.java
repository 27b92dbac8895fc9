package io.isobench.launcher;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A place to run the project's commands where they can do no harm and where anything they would build, install or
 * start shows: a copy of {@code scripts/}, {@code vm-images/}'s scripts and {@code pom.xml} without {@code target/} (a
 * script that built before answering would reach {@code mvn} at once), an environment of its own (HOME, TMPDIR and
 * the caches in a temporary directory, and a JVM's {@code user.home} and {@code java.io.tmpdir} there too), and PATH
 * led by stubs of the programs the scripts build, install and start with: each stub records its call and fails.
 * A test class registers it as a static {@code @RegisterExtension} field: it is made before the class's tests, starts
 * each test with no calls and empty private directories, and is removed after them.
 */
final class ScriptSandbox implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** The repository: surefire runs the tests in it. */
    static final Path PROJECT = Path.of("").toAbsolutePath();
    /** Programs that must not run: the builders, installers and engines the scripts use (jlink through ISOBENCH_JDK). */
    private static final List<String> STUBS = List.of("mvn", "apt-get", "dpkg", "dockerd", "docker", "qemu-system-x86_64",
            "java", "qemu-img", "debootstrap", "cc", "fio", "sockperf", "chromium");
    /** The directories a command may read but must leave empty. */
    private static final List<String> PRIVATE_DIRS = List.of("home", "tmp", "cache");

    private Path root;
    private Path copy;
    private Path stubs;
    private Path calls;
    private Path outputs;

    /** What a command did: its exit code and what it printed. */
    record Outcome(int exitCode, String stdout, String stderr) {
    }

    /** Makes the copy, the stubs and the private directories in a fresh temporary directory. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("isobench-sandbox");
        copy = Files.createDirectories(root.resolve("repo"));
        stubs = Files.createDirectories(root.resolve("stubs"));
        calls = root.resolve("calls");
        outputs = Files.createDirectories(root.resolve("outputs"));
        Files.copy(PROJECT.resolve("pom.xml"), copy.resolve("pom.xml"));
        for (Path source : scriptDirectoryFiles()) {
            Path target = copy.resolve(PROJECT.relativize(source).toString());
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String name : STUBS) {
            stub(stubs.resolve(name));
        }
        // boot-test.sh runs $ISOBENCH_JDK/bin/jlink by its path.
        stub(Files.createDirectories(root.resolve("jdk/bin")).resolve("jlink"));
        for (String dir : PRIVATE_DIRS) {
            Files.createDirectories(root.resolve(dir));
        }
    }

    /** Each test starts with no stub called and empty private directories. */
    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        forgetCalls();
        for (String dir : PRIVATE_DIRS) {
            deleteBelow(root.resolve(dir));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        deleteBelow(root);
        Files.delete(root);
    }

    /** Deletes everything below DIR, which stays. */
    private static void deleteBelow(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(dir)).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The files under {@code scripts/} and directly in {@code vm-images/} (not its recipe: the guest's own files). */
    static List<Path> scriptDirectoryFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("scripts"))) {
            files.filter(Files::isRegularFile).forEach(found::add);
        }
        try (Stream<Path> files = Files.list(PROJECT.resolve("vm-images"))) {
            files.filter(Files::isRegularFile).forEach(found::add);
        }
        return found;
    }

    static boolean startsWithShebang(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            return first != null && first.startsWith("#!");
        }
    }

    /** The copy of the repository's scripts, where the commands run. */
    Path copy() {
        return copy;
    }

    /** Runs {@code bash SCRIPT ARGS...} in the copy, with the stubs first on PATH, for at most LIMIT seconds. */
    Outcome runScript(long limitSeconds, String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        return run(command, limitSeconds);
    }

    /**
     * Runs MAIN_CLASS from CLASSPATH with ARGS in this test's own JVM build, in the copy, with the stubs first on PATH
     * and the JVM's home and temporary directory in the sandbox, for at most LIMIT seconds.
     */
    Outcome runJava(long limitSeconds, String classpath, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Duser.home=" + root.resolve("home"), "-Djava.io.tmpdir=" + root.resolve("tmp"),
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return run(command, limitSeconds);
    }

    private Outcome run(List<String> command, long limitSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(outputs, "out", ".txt");
        Path err = Files.createTempFile(outputs, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", stubs + ":/usr/bin:/bin");
        env.put("HOME", root.resolve("home").toString());
        env.put("TMPDIR", root.resolve("tmp").toString());
        env.put("ISOBENCH_CACHE", root.resolve("cache").toString());
        env.put("ISOBENCH_JDK", root.resolve("jdk").toString());
        env.put("ISOBENCH_BENCH_DIR", root.resolve("tmp").toString());
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            fail(String.join(" ", command) + " did not answer within " + limitSeconds + " s; stderr:\n"
                    + Files.readString(err) + stubCalls());
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Forgets the stubs' calls so far. */
    void forgetCalls() throws IOException {
        Files.deleteIfExists(calls);
    }

    /** The stubs' calls so far, one line each ("mvn -q ..."), or an empty string. */
    String calls() throws IOException {
        return Files.exists(calls) ? Files.readString(calls) : "";
    }

    /** Fails unless no stub was called and the home, temporary and cache directories are still empty. */
    void assertNothingRan(String what) throws IOException {
        assertFalse(Files.exists(calls), what + " ran programs it must not: " + stubCalls());
        for (String dir : PRIVATE_DIRS) {
            try (Stream<Path> left = Files.list(root.resolve(dir))) {
                List<Path> files = left.toList();
                assertTrue(files.isEmpty(), what + " left files in its " + dir + " directory: " + files);
            }
        }
    }

    String stubCalls() throws IOException {
        return Files.exists(calls) ? "\nstubs called:\n" + Files.readString(calls) : "";
    }

    /** A program that records its name and arguments in the calls file and fails. */
    private void stub(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho \"" + file.getFileName() + " $*\" >> '" + calls + "'\nexit 97\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The project's version, read from pom.xml independently of the scripts' way of reading it. */
    static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>isobench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(PROJECT.resolve("pom.xml")));
        assertTrue(m.find(), "no project version in pom.xml");
        return m.group(1);
    }
}
