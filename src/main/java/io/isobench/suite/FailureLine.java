package io.isobench.suite;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Watches JMH's output for why a benchmark failed: JMH prints {@code <failure>}, a blank line and the exception
 * (e.g. {@code java.io.IOException: No space left on device}); the first such line becomes the failure's reason in
 * environment.json, instead of only "see jmh.log".
 */
final class FailureLine extends OutputStream {

    private static final String MARKER = "<failure>";
    private static final int MAX_LINE = 4096;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean inFailure;
    private String first;

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            onLine(line.toString(StandardCharsets.UTF_8).strip());
            line.reset();
        } else if (line.size() < MAX_LINE) {
            line.write(b);
        }
    }

    private void onLine(String text) {
        if (first != null) {
            return;
        }
        if (text.equals(MARKER)) {
            inFailure = true;
        } else if (inFailure && !text.isEmpty()) {
            first = text;
        }
    }

    /** The first failure's exception line since the last {@link #reset()}. */
    synchronized Optional<String> first() {
        return Optional.ofNullable(first);
    }

    /** Forgets what was seen: called before each benchmark class. */
    synchronized void reset() {
        line.reset();
        inFailure = false;
        first = null;
    }
}
