package io.isobench.launcher.core;

import io.isobench.suite.SuiteServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's side of the suite server, with a real server JVM started as the host starts it (a child process):
 * commands run by it in turn, their output and exit code come back, the server ends when told and its directory goes,
 * a server that died is said, and no server outlives the process that started it.
 */
class StepServerTest {

    @TempDir
    Path temp;

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASS_PATH = System.getProperty("java.class.path");

    /** An instance whose commands are child processes of this JVM, as the host's are. */
    private final class ChildProcesses implements Instance {
        final AtomicReference<Process> running = new AtomicReference<>();
        final SuiteCommand suite = new SuiteCommand(JAVA, CLASS_PATH, temp.resolve("env").toString(),
                temp.resolve("bench").toString(), null, null);

        @Override
        public SuiteCommand suite() {
            return suite;
        }

        @Override
        public SuiteCommand.Identity identity() {
            return new SuiteCommand.Identity("test", "host", "default", "none");
        }

        @Override
        public int exec(List<String> command, OutputStream sink, long timeoutSeconds)
                throws LauncherException, InterruptedException {
            return Processes.stream(command, sink, timeoutSeconds, running);
        }

        @Override
        public Path resultsOnHost() {
            return temp.resolve("env");
        }

        @Override
        public void close() {
        }
    }

    /** A server started as the host's is, on env/.steps, with one command run to show that it answers. */
    private StepServer started() throws Exception {
        ChildProcesses instance = new ChildProcesses();
        Path dir = temp.resolve("env/.steps");
        StepServer server = StepServer.start(instance, instance.suite(), dir, dir.toString());
        assertEquals(0, server.exec(List.of("true"), OutputStream.nullOutputStream(), 60));
        return server;
    }

    private static Optional<ProcessHandle> serverProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(SuiteServer.class.getName())).findFirst();
    }

    @Test
    void runsCommandsInTurnAndEndsWhenClosed() throws Exception {
        ChildProcesses instance = new ChildProcesses();
        Path dir = temp.resolve("env/.steps");
        StepServer server = StepServer.start(instance, instance.suite(), dir, dir.toString());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(3, server.exec(List.of("sh", "-c", "echo first; exit 3"), out, 60));
            assertEquals("first\n", out.toString(StandardCharsets.UTF_8));
            out.reset();
            assertEquals(0, server.exec(List.of("echo", "it's", "second"), out, 60));
            assertEquals("it's second\n", out.toString(StandardCharsets.UTF_8));
            assertTrue(serverProcess().isPresent(), "one server JVM runs both commands");
        } finally {
            server.close(false);
        }
        assertFalse(Files.exists(dir), "the server's directory is removed");
        assertTrue(serverProcess().isEmpty(), "the server ended");
    }

    @Test
    void aServerThatDiedIsSaidAtTheNextCommand() throws Exception {
        StepServer server = started();
        try {
            ProcessHandle jvm = serverProcess().orElseThrow();
            jvm.destroy(); // SIGTERM: 143 (137 is what a server stuck in a step exits with, and is started again)
            jvm.onExit().get(30, TimeUnit.SECONDS);
            LauncherException e = assertThrows(LauncherException.class,
                    () -> server.exec(List.of("true"), OutputStream.nullOutputStream(), 60));
            assertTrue(e.getMessage().startsWith("its suite server ended (exit 143)"), e.getMessage());
        } finally {
            server.close(true);
        }
    }

    @Test
    void aServerKilledInAStepIsStartedAgainForTheNext() throws Exception {
        StepServer server = started();
        try {
            ProcessHandle jvm = serverProcess().orElseThrow();
            jvm.destroyForcibly(); // 137, as the server ends when a step would not return
            jvm.onExit().get(30, TimeUnit.SECONDS);
            Thread.sleep(2000); // the launcher's thread hears that the command ended
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(0, server.exec(List.of("echo", "again"), out, 60));
            assertEquals("again\n", out.toString(StandardCharsets.UTF_8));
            assertTrue(serverProcess().filter(p -> p.pid() != jvm.pid()).isPresent(), "a new server");
        } finally {
            server.close(false);
        }
        assertTrue(serverProcess().isEmpty(), "the server ended");
    }

    @Test
    void noServerOutlivesItsParent() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("steps"));
        SuiteCommand suite = new ChildProcesses().suite();
        List<String> command = new java.util.ArrayList<>(suite.server(dir.toString()));
        command.add("--exit-with-parent");
        // A parent that starts the server and goes: the server must end by itself, with no stop file.
        Process parent = new ProcessBuilder("sh", "-c", SuiteCommand.shellQuote(command) + " >/dev/null 2>&1 & echo $!; sleep 2")
                .redirectErrorStream(true).start();
        long pid = Long.parseLong(new String(parent.getInputStream().readNBytes(32), StandardCharsets.UTF_8).strip());
        assertTrue(parent.waitFor(30, TimeUnit.SECONDS));
        Optional<ProcessHandle> server = ProcessHandle.of(pid);
        if (server.isPresent()) {
            assertTrue(server.get().onExit().get(60, TimeUnit.SECONDS).pid() == pid);
        }
        assertFalse(Files.exists(dir.resolve("stop")));
    }

    @Test
    void aDirectoryReplacedByALinkIsRefused() throws Exception {
        Path dir = temp.resolve("env/.steps");
        StepServer server = started();
        try {
            Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
            io.isobench.support.BenchDir.deleteRecursively(dir);
            Files.createSymbolicLink(dir, elsewhere);
            LauncherException e = assertThrows(LauncherException.class,
                    () -> server.exec(List.of("true"), OutputStream.nullOutputStream(), 60));
            assertTrue(e.getMessage().contains("no longer a directory"), e.getMessage());
            try (var files = Files.list(elsewhere)) {
                assertEquals(0, files.count(), "nothing written through the link");
            }
        } finally {
            server.close(true);
        }
    }
}
