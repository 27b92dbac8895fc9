package io.isobench.launcher.host;

import io.isobench.launcher.Cleanup;
import io.isobench.launcher.Environment;
import io.isobench.launcher.Footprint;
import io.isobench.launcher.JvmStart;
import io.isobench.launcher.LauncherException;
import io.isobench.launcher.PeerProcess;
import io.isobench.launcher.Processes;
import io.isobench.launcher.Progress;
import io.isobench.launcher.RunSpec;
import io.isobench.launcher.SuiteCommand;
import io.isobench.suite.RunBudget;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bare-metal baseline (or whatever the host is: the fingerprint's {@code hypervisor} flag tells): the suite runs
 * as a child process with the shared runtime; its peer is an EchoPeer JVM on loopback.
 */
public final class HostEnvironment implements Environment {

    private static final long JVM_START_TIMEOUT_SECONDS = 60;
    /** Where the file benchmarks write by default: a disk-backed directory, as in the container and the VM. */
    public static final String DEFAULT_BENCH_DIR = "/var/tmp";

    private final Path benchDir;

    public HostEnvironment(Path benchDir) {
        this.benchDir = benchDir;
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public int run(RunSpec spec, Path envDir) throws LauncherException, InterruptedException {
        Footprint footprint = new Footprint(envDir);
        String java = spec.runtime().java().toString();
        try (Cleanup cleanup = new Cleanup()) {
            PeerProcess peer = PeerProcess.start(spec.runtime(), spec.benchmarksJar(), "127.0.0.1");
            cleanup.add("echo peer", peer::close);
            Thread.sleep(1000); // let the idle peer settle before its memory is read
            footprint.attempt("idle memory", () -> footprint.put("idleMemoryBytes", Processes.rssBytes(peer.pid())));
            footprint.attempt("JVM start time", () -> footprint.putSamples("jvmStartMillis", JvmStart.parse(
                    Processes.run(List.of("sh", "-c", JvmStart.script(java)), JVM_START_TIMEOUT_SECONDS).output())));
            SuiteCommand command = new SuiteCommand(java, spec.benchmarksJar().toString(), envDir.toString(),
                    benchDir.toString(), "127.0.0.1:" + peer.port());
            List<String> args = command.args(spec, new SuiteCommand.Identity(name(), "host", "default", "none"));
            Progress.say("host: running the suite (" + spec.profile().id() + ")");
            long budget = spec.budgetSeconds(RunBudget.NATIVE_SLOWDOWN);
            Process suite = new ProcessBuilder(args).inheritIO().start();
            cleanup.add("suite process", () -> Processes.destroy(suite));
            if (!suite.waitFor(budget, TimeUnit.SECONDS)) {
                throw new LauncherException("host: the suite did not finish within " + budget + " s and was stopped");
            }
            return suite.exitValue();
        } catch (IOException e) {
            throw new LauncherException("host run failed: " + e.getMessage(), e);
        }
    }
}
