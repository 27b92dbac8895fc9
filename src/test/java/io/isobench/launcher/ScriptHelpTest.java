package io.isobench.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every script answers {@code --help} and {@code --version} at once, before it builds, installs or starts anything, and
 * {@code scripts/isobench} hands each command to its script. The scripts are those under {@code scripts/} and directly
 * in {@code vm-images/} (not {@code vm-images/recipe/}, the guest's own files) that start with {@code #!}, so a new one
 * is covered without naming it here. Each runs from a copy of {@code scripts/}, {@code vm-images/}'s scripts and
 * {@code pom.xml} that has no {@code target/} (a script that built before answering would reach {@code mvn} at once), with
 * an environment of its own (HOME, TMPDIR and the caches in a temporary directory) and PATH led by stubs of the programs
 * the scripts build, install and start with: each stub records its call and fails, and none may be called.
 */
class ScriptHelpTest {

    /** The repository: surefire runs the tests in it. */
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    /** Programs that must not run: those the brief names, and the others the scripts start (jlink through ISOBENCH_JDK). */
    private static final List<String> STUBS = List.of("mvn", "apt-get", "dpkg", "dockerd", "docker", "qemu-system-x86_64",
            "java", "qemu-img", "debootstrap", "cc", "fio", "sockperf", "chromium");
    /** The commands of scripts/isobench and the scripts that run them. */
    private static final Map<String, String> COMMANDS = Map.of("bench", "bench.sh", "host", "run-host.sh",
            "container", "run-container.sh", "vm", "run-vm.sh", "density", "density.sh", "compare", "compare.sh",
            "fleet", "fleet.sh");
    /** How long a script may take to answer. */
    private static final long LIMIT_SECONDS = 2;

    @TempDir
    static Path tmp;

    private static Path copy;
    private static Path stubs;
    private static Path calls;

    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    /** The scripts, as paths relative to the repository. */
    static List<String> scripts() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("scripts"))) {
            files.filter(Files::isRegularFile).forEach(found::add);
        }
        try (Stream<Path> files = Files.list(PROJECT.resolve("vm-images"))) {
            files.filter(Files::isRegularFile).forEach(found::add);
        }
        List<String> scripts = new ArrayList<>();
        for (Path file : found) {
            if (startsWithShebang(file)) {
                scripts.add(PROJECT.relativize(file).toString());
            }
        }
        scripts.sort(null);
        return scripts;
    }

    static Stream<Arguments> scriptsAndOptions() throws IOException {
        return scripts().stream().flatMap(script -> Stream.of(Arguments.of(script, "--help"), Arguments.of(script, "--version")));
    }

    @BeforeAll
    static void copyTheScriptsAndMakeTheStubs() throws IOException {
        copy = Files.createDirectories(tmp.resolve("repo"));
        Files.copy(PROJECT.resolve("pom.xml"), copy.resolve("pom.xml"));
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(PROJECT.resolve("scripts"))) {
            files.filter(Files::isRegularFile).forEach(sources::add);
        }
        try (Stream<Path> files = Files.list(PROJECT.resolve("vm-images"))) {
            files.filter(Files::isRegularFile).forEach(sources::add);
        }
        for (Path source : sources) {
            Path target = copy.resolve(PROJECT.relativize(source).toString());
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        stubs = Files.createDirectories(tmp.resolve("stubs"));
        calls = tmp.resolve("calls");
        for (String name : STUBS) {
            stub(stubs.resolve(name));
        }
        // boot-test.sh runs $ISOBENCH_JDK/bin/jlink by its path.
        stub(Files.createDirectories(tmp.resolve("jdk/bin")).resolve("jlink"));
        for (String dir : List.of("home", "tmp", "cache")) {
            Files.createDirectories(tmp.resolve(dir));
        }
    }

    @BeforeEach
    void noCallsYet() throws IOException {
        Files.deleteIfExists(calls);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scriptsAndOptions")
    void everyScriptAnswersHelpAndVersionAtOnce(String script, String option) throws Exception {
        Outcome outcome = run(script, option);
        assertEquals(0, outcome.exitCode(), script + " " + option + ": " + outcome + stubCalls());
        assertEquals("", outcome.stderr(), script + " " + option);
        if (option.equals("--help")) {
            String name = Path.of(script).getFileName().toString();
            assertTrue(outcome.stdout().contains(name), script + " --help does not name " + name + ":\n" + outcome.stdout());
            assertTrue(outcome.stdout().lines().count() >= 2, script + " --help: " + outcome.stdout());
        } else {
            assertEquals("isobench " + pomVersion(), outcome.stdout().strip(), script + " --version");
        }
        assertNoStubCalled(script + " " + option);
    }

    @Test
    void theStubsCatchWhatAScriptWithoutTheHelperWouldRun() throws Exception {
        // A copy of run-container.sh that starts work at once, as every script did before it answered --help.
        String guarded = Files.readString(copy.resolve("scripts/run-container.sh"));
        String text = guarded.replace("  handle_help_and_version \"$@\"\n", "");
        assertFalse(text.equals(guarded), "run-container.sh no longer calls handle_help_and_version first in main");
        Path unguarded = copy.resolve("scripts/unguarded-run-container");
        Files.writeString(unguarded, text);
        Outcome outcome = run("scripts/unguarded-run-container", "--help");
        Files.delete(unguarded);
        assertFalse(outcome.exitCode() == 0, outcome.toString());
        assertTrue(Files.exists(calls) && Files.readString(calls).startsWith("mvn "),
                "the mvn stub did not see the build: " + outcome);
    }

    @Test
    void isobenchListsItsCommands() throws Exception {
        Outcome outcome = run("scripts/isobench", "--help");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        for (String command : COMMANDS.keySet()) {
            assertTrue(Pattern.compile("(?m)^\\s+" + command + "\\s").matcher(outcome.stdout()).find(),
                    "isobench --help does not list " + command + ":\n" + outcome.stdout());
        }
        assertNoStubCalled("isobench --help");
    }

    @Test
    void isobenchHandsEachCommandToItsScript() throws Exception {
        for (Map.Entry<String, String> command : COMMANDS.entrySet()) {
            Outcome help = run("scripts/isobench", command.getKey(), "-h");
            assertEquals(0, help.exitCode(), "isobench " + command.getKey() + " -h: " + help);
            assertTrue(help.stdout().contains("scripts/" + command.getValue()),
                    "isobench " + command.getKey() + " -h is not " + command.getValue() + "'s usage:\n" + help.stdout());
            Outcome version = run("scripts/isobench", command.getKey(), "-V");
            assertEquals("isobench " + pomVersion(), version.stdout().strip(), "isobench " + command.getKey() + " -V");
        }
        assertNoStubCalled("isobench COMMAND -h, -V");
    }

    @Test
    void anUnknownOrMissingCommandIsOneLineAndExit2() throws Exception {
        Outcome unknown = run("scripts/isobench", "frobnicate", "--out", "x");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertEquals("", unknown.stdout());
        assertEquals(1, unknown.stderr().lines().count(), unknown.stderr());
        assertTrue(unknown.stderr().contains("unknown command 'frobnicate'"), unknown.stderr());
        Outcome none = run("scripts/isobench");
        assertEquals(2, none.exitCode(), none.toString());
        assertEquals(1, none.stderr().lines().count(), none.stderr());
        assertNoStubCalled("isobench frobnicate");
    }

    /** Runs {@code bash SCRIPT ARGS...} in the copy, with the stubs first on PATH, and waits at most the limit. */
    private static Outcome run(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", stubs + ":/usr/bin:/bin");
        env.put("HOME", tmp.resolve("home").toString());
        env.put("TMPDIR", tmp.resolve("tmp").toString());
        env.put("ISOBENCH_CACHE", tmp.resolve("cache").toString());
        env.put("ISOBENCH_JDK", tmp.resolve("jdk").toString());
        env.put("ISOBENCH_BENCH_DIR", tmp.resolve("tmp").toString());
        env.put("LANG", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            fail(String.join(" ", command) + " did not answer within " + LIMIT_SECONDS + " s; stderr:\n"
                    + Files.readString(err) + stubCalls());
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertNoStubCalled(String what) throws IOException {
        assertFalse(Files.exists(calls), what + " ran programs it must not: " + stubCalls());
    }

    private static String stubCalls() throws IOException {
        return Files.exists(calls) ? "\nstubs called:\n" + Files.readString(calls) : "";
    }

    /** A program that records its name and arguments in the calls file and fails. */
    private static void stub(Path file) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho \"" + file.getFileName() + " $*\" >> '" + calls + "'\nexit 97\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean startsWithShebang(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            return first != null && first.startsWith("#!");
        }
    }

    /** The project's version, read from pom.xml independently of the scripts' way of reading it. */
    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>isobench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(PROJECT.resolve("pom.xml")));
        assertTrue(m.find(), "no project version in pom.xml");
        return m.group(1);
    }
}
