package io.isobench.launcher;

import io.isobench.schema.ContainerRuntime;
import io.isobench.suite.RunBudget;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A started environment: it runs commands and holds the suite's results until closed. Host, container and VM differ
 * only here: how a command reaches them and where their files are.
 */
public interface Instance extends AutoCloseable {

    /** The suite runner's paths and peer as seen from inside. */
    SuiteCommand suite();

    /** How the fingerprint names this environment. */
    SuiteCommand.Identity identity();

    /**
     * Runs {@code command} inside, copying its output to {@code sink} as it comes.
     *
     * @return its exit code
     * @throws LauncherException when the environment no longer answers, or the command did not end within
     *                           {@code timeoutSeconds} (the environment then counts as lost)
     */
    int exec(List<String> command, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException;

    /** How much slower than the host a JVM starts here: the step's budget allows for it (see RunBudget). */
    default double slowdown() {
        return RunBudget.NATIVE_SLOWDOWN;
    }

    /** Whether the CPU is emulated (QEMU's TCG): such an environment runs only the first rounds (see RunSpec). */
    default boolean emulated() {
        return false;
    }

    /** Where the host sees the directory that the suite writes inside ({@link SuiteCommand#envDir()}). */
    Path resultsOnHost();

    /**
     * What the environment knows of itself that the suite inside cannot see, added to environment.json: the OCI
     * runtime and its version, gVisor's platform and network mode (inside gVisor, /proc and uname are gVisor's own).
     */
    default ContainerRuntime runtime() {
        return null;
    }

    /** Records into {@code footprint} what is measured after the suite (a writable layer, an overlay). */
    default void afterSuite(Footprint footprint) throws InterruptedException {
    }

    /** Stops everything it started; never throws. */
    @Override
    void close();
}
