package io.isobench.launcher;

import java.nio.file.Path;

/** A place the suite runs: the host, a container, a virtual machine. */
public interface Environment {

    /** The environment directory's name: {@code host}, {@code container-bridge}, {@code vm-tcg}, ... */
    String name();

    /**
     * Runs the suite and leaves {@code jmh.json}, {@code environment.json}, {@code jmh.log} and
     * {@code footprint.json} in {@code envDir}, also as far as they got when it fails.
     *
     * @return the suite runner's exit code (0 all ran, 1 some benchmarks failed)
     * @throws LauncherException when the environment cannot be started or is lost, with a one-line reason
     */
    int run(RunSpec spec, Path envDir) throws LauncherException, InterruptedException;
}
