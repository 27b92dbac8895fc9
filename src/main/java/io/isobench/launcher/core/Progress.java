package io.isobench.launcher.core;

import java.time.Duration;

/** Progress lines on stderr, so stdout stays the suite's own output. */
public final class Progress {

    private static final long START = System.nanoTime();

    private Progress() {
    }

    public static void say(String message) {
        System.err.printf("isobench [%s] %s%n", elapsed(), message);
        System.err.flush();
    }

    public static void warn(String message) {
        System.err.printf("isobench [%s] WARNING: %s%n", elapsed(), message);
        System.err.flush();
    }

    private static String elapsed() {
        Duration d = Duration.ofNanos(System.nanoTime() - START);
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
