package io.isobench.launcher;

import io.isobench.launcher.core.Workspace;
import io.isobench.launcher.kind.vm.VmEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs the built launcher jar as a user would, for the integration tests. */
final class Launch {

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private Launch() {
    }

    static Path launcherJar() {
        return Path.of(System.getProperty("isobench.launcherJar", "target/isobench.jar"));
    }

    static Path benchmarksJar() {
        return Path.of(System.getProperty("isobench.benchmarksJar", "target/benchmarks.jar"));
    }

    static Outcome run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", launcherJar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("isobench-it-", ".out");
        Path err = Files.createTempFile("isobench-it-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
            builder.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("isobench " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s; stderr:\n"
                        + Files.readString(err));
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** A launcher started in the background, for tests that act while it runs (kill the engine, press Ctrl-C). */
    record Running(Process process, Path out, Path err) {

        Outcome finish(long timeoutSeconds) throws IOException, InterruptedException {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    fail("the launcher did not finish in " + timeoutSeconds + " s; stderr:\n" + Files.readString(err));
                }
                return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    static Running start(String... args) throws IOException {
        return start(Map.of(), args);
    }

    /** The same, with more environment variables (e.g. SLURM_CONF for a test cluster). */
    static Running start(Map<String, String> env, String... args) throws IOException {
        // A test signals this launcher as Ctrl-C would. A terminal's foreground process has SIGINT at its default, but a
        // build started in the background by a non-interactive shell (nohup mvn verify &) runs with SIGINT ignored,
        // inherited by every child and kept by the JVM: perl (in every Debian) resets it before the launcher starts.
        List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec {$ARGV[0]} @ARGV or die \"exec: $!\\n\"",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", launcherJar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("isobench-it-", ".out");
        Path err = Files.createTempFile("isobench-it-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true");
        builder.environment().put("TESTCONTAINERS_HOST_OVERRIDE", "localhost");
        builder.environment().putAll(env);
        return new Running(builder.start(), out, err);
    }

    /** Processes of ours still alive whose command line contains {@code marker}. */
    static List<String> processesContaining(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains(marker))
                .toList();
    }

    /** The neighbours' control directories and the VMs' work directories (overlays, shares) that exist now. */
    static Set<Path> vmLeftovers() throws IOException {
        Set<Path> found = new HashSet<>();
        for (Path dir : List.of(Path.of(System.getProperty("java.io.tmpdir")), Workspace.cacheDir())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> paths = Files.list(dir)) {
                paths.filter(p -> p.getFileName().toString().startsWith("isobench-load-")
                        || p.getFileName().toString().startsWith(VmEnvironment.WORK_PREFIX)).forEach(found::add);
            }
        }
        return found;
    }
}
