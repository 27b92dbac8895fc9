package io.isobench.compare;

import java.util.Locale;

/** The benchmark areas, in report order: the package segment after {@code io.isobench.}. */
public enum Area {
    SYSCALL("syscall", "Syscall"),
    FILEIO("fileio", "File I/O"),
    NETWORK("network", "Network"),
    CPU("cpu", "CPU"),
    MEMORY("memory", "Memory"),
    PROCESS("process", "Process"),
    OTHER("other", "Other");

    private static final String PREFIX = "io.isobench.";

    private final String id;
    private final String title;

    Area(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The area of a fully qualified benchmark name; anything outside the known packages is {@link #OTHER}. */
    public static Area of(String benchmark) {
        if (benchmark == null || !benchmark.startsWith(PREFIX)) {
            return OTHER;
        }
        String rest = benchmark.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String segment = (dot < 0 ? rest : rest.substring(0, dot)).toLowerCase(Locale.ROOT);
        for (Area area : values()) {
            if (area != OTHER && area.id.equals(segment)) {
                return area;
            }
        }
        return OTHER;
    }
}
