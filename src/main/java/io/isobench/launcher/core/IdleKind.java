package io.isobench.launcher.core;

import java.util.List;
import java.util.OptionalLong;

/**
 * A kind of instance that {@code isobench density} starts idle, one after another: each runs an idle EchoPeer JVM from
 * the same jar. What the instances share (a work directory, a copy of the runtime) lives until the kind is closed.
 */
public interface IdleKind extends AutoCloseable {

    /** The series' name in density.json: {@code host}, {@code container-runc}, {@code vm-tcg-ksm}, ... */
    String label();

    /** host, container or vm. */
    String kind();

    /** What a reader of the numbers must know (emulation, how the runtime reaches the instance). */
    List<String> notes();

    /**
     * Starts instance number {@code index} (from 1) and returns once its EchoPeer listens.
     *
     * @throws LauncherException with a one-line reason; whatever this start made is removed
     */
    Started start(int index) throws LauncherException, InterruptedException;

    /** Removes what the instances shared and whatever of this kind is still running; never throws, may run twice. */
    @Override
    void close();

    /** One running idle instance. */
    interface Started extends AutoCloseable {

        /** From asking for the instance to its EchoPeer saying it listens. */
        double startToReadyMillis();

        /** Proportional memory of the host processes that are this instance (or serve it), where known. */
        OptionalLong hostProcessesPssBytes();

        /** Stops and removes the instance; never throws, may run twice. */
        @Override
        void close();
    }

    /** Reads the PSS of an instance's host processes. */
    interface PssReader {
        long bytes() throws java.io.IOException;
    }

    /** An instance ready after {@code millis}, its host memory read by {@code pss}, stopped by {@code stop}. */
    static Started started(double millis, PssReader pss, Runnable stop) {
        return new Started() {
            @Override
            public double startToReadyMillis() {
                return millis;
            }

            @Override
            public OptionalLong hostProcessesPssBytes() {
                try {
                    return OptionalLong.of(pss.bytes());
                } catch (java.io.IOException e) {
                    return OptionalLong.empty();
                }
            }

            @Override
            public void close() {
                stop.run();
            }
        };
    }
}
