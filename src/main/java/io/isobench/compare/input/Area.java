package io.isobench.compare.input;

import io.isobench.suite.BenchmarkSelection;

/** The benchmark areas, in report order: the package segment after {@code io.isobench.}. */
public enum Area {
    SYSCALL("syscall", "Syscall"),
    SCHED("sched", "Wake-ups and timers"),
    FILEIO("fileio", "File I/O"),
    NETWORK("network", "Network (across the boundary)"),
    NETSTACK("netstack", "Network stack (loopback)"),
    CPU("cpu", "CPU"),
    MEMORY("memory", "Memory"),
    PROCESS("process", "Process"),
    OTHER("other", "Other");

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

    /** The area of a fully qualified benchmark name, as the suite groups it ({@link BenchmarkSelection#area}). */
    public static Area of(String benchmark) {
        String id = benchmark == null ? "other" : BenchmarkSelection.area(benchmark);
        for (Area area : values()) {
            if (area.id.equals(id)) {
                return area;
            }
        }
        return OTHER;
    }
}
