package io.isobench.launcher.core;

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

    /** A step's own work: the suite runner in the environment, or the inbound client on the host. */
    @FunctionalInterface
    interface StepBody {
        int run() throws LauncherException, InterruptedException;
    }

    /**
     * Runs one step's work as this environment's step: as it is, unless the instance does something around its steps
     * (neighbours that load the machine during them, see {@link NeighbourEnvironment}).
     *
     * @param timeoutSeconds the step's whole budget, which bounds what is done around it
     * @return the body's exit code
     */
    default int duringStep(long timeoutSeconds, StepBody body) throws LauncherException, InterruptedException {
        return body.run();
    }

    /**
     * Runs one step of the suite ({@link SuiteCommand#step}) in an environment with its {@link #ownServer}, with
     * {@link #duringStep} around it (the default, for instances that wrap another: as a command).
     */
    default int runStep(List<String> step, OutputStream sink, long timeoutSeconds) throws LauncherException, InterruptedException {
        return duringStep(timeoutSeconds, () -> exec(step, sink, timeoutSeconds));
    }

    /**
     * The suite server that the environment starts by itself for its steps (a VM's init), which {@link #runStep} uses;
     * or empty: the launcher then starts one through {@link #exec} ({@link StepServer#start}) and gives it the steps.
     */
    default java.util.Optional<StepServer> ownServer() {
        return java.util.Optional.empty();
    }

    /**
     * Starts instance number {@code index} of the same kind beside this one (the same image, runtime, limits and network
     * for a container), running {@code neighbours}' load generator, idle, on the control directory {@code control} of
     * the host; it returns once the sibling is started (the generator says {@code ready} in its control directory).
     *
     * @throws LauncherException with a one-line reason when this kind has no neighbours or the sibling did not start;
     *                           whatever the start made is removed
     */
    default Neighbour startNeighbour(int index, NeighbourSpec neighbours, Path control)
            throws LauncherException, InterruptedException {
        throw new LauncherException(identity().name() + " cannot have neighbours");
    }

    /** What {@link #startNeighbour} does, for the instances that are handed it by their environment. */
    @FunctionalInterface
    interface Siblings {
        Neighbour start(int index, NeighbourSpec neighbours, Path control) throws LauncherException, InterruptedException;
    }

    /** A sibling instance started by {@link #startNeighbour}. */
    interface Neighbour extends AutoCloseable {

        /** Stops and removes the sibling; never throws, may run twice. */
        @Override
        void close();
    }

    /** The neighbours this instance runs beside, for environment.json, or null. */
    default io.isobench.schema.Neighbours neighbours() {
        return null;
    }

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
     * Starts the EchoPeer inside for one inbound step, serving {@code service}, or fails with the reason. Environments
     * whose own peer already sits where an inbound one would (the host's, on loopback) override it.
     */
    default InboundPeer startInboundPeer(io.isobench.support.InboundService service)
            throws LauncherException, InterruptedException {
        InboundPeer.Route route = inboundRoute().orElseThrow(() -> new LauncherException(
                "this environment publishes no port for an inbound peer"));
        return InboundPeer.start(this, route, Math.round(30 + 30 * slowdown()), service);
    }

    /** Records into {@code footprint} what is measured after the suite (a writable layer, an overlay). */
    default void afterSuite(FootprintWriter footprint) throws InterruptedException {
    }

    /** Stops everything it started; never throws. */
    @Override
    void close();
}
