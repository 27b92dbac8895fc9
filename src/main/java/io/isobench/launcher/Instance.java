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

    /**
     * Where an EchoPeer inside this environment would listen and how the host reaches it (a published port, a forwarded
     * port, the guest's address), for the inbound steps; empty where this environment has no such path.
     */
    default java.util.Optional<InboundPeer.Route> inboundRoute() {
        return java.util.Optional.empty();
    }

    /**
     * Starts the EchoPeer inside for one inbound step, or fails with the reason. Environments whose own peer already
     * sits where an inbound one would (the host's, on loopback) override it.
     */
    default InboundPeer startInboundPeer() throws LauncherException, InterruptedException {
        InboundPeer.Route route = inboundRoute().orElseThrow(() -> new LauncherException(
                "this environment publishes no port for an inbound peer"));
        return InboundPeer.start(this, route, Math.round(30 + 30 * slowdown()));
    }

    /** Records into {@code footprint} what is measured after the suite (a writable layer, an overlay). */
    default void afterSuite(Footprint footprint) throws InterruptedException {
    }

    /** Stops everything it started; never throws. */
    @Override
    void close();
}
