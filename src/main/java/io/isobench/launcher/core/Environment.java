package io.isobench.launcher.core;

import io.isobench.suite.RunBudget;

import java.nio.file.Path;

/**
 * A place the suite runs: the host, a container, a virtual machine. An environment only knows how to start; what runs
 * in it, when, and what is kept is the same for all of them ({@link Rounds}, {@link RunningEnvironment}).
 */
public interface Environment {

    /** The environment directory's name: {@code host}, {@code container-bridge}, {@code vm-tcg}, ... */
    String name();

    /**
     * Starts the environment and its peer, and records into {@code footprint} what only this kind of environment has
     * (image size, start or boot times, idle memory).
     *
     * @throws LauncherException when it cannot be started, with a one-line reason; whatever it started is stopped
     */
    Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) throws LauncherException, InterruptedException;

    /**
     * Checks, before anything of the run is made or started, what would make this environment fail at once on this
     * machine (another host run holding JMH's lock). Environments that have nothing to check need not override it.
     *
     * @throws LauncherException with a one-line reason; the run then does not start
     */
    default void preflight() throws LauncherException {
    }

    /**
     * How much slower than the host its JVMs will start, as its {@link Instance#slowdown()} will say once started: for
     * the plan of a run ({@code --plan}) before anything starts.
     */
    default double expectedSlowdown() {
        return RunBudget.NATIVE_SLOWDOWN;
    }

    /** Whether its CPU will be emulated (a VM under TCG), as its {@link Instance#emulated()} will say once started. */
    default boolean expectsEmulation() {
        return false;
    }

    /** A stand-in for an environment that cannot run here, so that its skip is recorded under its name. */
    static Environment named(String name) {
        return new Environment() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Instance start(RunSpec spec, Path envDir, FootprintWriter footprint) {
                throw new IllegalStateException(name + " cannot run here");
            }
        };
    }
}
