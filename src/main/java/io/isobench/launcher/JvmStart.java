package io.isobench.launcher;

import java.util.ArrayList;
import java.util.List;

/** Wall time of {@code java -version}: how long a JVM takes to start and exit, measured {@link Footprint#SAMPLES} times. */
public final class JvmStart {

    /** Runs a command that starts a JVM; the launcher times it from outside. */
    public interface Starter {
        void startJvm() throws LauncherException, InterruptedException;
    }

    private JvmStart() {
    }

    public static List<Double> measure(Starter starter) throws LauncherException, InterruptedException {
        starter.startJvm(); // the first start warms the page cache; it is not counted
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < Footprint.SAMPLES; i++) {
            long start = System.nanoTime();
            starter.startJvm();
            samples.add(Footprint.millisSince(start));
        }
        return samples;
    }
}
