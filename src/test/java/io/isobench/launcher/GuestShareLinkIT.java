package io.isobench.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.isobench.launcher.core.Environment;
import io.isobench.launcher.core.FootprintWriter;
import io.isobench.launcher.core.Instance;
import io.isobench.launcher.core.JvmRuntime;
import io.isobench.launcher.core.LauncherException;
import io.isobench.launcher.core.Rounds;
import io.isobench.launcher.core.RunSpec;
import io.isobench.launcher.core.SuiteCommand;
import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.vm.VmEnvironment;
import io.isobench.launcher.kind.vm.VmOptions;
import io.isobench.schema.ExitCode;
import io.isobench.schema.ResultLayout;
import io.isobench.schema.UntrustedFile;
import io.isobench.suite.JsonFiles;
import io.isobench.suite.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A booted guest plants symbolic links in its 9p share under the names the host reads back (jmh.json, jmh.log,
 * environment.json in its results directory, and the output file of the very step that plants them, steps/N.out),
 * pointing at a file of the host's that holds a secret (by its absolute host path) and at /etc/shadow; the launcher's
 * own lifecycle ({@link Rounds#run}: its step, copy-back after the step, the final status, closing) then reads them.
 * The secret reaches neither the results nor the launcher's output, the results hold no link, the launcher says in
 * one line about each file that it refuses it (environment.json, which it then cannot update either, is named again
 * in the lines that say so), the environment counts as failed, and the VM, its overlay, its share and its work
 * directory are gone after.
 *
 * <p>The guest runs the test's command the way the launcher runs every command in a VM: as a step file of its step
 * loop ({@link Instance#exec}). The environment is the launcher's {@link VmEnvironment}, wrapped only so that its one
 * step runs the planting command instead of the suite (the launcher's code is not changed for the test).
 *
 * <p>What the host sees of a guest's link depends on QEMU's {@code security_model} for the share, which the launcher
 * picks ({@code Guest.shareModel}) and the test reads from QEMU's command line:
 * <ul>
 * <li>{@code mapped-xattr} (the share on ext4, as here): QEMU stores a guest's symlink as a <em>regular file</em> on
 * the host, owned by QEMU's user, whose content is the link's target path (e.g. the 11 bytes {@code /etc/shadow})
 * and whose attribute {@code user.virtfs.mode} holds the guest's mode, S_IFLNK|0777. Nothing on the host can follow
 * it; read as a plain file it would hand over the target's path, not its content. The launcher refuses it by that
 * attribute ({@link UntrustedFile}).</li>
 * <li>{@code none} (a share without user extended attributes): the guest's link is a real symbolic link on the host,
 * which the launcher opens with O_NOFOLLOW and refuses.</li>
 * </ul>
 * Either way the file is refused and nothing is followed; the test asserts the form it found.
 */
class GuestShareLinkIT {

    /** The test's secret, in a file of the host's outside the share. */
    private static final String SECRET = "isobench-secret-" + UUID.randomUUID();
    private static final String SHADOW = "/etc/shadow";
    /** The step's class: never run, the step plants the links instead. */
    private static final String CLASS = "ParentPidGetBenchmark";
    private static final int S_IFLNK = 0120000;

    @TempDir
    static Path temp;

    static Path secret;
    static Path run;
    static Path envDir;
    static int exitCode;
    static String stdout;
    static String stderr;
    static Set<String> qemuBefore;
    static Set<Path> leftoversBefore;
    static Planting planting;

    @BeforeAll
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    static void plantLinksInABootedGuest() throws Exception {
        Engines.requireQemu();
        secret = Files.writeString(temp.resolve("secret.txt"), SECRET);
        run = temp.resolve("run");
        qemuBefore = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        leftoversBefore = Launch.vmLeftovers();
        RunSpec spec = new RunSpec(Profile.parse("smoke"), 1, 1, 0, List.of(CLASS), List.of(), run, "run",
                Launch.benchmarksJar().toAbsolutePath(), JvmRuntime.ensure(Workspace.cacheDir()));
        planting = new Planting(new VmEnvironment(VmOptions.defaults().withNetwork("user")));
        envDir = run.resolve(planting.name());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(new Tee(oldOut, out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(oldErr, err), true, StandardCharsets.UTF_8));
        try {
            exitCode = Rounds.run(List.of(Rounds.Planned.of(planting)), spec);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            stdout = out.toString(StandardCharsets.UTF_8);
            stderr = err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theHostSeesEachLinkAsTheShareModelStoresIt() {
        assertNotNull(planting.shareModel, "QEMU's command line names the share's security_model");
        assertEquals(List.of("jmh.json", "jmh.log", "environment.json"), List.copyOf(planting.seen.keySet()));
        for (Map.Entry<String, Seen> entry : planting.seen.entrySet()) {
            Seen seen = entry.getValue();
            String target = planting.targets.get(entry.getKey());
            if (planting.shareModel.equals("mapped-xattr")) {
                assertTrue(seen.regular() && !seen.link(), entry.getKey() + ": a regular file on the host, " + seen);
                assertEquals(target, seen.content(), entry.getKey() + " holds the link's target path, not its content");
                assertEquals(S_IFLNK, seen.guestType(), entry.getKey() + ": user.virtfs.mode says S_IFLNK");
            } else {
                assertEquals("none", planting.shareModel);
                assertTrue(seen.link(), entry.getKey() + ": a symbolic link on the host, " + seen);
                assertEquals(target, seen.content(), entry.getKey() + " points where the guest said");
            }
        }
    }

    @Test
    void theSecretReachesNeitherTheResultsNorTheOutput() throws IOException {
        List<String> shadow = hostShadow();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(run)) {
            paths.forEach(files::add);
        }
        assertTrue(files.contains(ResultLayout.environmentsJson(run)), "the run was recorded: " + files);
        for (Path file : files) {
            assertFalse(Files.isSymbolicLink(file), file + " is a link");
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                String content = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(SECRET), file + " holds the secret");
                shadow.forEach(line -> assertFalse(content.contains(line), file + " holds a line of " + SHADOW));
            }
        }
        for (String output : List.of(stdout, stderr)) {
            assertFalse(output.contains(SECRET), "the launcher printed the secret");
            shadow.forEach(line -> assertFalse(output.contains(line), "the launcher printed a line of " + SHADOW));
        }
        assertEquals(SECRET, Files.readString(secret), "the host's file is untouched");
    }

    @Test
    void eachRefusedFileIsSaidInOneLine() {
        for (String name : ResultLayout.SUITE_FILES) {
            String copy = "WARNING: " + planting.name() + ": cannot copy " + name + " back: "
                    + planting.resultsInShare.resolve(name) + " is a symbolic link";
            assertEquals(1, lines(copy).size(), "one line refuses " + name + ":\n" + stderr);
            assertTrue(lines(copy).get(0).endsWith("; it is not followed"), lines(copy).get(0));
        }
        List<String> lost = lines("WARNING: " + planting.name() + " was lost in round 1 (syscall." + CLASS + ".rawSyscall): "
                + "cannot run a command in the guest: " + planting.stepsInShare + "/");
        assertEquals(1, lost.size(), "one line refuses the step's output:\n" + stderr);
        assertTrue(lost.get(0).matches(".*/steps/\\d+\\.out is a symbolic link.*; it is not followed; it runs no "
                + "further steps"), lost.get(0));
        for (String line : lines(planting.resultsInShare.toString())) {
            assertTrue(line.contains(" is a symbolic link") && line.contains("; it is not followed"),
                    "every line about a planted file says it is a link not followed: " + line);
        }
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"), "no stack trace:\n" + stderr);
    }

    @Test
    void theEnvironmentIsLostAndNoFileIsTakenBack() throws IOException {
        assertEquals(ExitCode.FAILURE, exitCode, stderr);
        JsonNode entry = JsonFiles.read(ResultLayout.environmentsJson(run)).get("environments").get(0);
        assertEquals(planting.name(), entry.get("env").asText());
        assertEquals("failed", entry.get("status").asText());
        assertTrue(entry.get("reason").asText().matches(".*" + java.util.regex.Pattern.quote(planting.stepsInShare + "/")
                + "\\d+\\.out is a symbolic link.*"), entry.toString());
        for (String name : ResultLayout.SUITE_FILES) {
            assertFalse(Files.exists(envDir.resolve(name), LinkOption.NOFOLLOW_LINKS), name + " was taken back");
        }
        assertTrue(Files.readString(ResultLayout.consoleLog(envDir)).contains("ISOBENCH-STEPS-READY"),
                "the guest booted for the run");
    }

    @Test
    void nothingIsLeftBehind() throws IOException {
        Set<String> qemuLeft = new HashSet<>(Launch.processesContaining("qemu-system-x86_64"));
        qemuLeft.removeAll(qemuBefore);
        assertEquals(Set.of(), qemuLeft, "QEMU left");
        assertNotNull(planting.workDir);
        assertEquals(List.of(), Launch.processesContaining(planting.workDir.toString()), "processes of the VM left");
        assertFalse(Files.exists(planting.workDir, LinkOption.NOFOLLOW_LINKS), "the VM's work directory (overlay, share)");
        Set<Path> left = Launch.vmLeftovers();
        left.removeAll(leftoversBefore);
        assertEquals(Set.of(), left, "VM work directories left");
    }

    private static List<String> lines(String containing) {
        return stderr.lines().filter(line -> line.contains(containing)).toList();
    }

    /** The host's /etc/shadow, line by line, where the test may read it (as root), else nothing to look for. */
    private static List<String> hostShadow() throws IOException {
        Path shadow = Path.of(SHADOW);
        return Files.isReadable(shadow) ? Files.readAllLines(shadow).stream().filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** A planted file as the host saw it, without following it: its kind, its content or link target, its guest type. */
    record Seen(boolean link, boolean regular, String content, int guestType) {

        static Seen of(Path file) throws IOException {
            if (Files.isSymbolicLink(file)) {
                return new Seen(true, false, Files.readSymbolicLink(file).toString(), 0);
            }
            boolean regular = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
            String content = "";
            if (regular) {
                try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                        LinkOption.NOFOLLOW_LINKS))) {
                    ByteBuffer buffer = ByteBuffer.allocate(4096);
                    channel.read(buffer);
                    content = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                }
            }
            int type = 0;
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (regular && view != null && view.list().contains(UntrustedFile.QEMU_MODE)) {
                ByteBuffer mode = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                view.read(UntrustedFile.QEMU_MODE, mode);
                type = mode.getInt(0) & 0170000;
            }
            return new Seen(false, regular, content, type);
        }
    }

    /**
     * The launcher's VM environment, whose one step runs {@link #plant} in the guest instead of the suite; everything
     * else (boot, commands, copy-back, close) is the VM's own. It notes, while the VM runs, how the host sees each
     * planted file and QEMU's share model.
     */
    static final class Planting implements Environment {

        private final VmEnvironment vm;
        final Map<String, String> targets = new LinkedHashMap<>();
        final Map<String, Seen> seen = new LinkedHashMap<>();
        volatile Path resultsInShare;
        volatile Path stepsInShare;
        volatile Path workDir;
        volatile String shareModel;

        Planting(VmEnvironment vm) {
            this.vm = vm;
        }

        @Override
        public String name() {
            return vm.name();
        }

        @Override
        public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint)
                throws LauncherException, InterruptedException {
            Instance booted = vm.start(spec, envDir, footprint);
            resultsInShare = booted.resultsOnHost();
            Path share = resultsInShare.getParent().getParent();
            stepsInShare = share.resolve("steps");
            workDir = share.getParent();
            return new Planted(booted);
        }

        /**
         * The guest's command: links under the result files' names in its results directory, and its own output file
         * (the one .sh in the steps directory is its own) replaced by a link, each to the host's secret or /etc/shadow.
         */
        String plant(SuiteCommand suite) {
            String results = suite.envDir();
            String steps = Path.of(results).getParent().getParent().resolve("steps").toString();
            targets.put(ResultLayout.JMH_JSON, secret.toString());
            targets.put(ResultLayout.JMH_LOG, SHADOW);
            targets.put(ResultLayout.ENVIRONMENT_JSON, secret.toString());
            StringBuilder script = new StringBuilder("set -e\n");
            targets.forEach((name, target) -> script.append("ln -s ").append(target).append(' ')
                    .append(results).append('/').append(name).append('\n'));
            script.append("for f in ").append(steps).append("/*.sh; do n=${f##*/}; n=${n%.sh}; done\n")
                    .append("rm ").append(steps).append("/$n.out\n")
                    .append("ln -s ").append(secret).append(' ').append(steps).append("/$n.out\n");
            return script.toString();
        }

        /** Notes the planted files as the host sees them and QEMU's share model, while the VM still runs. */
        void observe() throws IOException {
            for (String name : List.of(ResultLayout.JMH_JSON, ResultLayout.JMH_LOG, ResultLayout.ENVIRONMENT_JSON)) {
                seen.put(name, Seen.of(resultsInShare.resolve(name)));
            }
            String qemu = Launch.processesContaining(workDir.toString()).stream()
                    .filter(cmd -> cmd.contains("qemu-system-x86_64")).findFirst().orElse("");
            java.util.regex.Matcher model = java.util.regex.Pattern.compile("security_model=([a-z-]+)").matcher(qemu);
            shareModel = model.find() ? model.group(1) : null;
        }

        /** The booted VM as the launcher's instance (as far as a run without neighbours or inbound step uses it), but
         * its step plants the links. */
        private final class Planted implements Instance {

            private final Instance vm;

            Planted(Instance vm) {
                this.vm = vm;
            }

            @Override
            public java.util.Optional<io.isobench.launcher.core.StepServer> ownServer() {
                return vm.ownServer();
            }

            @Override
            public int runStep(List<String> ignored, OutputStream sink, long timeoutSeconds)
                    throws LauncherException, InterruptedException {
                try {
                    return vm.exec(List.of("sh", "-c", plant(vm.suite())), sink, timeoutSeconds);
                } finally {
                    try {
                        observe();
                    } catch (IOException e) {
                        throw new IllegalStateException("cannot look at the planted files: " + e.getMessage(), e);
                    }
                }
            }

            @Override
            public SuiteCommand suite() {
                return vm.suite();
            }

            @Override
            public SuiteCommand.Identity identity() {
                return vm.identity();
            }

            @Override
            public int exec(List<String> command, OutputStream sink, long timeoutSeconds)
                    throws LauncherException, InterruptedException {
                return vm.exec(command, sink, timeoutSeconds);
            }

            @Override
            public Path resultsOnHost() {
                return vm.resultsOnHost();
            }

            @Override
            public double slowdown() {
                return vm.slowdown();
            }

            @Override
            public boolean emulated() {
                return vm.emulated();
            }

            @Override
            public void afterSuite(FootprintWriter footprint) throws InterruptedException {
                vm.afterSuite(footprint);
            }

            @Override
            public void close() {
                vm.close();
            }
        }
    }

    /** Writes to the console as before and into a buffer for the test. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            console.flush();
        }
    }
}
