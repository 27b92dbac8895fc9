package io.isobench.load;

import java.util.Arrays;
import java.util.Locale;

/** What a neighbour loads: the CPU (arithmetic), the disk (write, fsync, read back) or the network stack (TCP on loopback). */
public enum LoadKind {
    CPU, IO, NET;

    /** The lower-case name the options and environment names use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code cpu}, {@code io} or {@code net}; one line naming the value otherwise. */
    public static LoadKind parse(String text) {
        for (LoadKind kind : values()) {
            if (kind.id().equals(text == null ? null : text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("--load must be one of " + String.join(", ",
                Arrays.stream(values()).map(LoadKind::id).toList()) + ", got '" + text + "'");
    }
}
