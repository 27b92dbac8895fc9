package io.isobench.launcher.core;

import io.isobench.suite.ConsoleText;

import java.time.Duration;

/**
 * Progress lines on stderr, so stdout stays the suite's own output. A message may carry what came from inputs (a
 * benchmark's name, a guest's last words): control characters are dropped ({@link ConsoleText}).
 */
public final class Progress {

    private static final long START = System.nanoTime();

    private Progress() {
    }

    public static void say(String message) {
        System.err.printf("isobench [%s] %s%n", elapsed(), ConsoleText.clean(message));
        System.err.flush();
    }

    public static void warn(String message) {
        System.err.printf("isobench [%s] WARNING: %s%n", elapsed(), ConsoleText.clean(message));
        System.err.flush();
    }

    private static String elapsed() {
        Duration d = Duration.ofNanos(System.nanoTime() - START);
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}
