package io.isobench.support;

import java.util.OptionalLong;

/**
 * The {@code name: value} lines of a /proc io file ({@code /proc/thread-self/io}, {@code /proc/self/io}): Linux's, a
 * guest kernel's and gVisor's own ({@code rchar}, {@code syscr}, {@code syscw}, {@code read_bytes}, ...), and the
 * numeric lines of a task's {@code status} ({@code nonvoluntary_ctxt_switches}).
 */
public final class ProcIo {

    private ProcIo() {
    }

    /** The value of the line {@code name}, or empty when the text has none. */
    public static OptionalLong field(String text, String name) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return OptionalLong.of(Long.parseLong(line.substring(colon + 1).trim()));
            }
        }
        return OptionalLong.empty();
    }
}
